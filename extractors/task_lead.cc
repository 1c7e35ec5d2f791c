// Finds the lead phrase of a clause by walking its words: bodies (from the
// organisation lexicon or the body head words of tasks.rules) and the words
// joining them, up to the first lower-case verb that makes them the subject.
#include "extractors/task_lead.h"

#include <algorithm>

namespace vanban {
namespace {

constexpr size_t kMaxLeadWords = 28;
constexpr size_t kLookahead = 96;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '*' || c == '_'; }

bool EndsClause(char c) { return c == '.' || c == ';' || c == ':' || c == '\n' || c == '('; }

}  // namespace

LeadPhraseFinder::LeadPhraseFinder(const PatternSet* patterns, const OrgMatcher* orgs)
    : patterns_(patterns), orgs_(orgs) {
  verb_ = patterns_->Index("lead.verb");
  cue_ = patterns_->Index("lead.cue");
  head_ = patterns_->Index("body.head");
  stop_ = patterns_->Index("lead.stop");
  and_ = patterns_->Index("list.and");
  more_ = patterns_->Index("list.more");
  bare_ = patterns_->Index("lead.bare");
  not_ = patterns_->Index("body.not");
  cap_ = patterns_->Index("lead.verb.cap");
}

// True when text[b, e) is only a generic body word ("Cơ quan", "Đơn vị").
bool LeadPhraseFinder::Bare(std::string_view text, size_t b, size_t e) const {
  return bare_ >= 0 && patterns_->PartialMatch(bare_, text.substr(b, e - b));
}

size_t LeadPhraseFinder::SkipCue(std::string_view text, size_t p, size_t end) const {
  PatternMatch m;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (cue_ >= 0 && patterns_->FindNext(cue_, piece, 0, &m) && m.begin == 0 && m.has(1)) {
    return p + static_cast<size_t>(m.groups[1].data() - piece.data()) + m.groups[1].size();
  }
  return p;
}

// The end of a body that starts at p, or p when none does.
size_t LeadPhraseFinder::BodyAt(std::string_view text, size_t p, size_t end) const {
  if (not_ >= 0 && patterns_->PartialMatch(not_, text.substr(p, std::min(kLookahead, end - p)))) {
    return p;  // "Ban hành …" is a verb, not the board "Ban"
  }
  size_t best = p;
  std::vector<OrgMatch> om = orgs_->Find(text, p, std::min(end, p + 200));
  if (!om.empty() && om.front().begin == p) best = om.front().end;
  PatternMatch m;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (head_ >= 0 && patterns_->FindNext(head_, piece, 0, &m) && m.begin == 0) {
    size_t e = p + m.end;
    while (e > p && (text[e - 1] == ' ' || text[e - 1] == ',' || text[e - 1] == ';' ||
                     text[e - 1] == '.' || text[e - 1] == ':' || text[e - 1] == ')')) {
      --e;
    }
    best = std::max(best, e);
  }
  return best;
}

// True when a body of the lexicon starts at b and ends at e.
bool LeadPhraseFinder::LexiconBody(std::string_view text, size_t b, size_t e) const {
  if (e <= b) return false;
  std::vector<OrgMatch> om = orgs_->Find(text, b, std::min(text.size(), e + 64));
  return !om.empty() && om.front().begin == b && om.front().end == e;
}

bool LeadPhraseFinder::VerbAt(std::string_view text, size_t p, size_t end,
                              bool after_lexicon) const {
  if (verb_ < 0) return false;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  if (stop_ >= 0 && patterns_->PartialMatch(stop_, piece)) return true;
  std::vector<Word> w = SplitWords(text, p, std::min(end, p + 16));
  if (w.empty() || w.front().begin != p) return false;
  // A capitalised word is a name's, except the few verbs printed that way
  // right after a lead ("Sở Y tế Chủ trì, phối hợp …").
  // After a whole lexicon name any verb may be capitalised ("Công an tỉnh
  // Chỉ đạo …"); elsewhere "Ban Chỉ đạo" is a name.
  if (w.front().capital) {
    if (cap_ >= 0 && patterns_->PartialMatch(cap_, piece)) return true;
    return after_lexicon && patterns_->PartialMatch(verb_, piece);
  }
  return patterns_->PartialMatch(verb_, piece);
}

