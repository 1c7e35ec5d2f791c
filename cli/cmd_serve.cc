// vanban serve: the JSON API and the clerks' web page over an index
// (server/). This file only reads the flags and runs the server until
// SIGINT or SIGTERM.
#include <signal.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/command.h"
#include "index/index.h"
#include "pipeline/pipeline.h"
#include "server/server.h"
#include "server/watch.h"

namespace vanban {
namespace {

struct ServeFlags {
  ServerOptions server;
  std::string listen = "127.0.0.1:8080";
  std::string token_file;
  std::vector<std::string> watch_dirs;
  bool quiet = false;
};

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback); false when malformed.
bool SplitListen(const std::string& listen, std::string* host, int* port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  std::string h = listen.substr(0, colon), p = listen.substr(colon + 1);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *host = h.empty() ? "127.0.0.1" : h;
  *port = std::stoi(p);
  return *port <= 65535;
}

bool IsLoopback(const std::string& host) {
  return host.rfind("127.", 0) == 0 || host == "::1" || host == "localhost";
}

// The token from --token-file: its first line.
bool ReadTokenFile(const std::string& path, std::string* token) {
  std::ifstream in(path);
  if (!in || !std::getline(in, *token)) return false;
  while (!token->empty() && (token->back() == '\r' || token->back() == ' ')) token->pop_back();
  return !token->empty();
}

// serve --watch: the inbox beside the server, into the same index.
std::thread StartWatch(const ServeFlags& flags, std::atomic<bool>* stop, bool* ok) {
  return std::thread([&flags, stop, ok] {
    auto pipeline = Pipeline::Create(flags.server.pipeline);
    Status s = pipeline.ok() ? Status::OK() : pipeline.status();
    if (s.ok()) {
      WatchOptions w;
      w.dirs = flags.watch_dirs;
      w.index = flags.server.index;
      w.log = [](const std::string& line) { std::cerr << "watch: " << line << std::endl; };
      s = Watch(w, *pipeline.value(), stop);
    }
    if (!s.ok()) {
      PrintError("watch", s.ToString());
      *ok = false;
      kill(getpid(), SIGTERM);
    }
  });
}

int RunServe(ServeFlags& flags) {
  ServerOptions& o = flags.server;
  if (!SplitListen(flags.listen, &o.host, &o.port)) {
    PrintError("--listen", flags.listen + ": expected HOST:PORT (127.0.0.1:8080)");
    return kExitFatal;
  }
  if (!flags.token_file.empty() && !ReadTokenFile(flags.token_file, &o.token)) {
    PrintError(flags.token_file, "cannot read a token from it");
    return kExitFatal;
  }
  if (!flags.quiet) o.log = [](const std::string& line) { std::cerr << line << "\n"; };
  if (!IsLoopback(o.host) && o.token.empty()) {
    PrintError("--listen", "serving beyond this machine without --token: anyone may upload");
  }
  // Signals are taken by sigwait below, not by a handler.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  auto server = Server::Create(o);
  if (!server.ok()) {
    PrintError("serve", server.status().ToString());
    return kExitFatal;
  }
  std::cout << "vanban: serving http://" << o.host << ":" << server.value()->port() << "/ (index "
            << o.index << ")" << std::endl;
  bool ok = true;
  std::thread runner([&] {
    ok = server.value()->Run();
    kill(getpid(), SIGTERM);  // the listener ended: wake sigwait
  });
  std::atomic<bool> stop_watch{false};
  std::thread watcher;
  if (!flags.watch_dirs.empty()) watcher = StartWatch(flags, &stop_watch, &ok);
  int sig = 0;
  sigwait(&stop, &sig);
  stop_watch = true;
  server.value()->Stop();
  runner.join();
  if (watcher.joinable()) watcher.join();
  return ok ? kExitOk : kExitFatal;
}

}  // namespace

void RegisterServe(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<ServeFlags>();
  flags->server.index = DefaultIndexPath();
  CLI::App* cmd = app->add_subcommand(
      "serve",
      "Serve the JSON API and the web page for clerks over an index (loopback by default)");
  cmd->add_option(
      "--index", flags->server.index,
      "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite; created if missing)");
  cmd->add_option("--listen", flags->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  auto* token =
      cmd->add_option("--token", flags->server.token, "Uploads need Authorization: Bearer TOKEN");
  cmd->add_option("--token-file", flags->token_file, "Read the token from this file's first line")
      ->excludes(token);
  cmd->add_option("--max-upload", flags->server.max_upload,
                  "Largest upload in bytes (default 50 MB)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--upload-dir", flags->server.upload_dir,
                  "Where uploaded files are kept (default: INDEX.uploads)");
  cmd->add_option("--watch", flags->watch_dirs,
                  "Also ingest files arriving in this folder (as vanban watch; repeatable)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--quiet,-q", flags->quiet, "No line per request on stderr");
  AddPipelineFlags(cmd, &flags->server.pipeline);
  cmd->callback([flags, run] { *run = [flags] { return RunServe(*flags); }; });
}

}  // namespace vanban
