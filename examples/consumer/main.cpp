// sentence_dates START TERM: the end of a sentence that starts on START (YYYY-MM-DD) and lasts TERM (2y8m, 4m5d,
// 15d), and the days on which ⅓, ½ and ⅔ of it are served, before any remission (rules-indonesia.md §2).
#include <binaan/binaan.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sentence_dates START TERM   (e.g. sentence_dates 2017-05-09 2y)\n");
    return 2;
  }
  try {
    const binaan::Date start = binaan::parse_date(argv[1], "START");
    const binaan::Term term = binaan::parse_term(argv[2], "TERM");
    std::printf("sentence   %s from %s\n", binaan::to_string(term).c_str(), binaan::format_date(start).c_str());
    std::printf("ends on    %s\n", binaan::format_date(binaan::term_end(start, term)).c_str());
    const struct {
      const char* name;
      binaan::Fraction fraction;
    } fractions[] = {{"1/3", binaan::kOneThird}, {"1/2", binaan::kOneHalf}, {"2/3", binaan::kTwoThirds}};
    for (const auto& f : fractions) {
      const binaan::Date day =
          binaan::fraction_end(start, term, f.fraction, binaan::TermConvention::CalendarYears30DayMonths,
                               binaan::FractionConvention::NormalisedTerm);
      std::printf("%s on    %s (%s)\n", f.name, binaan::format_date(day).c_str(),
                  binaan::to_string(binaan::fraction_of(term, f.fraction)).c_str());
    }
  } catch (const binaan::Error& e) {
    std::fprintf(stderr, "sentence_dates: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sentence_dates: %s\n", e.what());
    return 1;
  }
  return 0;
}
