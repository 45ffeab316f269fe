#include <binaan/programmes/savings.hpp>

#include <binaan/error.hpp>

#include "programmes/checks.hpp"

namespace binaan {

SavingsLedger::SavingsLedger(std::string inmate_id) : inmate_id_(std::move(inmate_id)) {
  detail::require_id("ledger.inmate_id", inmate_id_);
}

void SavingsLedger::append(LedgerEntry entry, const char* field) {
  detail::require_date(std::string(field) + ".date", entry.date);
  if (entry.amount.value() < 0 || (entry.kind != LedgerEntryKind::HandOver && entry.amount.value() == 0))
    throw ValueError(std::string(field) + ".amount", std::to_string(entry.amount.value()), "must be positive");
  if (!entries_.empty() && entry.date < entries_.back().date)
    throw ValueError(std::string(field) + ".date", format_date(entry.date),
                     "before the ledger's last entry " + format_date(entries_.back().date));
  detail::require_text(std::string(field) + ".reference", entry.reference);
  entries_.push_back(std::move(entry));
}

void SavingsLedger::credit(Date date, Rupiah amount, std::string reference) {
  const Rupiah next = credits_ + amount;  // throws on overflow before anything changes
  append({date, LedgerEntryKind::Premi, amount, std::move(reference)}, "ledger.credit");
  credits_ = next;
}

Rupiah SavingsLedger::spendable(const SavingsPolicy& policy) const {
  // floor(credits × p / 100) without overflow: credits = 100·a + b.
  const std::int64_t c = credits_.value();
  const Rupiah allowed = Rupiah(c / 100 * policy.spend_percent + (c % 100) * policy.spend_percent / 100);
  return allowed > spent_ ? allowed - spent_ : Rupiah(0);
}

std::optional<Decline> SavingsLedger::spend(Date date, Rupiah amount, std::string reference,
                                            const SavingsPolicy& policy) {
  if (policy.spend_percent < 0 || policy.spend_percent > 100)
    throw ValueError("savings.spend_percent", std::to_string(policy.spend_percent), "must be 0-100");
  if (amount.value() <= 0) throw ValueError("ledger.spend.amount", std::to_string(amount.value()), "must be positive");
  if (released_)
    return Decline{DeclineCode::Released, "savings were handed over at release; no spending inside", std::nullopt};
  const Rupiah left = spendable(policy);
  if (amount > left)
    return Decline{DeclineCode::SpendingLimit,
                   "spending " + format_rupiah(amount) + " exceeds what may be spent inside: " + format_rupiah(left) +
                       " (" + std::to_string(policy.spend_percent) + "% of premi " + format_rupiah(credits_) +
                       ", SE Dirjen PAS 2010)",
                   std::nullopt};
  append({date, LedgerEntryKind::Spending, amount, std::move(reference)}, "ledger.spend");
  spent_ += amount;
  return std::nullopt;
}

Rupiah SavingsLedger::hand_over(Date date, std::string reference) {
  const Rupiah paid = balance();
  append({date, LedgerEntryKind::HandOver, paid, std::move(reference)}, "ledger.hand_over");
  handed_over_ += paid;
  released_ = true;
  return paid;
}

Rupiah SavingsLedger::balance_on(Date day) const {
  Rupiah b;
  for (const LedgerEntry& e : entries_) {
    if (e.date > day) break;
    b += e.kind == LedgerEntryKind::Premi ? e.amount : -e.amount;
  }
  return b;
}

}  // namespace binaan
