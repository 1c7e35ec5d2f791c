// `vanban serve` as the command line starts it: the address and token flags,
// the line that says where it listens, a clean stop on SIGTERM.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

// `vanban serve ARGS…` with its stdout in a file; the port from its first line.
class Serve {
 public:
  Serve(std::vector<std::string> args, const std::string& dir) : out_(dir + "/serve.out") {
    pid_ = fork();
    if (pid_ == 0) {
      int out = open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(out, 2);
      std::string bin = VANBAN_BINARY;
      std::vector<char*> argv = {bin.data()};
      std::string serve = "serve";
      argv.push_back(serve.data());
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Serve() { Stop(); }

  // The port of "serving http://127.0.0.1:PORT/", waiting up to a minute.
  int Port() {
    const std::string marker = "serving http://127.0.0.1:";
    for (int i = 0; i < 600; ++i) {
      std::ifstream in(out_);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      size_t at = text.find(marker);
      if (at != std::string::npos) return std::stoi(text.substr(at + marker.size()));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
  }
  int Stop() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  std::string out_;
  pid_t pid_ = 0;
};

TEST(ServeCommand, TokenFileGuardsUploadsAndSigtermStopsCleanly) {
  std::string dir = testing::MakeTempDir();
  {
    std::ofstream token(dir + "/token");
    token << "tok-123\n";
  }
  Serve serve({"--index", dir + "/index.sqlite", "--listen", "127.0.0.1:0", "--token-file",
               dir + "/token", "--quiet"},
              dir);
  int port = serve.Port();
  ASSERT_GT(port, 0);
  httplib::Client c("127.0.0.1", port);
  auto health = c.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(nlohmann::json::parse(health->body)["writes_need_token"], true);
  httplib::MultipartFormDataItems items = {{"file", "x", "a.txt", "text/plain"}};
  auto anonymous = c.Post("/api/documents", items);
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  auto with = c.Post("/api/documents", {{"Authorization", "Bearer tok-123"}}, items);
  ASSERT_TRUE(with);
  EXPECT_NE(with->status, 401);
  EXPECT_EQ(serve.Stop(), 0);
}

TEST(ServeCommand, BadFlagsAreOneLineAndExit2) {
  std::string dir = testing::MakeTempDir();
  auto bad_listen = testing::RunVanban({"serve", "--index", dir + "/i.sqlite", "--listen", "8080"});
  EXPECT_EQ(bad_listen.exit_code, 2);
  EXPECT_NE(bad_listen.err.find("--listen"), std::string::npos) << bad_listen.err;
  auto no_token =
      testing::RunVanban({"serve", "--index", dir + "/i.sqlite", "--token-file", dir + "/missing"});
  EXPECT_EQ(no_token.exit_code, 2);
  EXPECT_NE(no_token.err.find("token"), std::string::npos) << no_token.err;
  auto both = testing::RunVanban({"serve", "--token", "a", "--token-file", dir + "/t"});
  EXPECT_EQ(both.exit_code, 2);
  auto not_index = testing::RunVanban({"serve", "--index",
                                       testing::SourcePath("samples/000_098c887c129b784c.txt"),
                                       "--listen", "127.0.0.1:0"});
  EXPECT_EQ(not_index.exit_code, 2);
  EXPECT_NE(not_index.err.find("not a vanban index"), std::string::npos) << not_index.err;
}

}  // namespace
}  // namespace vanban
