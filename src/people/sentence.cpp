#include <binaan/people/sentence.hpp>

#include <binaan/error.hpp>

namespace binaan {

Sentence Sentence::fixed(Term term, Offence offence, Date verdict_final) {
  if (term.is_zero()) throw ValueError("sentence.term", to_string(term), "a sentence needs a non-zero term");
  return Sentence(SentenceKind::Fixed, term, offence, verdict_final);
}

Sentence Sentence::life(Offence offence, Date verdict_final) {
  return Sentence(SentenceKind::Life, Term(), offence, verdict_final);
}

Sentence Sentence::death(Offence offence, Date verdict_final) {
  return Sentence(SentenceKind::Death, Term(), offence, verdict_final);
}

Sentence Sentence::with_verdict_date(Date verdict_date) const {
  if (verdict_date > verdict_final_)
    throw ValueError("sentence.verdict_date", format_date(verdict_date),
                     "the verdict cannot come after the day it became final (" + format_date(verdict_final_) + ")");
  Sentence s = *this;
  s.verdict_date_ = verdict_date;
  return s;
}

Sentence Sentence::with_fine(Subsidiary fine) const {
  if (fine.term.is_zero()) throw ValueError("sentence.fine.subsidiary", "0d", "a subsider term must be non-zero");
  Sentence s = *this;
  s.fine_ = fine;
  return s;
}

Sentence Sentence::with_restitution(Subsidiary restitution) const {
  if (restitution.term.is_zero())
    throw ValueError("sentence.restitution.subsidiary", "0d", "a subsider term must be non-zero");
  Sentence s = *this;
  s.restitution_ = restitution;
  return s;
}

Sentence Sentence::with_commutation(Commutation c) const {
  if (kind_ != SentenceKind::Life)
    throw ValueError("sentence.commuted", format_date(c.date), "only a life sentence can be commuted to a term");
  if (c.term.is_zero()) throw ValueError("sentence.commuted.term", "0d", "a commuted term must be non-zero");
  Sentence s = *this;
  s.commutation_ = c;
  return s;
}

std::optional<Term> Sentence::term() const noexcept {
  if (kind_ == SentenceKind::Fixed) return term_;
  return std::nullopt;
}

std::optional<Term> Sentence::served_term() const noexcept {
  if (kind_ == SentenceKind::Fixed) return term_;
  if (kind_ == SentenceKind::Life && commutation_) return commutation_->term;
  return std::nullopt;
}

bool Sentence::has_unpaid_subsidiary() const noexcept {
  return (fine_ && !fine_->paid) || (restitution_ && !restitution_->paid);
}

std::string_view to_string(SentenceKind k) {
  switch (k) {
    case SentenceKind::Fixed: return "fixed";
    case SentenceKind::Life: return "life";
    case SentenceKind::Death: return "death";
  }
  return "?";
}

}  // namespace binaan
