// JSON answers and errors.
#include "server/reply.h"

#include "pipeline/plan_json.h"

namespace vanban {

void ReplyJson(httplib::Response* res, const nlohmann::json& body, int status) {
  res->status = status;
  res->set_content(PlanDump(body), "application/json; charset=utf-8");
}

void ReplyError(httplib::Response* res, int status, const std::string& message) {
  ReplyJson(res, {{"error", message}, {"status", status}}, status);
}

void ReplyIndexError(httplib::Response* res, const Status& status) {
  ReplyError(res, status.code() == StatusCode::kInvalidInput ? 400 : 500, status.ToString());
}

}  // namespace vanban