Span LeadPhraseFinder::Find(std::string_view text, size_t begin, size_t end) const {
  end = std::min(end, text.size());
  size_t p = begin;
  while (p < end && IsSpace(text[p])) ++p;
  p = SkipCue(text, p, end);
  while (p < end && IsSpace(text[p])) ++p;
  size_t start = p;
  size_t q = BodyAt(text, p, end);
  bool lexicon = LexiconBody(text, p, q);
  if (q == p) return Span{};
  size_t last = q;  // end of the last word that belongs to the lead
  size_t words = 0;
  while (q < end && words < kMaxLeadWords) {
    while (q < end && (IsSpace(text[q]) || text[q] == ',' || text[q] == '-')) ++q;
    if (q >= end || EndsClause(text[q])) return Span{};
    // "Ủy ban nhân dân tỉnh yêu cầu các sở …": the lead is who is asked.
    size_t cue = SkipCue(text, q, end);
    if (cue > q) {
      while (cue < end && IsSpace(text[cue])) ++cue;
      start = cue;
      q = last = BodyAt(text, cue, end);
      if (q == cue) return Span{};
      lexicon = LexiconBody(text, cue, q);
      continue;
    }
    size_t body = BodyAt(text, q, end);
    if (body > q) {
      lexicon = LexiconBody(text, q, body);
      q = last = body;
      ++words;
      continue;
    }
    if (VerbAt(text, q, end, lexicon))
      return Bare(text, start, last) ? Span{} : Span{start, last, 0};
    std::vector<Word> w = SplitWords(text, q, std::min(end, q + 40));
    if (w.empty() || w.front().begin != q) return Span{};
    lexicon = false;
    q = last = w.front().end;
    ++words;
  }
  return Span{};
}

// The start of the piece after a ", ", "; " or " và " at i, or npos.
size_t LeadPhraseFinder::NextPiece(std::string_view text, size_t i, size_t end) const {
  if ((text[i] == ',' || text[i] == ';') && i + 1 < end && IsSpace(text[i + 1])) return i + 1;
  PatternMatch m;
  if (and_ >= 0 && text[i] == ' ' &&
      patterns_->FindNext(and_, text.substr(i, std::min<size_t>(8, end - i)), 0, &m) &&
      m.begin == 0) {
    return i + m.end;
  }
  return std::string_view::npos;
}

// True when a new body starts at p: a body that is not a bare group word
// continuing the one before ("các sở, ban, ngành").
bool LeadPhraseFinder::StartsBody(std::string_view text, size_t p, size_t end) const {
  if (p >= end || BodyAt(text, p, end) == p) return false;
  std::string_view piece = text.substr(p, std::min(kLookahead, end - p));
  return more_ < 0 || !patterns_->PartialMatch(more_, piece);
}

std::vector<Span> LeadPhraseFinder::SplitBodies(std::string_view text, size_t begin,
                                                size_t end) const {
  std::vector<Span> parts;
  std::vector<OrgMatch> orgs = orgs_->Find(text, begin, end);
  size_t org = 0;
  size_t b = begin;
  for (size_t i = begin; i < end; ++i) {
    while (org < orgs.size() && orgs[org].end <= i) ++org;
    if (org < orgs.size() && orgs[org].begin < i) {
      i = orgs[org].end - 1;  // never split inside a lexicon body
      continue;
    }
    size_t next = NextPiece(text, i, end);
    if (next == std::string_view::npos) continue;
    while (next < end && IsSpace(text[next])) ++next;
    if (!StartsBody(text, next, end)) continue;
    parts.push_back(Span{b, i, 0});
    b = next;
    i = next - 1;
  }
  parts.push_back(Span{b, end, 0});
  return parts;
}

}  // namespace vanban
