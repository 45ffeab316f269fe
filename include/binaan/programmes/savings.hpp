#pragma once
/// \file
/// An inmate's savings: premi credited, spending inside up to a share of the credits, the balance handed over at
/// release (rules-indonesia.md §8).

#include <binaan/export.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

struct SavingsPolicy {
  /// Inmates may spend inside up to this percent of all premi credited (SE Dirjen PAS 2010, MED).
  int spend_percent = 25;
};

enum class LedgerEntryKind : std::uint8_t { Premi, Spending, HandOver };
BINAAN_EXPORT std::string_view to_string(LedgerEntryKind kind);

struct LedgerEntry {
  Date date;
  LedgerEntryKind kind;
  Rupiah amount;  ///< always positive; the kind gives the direction
  std::string reference;
};

/// One inmate's savings book. Entries are kept in date order (an entry dated before the last throws ValueError).
class BINAAN_EXPORT SavingsLedger {
public:
  explicit SavingsLedger(std::string inmate_id);

  /// Adds premi. Throws ValueError for an amount ≤ 0 or an entry out of date order. Credits after release are
  /// allowed (a batch made inside may sell later); they wait for the next hand-over.
  void credit(Date date, Rupiah amount, std::string reference);
  /// Spends inside. Declined (nullopt = accepted) when all spending would exceed floor(credits × spend_percent /
  /// 100), or after the balance was handed over at release. Throws for an amount ≤ 0 or out of date order.
  std::optional<Decline> spend(Date date, Rupiah amount, std::string reference, const SavingsPolicy& policy);
  /// Pays out the balance at release (an entry, even of 0) and returns it.
  Rupiah hand_over(Date date, std::string reference);

  const std::string& inmate_id() const noexcept { return inmate_id_; }
  const std::vector<LedgerEntry>& entries() const noexcept { return entries_; }
  Rupiah credits() const noexcept { return credits_; }
  Rupiah spent() const noexcept { return spent_; }
  Rupiah handed_over() const noexcept { return handed_over_; }
  Rupiah balance() const noexcept { return credits_ - spent_ - handed_over_; }
  /// What may still be spent inside: floor(credits × spend_percent / 100) − spent, at least 0.
  Rupiah spendable(const SavingsPolicy& policy) const;
  bool released() const noexcept { return released_; }
  /// The balance after all entries dated on or before `day`.
  Rupiah balance_on(Date day) const;

private:
  void append(LedgerEntry entry, const char* field);
  std::string inmate_id_;
  std::vector<LedgerEntry> entries_;
  Rupiah credits_;
  Rupiah spent_;
  Rupiah handed_over_;
  bool released_ = false;
};

}  // namespace binaan
