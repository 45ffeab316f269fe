// The sentence end of case T1 (rules-indonesia.md §10): 2 years from 2017-05-09 end on 2019-05-09.
#include <binaan/binaan.hpp>

#include <cstdio>
#include <string>

int main() {
  const binaan::Date start = binaan::parse_date("2017-05-09");
  const std::string end = binaan::format_date(binaan::term_end(start, binaan::parse_term("2y")));
  std::printf("binaan %s: 2y from 2017-05-09 ends on %s\n", BINAAN_VERSION_STRING, end.c_str());
  return end == "2019-05-09" ? 0 : 1;
}
