// Status and Result<T>: how anything that can fail on bad input or I/O reports it.
#ifndef VANBAN_PIPELINE_STATUS_H_
#define VANBAN_PIPELINE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace vanban {

// The reasons a call can fail. Messages for each live in status.cc.
enum class StatusCode {
  kOk = 0,
  kNotFound,        // the file or object does not exist
  kIOError,         // it exists but could not be read or written
  kInvalidInput,    // the bytes are not what the format says (junk, bad UTF-8)
  kEmpty,           // no content at all
  kUnsupported,     // a format or encoding vanban does not read
  kTooLarge,        // over a configured limit (size, pages, time)
  kEncrypted,       // a password-protected document
  kCorrupt,         // a damaged file of a known format
  kBadRules,        // a rule file that does not load or compile (run-fatal)
  kInternal,        // a bug: should not happen
};

// Returns the short, stable name of a code ("invalid-input", …).
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status InvalidInput(std::string msg) {
    return Status(StatusCode::kInvalidInput, std::move(msg));
  }
  static Status Empty(std::string msg) { return Status(StatusCode::kEmpty, std::move(msg)); }
  static Status Unsupported(std::string msg) {
    return Status(StatusCode::kUnsupported, std::move(msg));
  }
  static Status TooLarge(std::string msg) { return Status(StatusCode::kTooLarge, std::move(msg)); }
  static Status Encrypted(std::string msg) {
    return Status(StatusCode::kEncrypted, std::move(msg));
  }
  static Status Corrupt(std::string msg) { return Status(StatusCode::kCorrupt, std::move(msg)); }
  static Status BadRules(std::string msg) { return Status(StatusCode::kBadRules, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // The same error with more said after its message.
  Status Annotated(const std::string& more) const { return Status(code_, message_ + more); }

  // Returns "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// The one table of error-kind names.
inline const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kIOError: return "io-error";
    case StatusCode::kInvalidInput: return "invalid-input";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kTooLarge: return "too-large";
    case StatusCode::kEncrypted: return "encrypted";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kBadRules: return "bad-rules";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

inline std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = StatusCodeName(code_);
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or an error");
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace vanban

#endif  // VANBAN_PIPELINE_STATUS_H_
