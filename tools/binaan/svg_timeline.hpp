#pragma once
// The picture of one sentence for the inmate and their family: detention, the sentence with and without
// remission, every grant, the ½ and ⅔ days, PB, CMB, expiry, release and today, with a legend and a list of the
// key dates in words, in English or Indonesian.

#include <binaan/people/case.hpp>
#include <binaan/rules/evaluation.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/rules/rule.hpp>

#include <optional>
#include <string>

namespace binaan::cli {

/// The days ½ and ⅔ of the sentence are reached, remission granted up to and including the day counting as served
/// and days at large added (rules-indonesia.md §2, §6); absent for a sentence without a term.
struct SentenceFractions {
  std::optional<Date> half;
  std::optional<Date> two_thirds;
};

/// `policy` is the one the evaluation used (the engine's, with the case's overrides).
SentenceFractions sentence_fractions(const Case& c, const Evaluation& ev, const Policy& policy);

/// A standalone SVG document (UTF-8, well-formed XML). `today` is the as-of day the picture marks.
std::string timeline_svg(const Case& c, const Evaluation& ev, const Policy& policy, Date today, Lang lang);

}  // namespace binaan::cli
