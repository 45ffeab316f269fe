#include <binaan/people/facts.hpp>

#include <binaan/error.hpp>

#include <string>

namespace binaan {

namespace {
std::string at(const char* list, std::size_t i, const char* key) {
  return std::string("facts.") + list + "[" + std::to_string(i) + "]." + key;
}
}  // namespace

void validate_facts(const Facts& facts) {
  for (std::size_t i = 0; i < facts.escapes.size(); ++i) {
    const auto& e = facts.escapes[i];
    if (e.to <= e.from)
      throw ValueError(at("escapes", i, "to"), format_date(e.to),
                       "the day of return must come after the escape (" + format_date(e.from) + ")");
  }
  for (std::size_t i = 0; i < facts.pemuka.size(); ++i) {
    const auto& p = facts.pemuka[i];
    if (p.to < p.from)
      throw ValueError(at("pemuka", i, "to"), format_date(p.to), "ends before it starts (" + format_date(p.from) + ")");
  }
  for (std::size_t i = 0; i < facts.assessments.size(); ++i) {
    const auto& a = facts.assessments[i];
    if (!a.predicate && !a.risk)
      throw ValueError(at("assessments", i, "predicate"), format_date(a.date),
                       "an assessment needs a predicate, a risk level or both");
  }
}

void validate_recorded(const Recorded& recorded) {
  for (std::size_t i = 0; i < recorded.grants.size(); ++i) {
    const auto& g = recorded.grants[i];
    // The key path is built only for a refusal: every case of a national roster passes here.
    auto path = [i](const char* field) { return "recorded.grants[" + std::to_string(i) + "]." + field; };
    if (g.date > recorded.until)
      throw ValueError(path("date"), format_date(g.date),
                       "a recorded grant after recorded.until (" + format_date(recorded.until) + ")");
    if (i > 0 && g.date < recorded.grants[i - 1].date)
      throw ValueError(path("date"), format_date(g.date), "recorded grants must be in date order");
    if (g.amount.is_zero()) throw ValueError(path("amount"), "0d", "a grant amount must be non-zero");
  }
}

}  // namespace binaan
