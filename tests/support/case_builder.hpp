#pragma once
// Builds cases in test code: one line per fact, defaults for everything else.

#include <binaan/people/case.hpp>

#include <string>
#include <vector>

namespace binaan::testing {

inline Date day(const char* iso) { return parse_date(iso); }

struct CaseBuilder {
  std::string id = "P1";
  Religion religion = Religion::Other;
  std::optional<Date> birth;
  std::optional<bool> child;
  std::vector<DetentionPeriod> detention{{day("2015-01-10"), std::nullopt}};
  std::string term = "5y";
  Offence offence = Offence::General;
  Date verdict_final = day("2015-06-01");
  std::optional<Subsidiary> fine, restitution;
  std::optional<Commutation> commuted;
  bool life = false;
  bool death = false;
  Facts facts;
  std::optional<Recorded> recorded;
  std::optional<Date> until;
  std::vector<PolicyOverride> policy;

  CaseBuilder& detained(const char* from) { detention = {{day(from), std::nullopt}}; return *this; }
  CaseBuilder& sentence(const char* t, Offence o = Offence::General) { term = t; offence = o; return *this; }
  CaseBuilder& final_on(const char* d) { verdict_final = day(d); return *this; }
  CaseBuilder& of(Religion r) { religion = r; return *this; }
  CaseBuilder& upto(const char* d) { until = day(d); return *this; }
  CaseBuilder& discipline(const char* d) { facts.discipline.push_back({day(d)}); return *this; }
  CaseBuilder& with(const char* name, ParameterValue v) { policy.push_back({name, std::move(v)}); return *this; }

  Case build() const {
    Sentence s = life ? Sentence::life(offence, verdict_final)
                      : death ? Sentence::death(offence, verdict_final)
                              : Sentence::fixed(parse_term(term), offence, verdict_final);
    if (fine) s = s.with_fine(*fine);
    if (restitution) s = s.with_restitution(*restitution);
    if (commuted) s = s.with_commutation(*commuted);
    Case c(Person(id, religion, "", std::nullopt, birth, child), DetentionHistory(detention), s, facts, recorded, until);
    c.policy = policy;
    return c;
  }
};

}  // namespace binaan::testing
