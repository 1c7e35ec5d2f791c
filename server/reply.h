// JSON answers: a body with its content type, and errors as
// {"error": "...", "status": N} with the same HTTP status.
#ifndef VANBAN_SERVER_REPLY_H_
#define VANBAN_SERVER_REPLY_H_

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/status.h"

namespace vanban {

void ReplyJson(httplib::Response* res, const nlohmann::json& body, int status = 200);
void ReplyError(httplib::Response* res, int status, const std::string& message);
// An index query that failed: 400 when the query itself was refused (too
// many words, too costly), 500 otherwise.
void ReplyIndexError(httplib::Response* res, const Status& status);

}  // namespace vanban

#endif  // VANBAN_SERVER_REPLY_H_
