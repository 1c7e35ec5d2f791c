// vanban serve: the JSON API and the clerks' web page over one index, on
// cpp-httplib (a thread per connection from its pool; each request opens its
// own connection to the index, so readers go on while an upload is ingested).
#ifndef VANBAN_SERVER_SERVER_H_
#define VANBAN_SERVER_SERVER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "pipeline/options.h"
#include "pipeline/status.h"

namespace vanban {

struct ServerOptions {
  std::string index;  // the index file (created when missing)
  std::string host = "127.0.0.1";
  int port = 8080;                // 0: any free port (see Server::port)
  std::string token;              // when set, writes need "Authorization: Bearer <token>"
  int64_t max_upload = 50 << 20;  // bytes of one request body
  std::string upload_dir;         // where uploads are kept; "": <index>.uploads
  std::string rules_dir;          // "": the built-in rules
  PipelineOptions pipeline;
  // One line per request and per ingested upload ("" to stay quiet).
  std::function<void(const std::string& line)> log;
};

class Server {
 public:
  // Loads the rules, opens (creating) the index and the upload folder, binds
  // the address. Errors name what failed.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port bound (the chosen one when options.port was 0).
  int port() const;
  // Serves until Stop() is called (from another thread or a signal handler's
  // thread). Returns false when the listener failed.
  bool Run();
  void Stop();

 private:
  struct Rep;
  explicit Server(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace vanban

#endif  // VANBAN_SERVER_SERVER_H_
