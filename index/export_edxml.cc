// edXML MessageHeaders (QCVN 102:2016/BTTTT) from plans, written with
// pugixml so the output is always well-formed. Agency ids (OrganId) come from
// a national list vanban does not have and stay empty; so do the elements
// only the sending office knows (contact details, priority, steering type).
#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <sstream>

#include "index/export_office.h"

namespace vanban {
namespace {

constexpr const char* kNamespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// YYYY-MM-DD as edXML's yyyy/MM/dd; "" for partial dates.
std::string EdDate(const std::string& ymd) {
  if (ymd.size() != 10) return "";
  std::string out = ymd;
  std::replace(out.begin(), out.end(), '-', '/');
  return out;
}

pugi::xml_node Add(pugi::xml_node parent, const char* name, const std::string& text = "") {
  pugi::xml_node n = parent.append_child(name);
  if (!text.empty()) n.text().set(text.c_str());
  return n;
}

// An organisation block (From, To): only its name is known.
void Organ(pugi::xml_node parent, const char* name, const std::string& organ,
           const std::string& in_charge) {
  pugi::xml_node o = Add(parent, name);
  Add(o, "OrganId");
  Add(o, "OrganizationInCharge", in_charge);
  Add(o, "OrganName", organ);
  for (const char* empty : {"OrganAdd", "Email", "Telephone", "Fax", "Website"}) Add(o, empty);
}

// The addressees ("Kính gửi") and the recipients list ("Nơi nhận"), each once.
std::vector<std::string> Receivers(const nlohmann::json& plan) {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  const nlohmann::json& d = plan.value("document", nlohmann::json::object());
  for (const auto& a : d.value("addressees", nlohmann::json::array())) {
    if (a.is_string()) add(a.get<std::string>());
  }
  for (const auto& r : plan.value("recipients", nlohmann::json::array())) add(Str(r, "name"));
  return out;
}

// The earliest full-date deadline, "" when none.
std::string FirstDue(const nlohmann::json& plan) {
  std::string best;
  for (const auto& d : plan.value("deadlines", nlohmann::json::array())) {
    std::string due = Str(d, "due");
    if (due.size() == 10 && (best.empty() || due < best)) best = due;
  }
  return best;
}

void Header(pugi::xml_node h, const nlohmann::json& plan) {
  const nlohmann::json& d = plan.value("document", nlohmann::json::object());
  const nlohmann::json& sig = plan.value("signature", nlohmann::json::object());
  std::string issuer = Str(d, "issuer"), parent = Str(d, "parent_issuer");
  Organ(h, "From", issuer.empty() ? parent : issuer, issuer.empty() ? "" : parent);
  std::vector<std::string> receivers = Receivers(plan);
  for (const std::string& r : receivers) Organ(h, "To", r, "");
  pugi::xml_node code = Add(h, "Code");
  Add(code, "CodeNumber", Str(d, "number"));
  Add(code, "CodeNotation", Str(d, "symbol"));
  pugi::xml_node prom = Add(h, "PromulgationInfo");
  Add(prom, "Place", Str(d, "place"));
  Add(prom, "PromulgationDate", EdDate(Str(d, "issued_on")));
  pugi::xml_node type = Add(h, "DocumentType");
  Add(type, "Type");
  Add(type, "TypeName", Str(d, "type"));
  Add(h, "Subject", Str(d, "subject"));
  Add(h, "Content");
  pugi::xml_node signer = Add(h, "SignerInfo");
  Add(signer, "Competence", Str(sig, "authority"));
  Add(signer, "Position", Str(sig, "title"));
  Add(signer, "FullName", Str(sig, "name"));
  Add(h, "DueDate", EdDate(FirstDue(plan)));
  pugi::xml_node places = Add(h, "ToPlaces");
  for (const std::string& r : receivers) Add(places, "Place", r);
  pugi::xml_node other = Add(h, "OtherInfo");
  Add(other, "Priority");
  Add(other, "SphereOfPromulgation");
  Add(other, "TyperNotation");
  Add(other, "PromulgationAmount");
  size_t pages =
      plan.value("source", nlohmann::json::object()).value("pages", nlohmann::json::array()).size();
  Add(other, "PageAmount", pages ? std::to_string(pages) : "");
  Add(other, "Appendixes");
  Add(h, "SteeringType");
  std::string number = Str(d, "number"), symbol = Str(d, "symbol");
  Add(h, "DocumentId",
      "," + EdDate(Str(d, "issued_on")) + "," + number + (symbol.empty() ? "" : "/" + symbol));
}

}  // namespace

std::string EdxmlEnvelope(const nlohmann::json& plan) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node env = doc.append_child("edXML:edXMLEnvelope");
  env.append_attribute("xmlns:edXML") = kNamespace;
  pugi::xml_node header = env.append_child("edXML:edXMLHeader");
  pugi::xml_node mh = header.append_child("edXML:MessageHeader");
  pugi::xml_document inner;
  Header(inner.append_child("h"), plan);
  // The header's elements carry the edXML prefix like their parents.
  for (pugi::xml_node n : inner.child("h").children()) mh.append_copy(n);
  for (pugi::xpath_node x : mh.select_nodes(".//*")) {
    pugi::xml_node n = x.node();
    n.set_name(("edXML:" + std::string(n.name())).c_str());
  }
  header.append_child("edXML:TraceHeaderList");
  env.append_child("edXML:edXMLBody");
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::string EdxmlFileName(const nlohmann::json& plan) {
  const nlohmann::json& d = plan.value("document", nlohmann::json::object());
  std::string ref = Str(d, "reference"), out;
  for (unsigned char c : ref) {
    out += (c < 0x80 && !std::isalnum(c) && c != '-') ? '_' : static_cast<char>(c);
  }
  std::string sha = Str(plan.value("source", nlohmann::json::object()), "sha256").substr(0, 12);
  if (out.empty()) return sha + ".edxml";
  return out + (sha.empty() ? "" : "." + sha.substr(0, 8)) + ".edxml";
}

}  // namespace vanban
