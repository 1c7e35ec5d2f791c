// The lead phrase at the start of a clause: the body (or list of bodies) that
// is the subject of an assignment ("Các cấp ủy, tổ chức đảng báo cáo …",
// "Giao Sở Nội vụ chủ trì …", "Yêu cầu các ban, đơn vị … hoàn thành …").
#ifndef VANBAN_EXTRACTORS_TASK_LEAD_H_
#define VANBAN_EXTRACTORS_TASK_LEAD_H_

#include <string_view>
#include <vector>

#include "extractors/organisations.h"
#include "extractors/pattern_set.h"
#include "pipeline/document.h"

namespace vanban {

class LeadPhraseFinder {
 public:
  // REQUIRES: patterns and orgs outlive the finder. patterns holds the
  // tasks.rules ids lead.verb, lead.cue and body.head.
  LeadPhraseFinder(const PatternSet* patterns, const OrgMatcher* orgs);

  // Returns the span of the lead phrase of the clause starting at begin
  // (before end): an optional assigning cue ("Giao", "Đề nghị"), then words
  // that start with a body and run up to a lower-case lead verb. Returns an
  // empty span when the clause does not start that way.
  Span Find(std::string_view text, size_t begin, size_t end) const;

  // Splits text[begin, end) into bodies at ", ", "; " and " và " where the
  // next piece starts a body ("Sở Tài chính, các sở, ngành và UBND các xã").
  std::vector<Span> SplitBodies(std::string_view text, size_t begin, size_t end) const;

  // True when a new body starts at p: a body, but not a bare group word
  // continuing the one before ("các sở, ban, ngành").
  bool StartsBody(std::string_view text, size_t p, size_t end) const;

 private:
  size_t SkipCue(std::string_view text, size_t p, size_t end) const;
  size_t BodyAt(std::string_view text, size_t p, size_t end) const;
  size_t NextPiece(std::string_view text, size_t i, size_t end) const;
  bool Bare(std::string_view text, size_t b, size_t e) const;
  bool VerbAt(std::string_view text, size_t p, size_t end, bool after_lexicon) const;
  bool LexiconBody(std::string_view text, size_t b, size_t e) const;

  const PatternSet* patterns_;
  const OrgMatcher* orgs_;
  int verb_, cue_, head_, stop_, and_, more_, bare_, not_, cap_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TASK_LEAD_H_
