#pragma once
/// \file
/// A sentence: a fixed term, life or death; the offence; the verdict dates; fine and restitution with their
/// subsider terms (rules-indonesia.md §5); the commutation of a life sentence to a term (Keppres 174/1999 Art. 9).

#include <binaan/export.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <cstdint>
#include <optional>

namespace binaan {

enum class SentenceKind : std::uint8_t { Fixed, Life, Death };

/// A fine (denda) or restitution (uang pengganti) with the substitute confinement served when unpaid.
struct Subsidiary {
  Term term;  ///< the subsider term
  bool paid = false;
};

/// A life sentence changed to a fixed term on `date` (Keppres 174/1999 Art. 9).
struct Commutation {
  Date date;
  Term term;
};

/// One sentence. Built by `fixed`, `life` or `death`, then refined with the `with_*` copies; every step validates
/// and throws ValueError naming the field (`sentence.commuted.date`, …) and the value.
class BINAAN_EXPORT Sentence {
public:
  static Sentence fixed(Term term, Offence offence, Date verdict_final);
  static Sentence life(Offence offence, Date verdict_final);
  static Sentence death(Offence offence, Date verdict_final);

  /// Throws when the verdict date is after the day the verdict became final.
  Sentence with_verdict_date(Date verdict_date) const;
  Sentence with_fine(Subsidiary fine) const;
  Sentence with_restitution(Subsidiary restitution) const;
  /// Only for a life sentence; throws otherwise.
  Sentence with_commutation(Commutation c) const;

  SentenceKind kind() const noexcept { return kind_; }
  Offence offence() const noexcept { return offence_; }
  /// The day the verdict became final (inkracht): it decides the PP 99/2012 cohort.
  Date verdict_final() const noexcept { return verdict_final_; }
  std::optional<Date> verdict_date() const noexcept { return verdict_date_; }
  const std::optional<Subsidiary>& fine() const noexcept { return fine_; }
  const std::optional<Subsidiary>& restitution() const noexcept { return restitution_; }
  const std::optional<Commutation>& commutation() const noexcept { return commutation_; }

  /// The term as pronounced (fixed sentences only).
  std::optional<Term> term() const noexcept;
  /// The term that is served: the pronounced term, or for a commuted life sentence the new term (which runs from
  /// the original start, Keppres 174/1999 Art. 9); nullopt for death and uncommuted life.
  std::optional<Term> served_term() const noexcept;

  /// True when a fine or restitution is unpaid (a subsider is owed; no asimilasi, §5).
  bool has_unpaid_subsidiary() const noexcept;

private:
  Sentence(SentenceKind kind, Term term, Offence offence, Date verdict_final)
      : verdict_final_(verdict_final), term_(term), kind_(kind), offence_(offence) {}

  Date verdict_final_;
  std::optional<Date> verdict_date_;
  std::optional<Subsidiary> fine_;
  std::optional<Subsidiary> restitution_;
  std::optional<Commutation> commutation_;
  Term term_;
  SentenceKind kind_;
  Offence offence_;
};

BINAAN_EXPORT std::string_view to_string(SentenceKind k);

}  // namespace binaan
