// CSV rosters, refusals: a catalogue of malformed inputs, each naming the line, the column and the value.

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace binaan;

namespace {

const std::string kHeader = "id,religion,detention,term,offence,verdict_final";
const std::string kRow = "A,islam,2019-06-01..,2y,general,2020-01-02";

/// A roster of the required columns plus `extra_columns`; the first row is valid, `bad_row` follows on line 3.
std::string with_bad_row(const std::string& extra_columns, const std::string& extra_ok, const std::string& bad_row) {
  return kHeader + extra_columns + "\n" + kRow + extra_ok + "\n" + bad_row + "\n";
}

struct Refusal {
  const char* name;
  std::string text;
  long line;
  std::string path;
  std::string value;  ///< InputError::value() exactly
  std::string why;    ///< a part of the message
};

std::vector<Refusal> catalogue() {
  const std::string big_title(1001, 't');
  const std::string long_name(kMaxRosterLineBytes, 'n');
  return {
      {"BadBirthDateInRow3",
       with_bad_row(",birth_date", ",1990-01-01", "B,islam,2019-06-01..,2y,general,2020-01-02,1990-02-30"),
       3, "birth_date", "\"1990-02-30\"", "no such calendar day"},
      {"DateNotIso", with_bad_row("", "", "B,islam,2019-06-01..,2y,general,02/01/2020"), 3, "verdict_final",
       "\"02/01/2020\"", "YYYY-MM-DD"},
      {"UnterminatedQuote", kHeader + ",name\n" + kRow + ",\"Budi\n", 2, "name", "\"\"Budi\\x0A\"",
       "unterminated quoted field"},
      {"UnterminatedQuoteReportsTheRowStart",
       kHeader + ",name\n" + kRow + ",ok\n" + "B,islam,2019-06-01..,2y,general,2020-01-02,\"x\n\ny\n", 3, "name",
       "\"\"x\\x0A\\x0Ay\\x0A\"", "unterminated quoted field"},
      {"TooManyFields", with_bad_row("", "", kRow + ",extra"), 3, "column 7", "\"extra\"",
       "a row with 7 fields; the header has 6 columns"},
      {"TooFewFields", with_bad_row("", "", "B,islam,2019-06-01..,2y,general"), 3, "verdict_final", "",
       "a row with 5 fields"},
      {"BadBoolean", with_bad_row(",child", ",false", kRow + ",yes"), 3, "child", "\"yes\"",
       "expected true or false"},
      {"DuplicatePersonId", kHeader + "\n" + kRow + "\nB,islam,2019-06-01..,2y,general,2020-01-02\n" + kRow + "\n", 4,
       "id", "\"A\"", "person id already used on line 2"},
      // Ids are checked once every row has been read: the bad row after a repeated id is named.
      {"BadRowAfterARepeatedId",
       kHeader + "\n" + kRow + "\n" + kRow + "\nC,islam,2019-06-01..,2y,general,2020-02-30\n", 4, "verdict_final",
       "\"2020-02-30\"", "no such calendar day"},
      {"BadTerm", with_bad_row("", "", "B,islam,2019-06-01..,2x,general,2020-01-02"), 3, "term", "\"2x\"",
       "expected a term"},
      {"ZeroTerm", with_bad_row("", "", "B,islam,2019-06-01..,0y0d,general,2020-01-02"), 3, "term", "\"0y0d\"",
       "non-zero"},
      {"OverlappingDetention",
       with_bad_row("", "", "B,islam,2019-01-10..2019-03-10;2019-02-01..,2y,general,2020-01-02"), 3, "detention",
       "\"2019-02-01..\"", "entry 2: starts before the previous period ends"},
      {"OpenEarlierDetentionPeriod",
       with_bad_row("", "", "B,islam,2019-01-10..;2019-06-01..,2y,general,2020-01-02"), 3, "detention",
       "\"2019-01-10..\"", "entry 1: every detention period but the last needs an end"},
      {"DetentionWithoutDots", with_bad_row("", "", "B,islam,2019-06-01,2y,general,2020-01-02"), 3, "detention",
       "\"2019-06-01\"", "entry 1: expected FROM..TO or FROM.."},
      {"DetentionBadEndDate", with_bad_row("", "", "B,islam,2019-01-10..2019-13-01;2019-06-01..,2y,general,2020-01-02"),
       3, "detention", "\"2019-13-01\"", "entry 1: no such calendar day"},
      {"InvalidUtf8InAField", with_bad_row(",name", ",ok", kRow + ",Bu\xC3\x28" "di"), 3, "name",
       "\"Bu\\xC3(di\"", "not valid UTF-8"},
      {"InvalidUtf8InTheHeader", "id,religion,detention,term,offence,verdict_final,n\xFF" "me\n" + kRow + ",x\n", 1,
       "column 7", "\"n\\xFFme\"", "not valid UTF-8"},
      {"UnknownColumn", kHeader + ",nama\n" + kRow + ",Budi\n", 1, "column 7", "\"nama\"", "unknown column"},
      {"ColumnNamesAreCaseSensitive", "ID,religion,detention,term,offence,verdict_final\n" + kRow + "\n", 1,
       "column 1", "\"ID\"", "unknown column"},
      {"EmptyColumnName", kHeader + ",\n" + kRow + ",\n", 1, "column 7", "\"\"", "an empty column name"},
      {"DuplicateColumn", kHeader + ",term\n" + kRow + ",2y\n", 1, "column 7", "\"term\"",
       "column named twice in the header (also column 4)"},
      {"MissingRequiredColumn", "id,religion,detention,term,offence\nA,islam,2019-06-01..,2y,general\n", 1,
       "verdict_final", "", "missing required column"},
      {"EmptyFile", "", 1, "", "", "empty file"},
      {"OnlyBomAndBlankLines", "\xEF\xBB\xBF\n\r\n\n", 1, "", "", "empty file"},
      {"RequiredCellEmpty", with_bad_row("", "", "B,,2019-06-01..,2y,general,2020-01-02"), 3, "religion", "",
       "a value is required"},
      {"EmptyPersonId", with_bad_row("", "", ",islam,2019-06-01..,2y,general,2020-01-02"), 3, "id", "",
       "a value is required"},
      {"BadReligion", with_bad_row("", "", "B,muslim,2019-06-01..,2y,general,2020-01-02"), 3, "religion",
       "\"muslim\"", "expected one of islam, protestant"},
      {"BadOffence", with_bad_row("", "", "B,islam,2019-06-01..,2y,drugs,2020-01-02"), 3, "offence", "\"drugs\"",
       "expected one of general, narcotics"},
      {"BadSex", with_bad_row(",sex", ",female", kRow + ",m"), 3, "sex", "\"m\"", "expected one of male, female"},
      {"QuoteInsideUnquotedField", with_bad_row(",name", ",ok", kRow + ",Bu\"di"), 3, "name", "\"Bu\"\"",
       "a double quote inside an unquoted field"},
      {"TextAfterClosingQuote", with_bad_row(",name", ",ok", kRow + ",\"Budi\"x"), 3, "name", "\"\"Budi\"x\"",
       "text after the closing double quote"},
      {"BareCarriageReturn", kHeader + ",name\n" + kRow + ",Bu\rdi\n", 2, "name", "\"Bu\"",
       "a carriage return that does not end a line"},
      {"EscapeWithoutReturn", with_bad_row(",escapes", ",", kRow + ",2020-01-01.."), 3, "escapes",
       "\"2020-01-01..\"", "entry 1: expected FROM..TO: the end date is missing"},
      {"EscapeReturnBeforeItStarts",
       with_bad_row(",escapes", ",", kRow + ",2020-01-01..2020-02-01;2020-05-01..2020-04-01"), 3, "escapes",
       "\"2020-05-01..2020-04-01\"", "entry 2: the day of return must come after the escape"},
      {"PemukaEndsBeforeItStarts", with_bad_row(",pemuka", ",", kRow + ",2022-01-01..2021-12-31"), 3, "pemuka",
       "\"2022-01-01..2021-12-31\"", "entry 1: ends before it starts"},
      {"BadServiceKind", with_bad_row(",services", ",", kRow + ",2025-06-01:blood"), 3, "services", "\"blood\"",
       "entry 1: expected one of blood_donation"},
      {"ServiceWithoutKind", with_bad_row(",services", ",", kRow + ",2025-06-01"), 3, "services",
       "\"2025-06-01\"", "entry 1: expected DATE:KIND"},
      {"AssessmentWithNeitherPredicateNorRisk",
       with_bad_row(",assessments", ",", kRow + ",2023-01-10:baik:;2023-07-10::"), 3, "assessments",
       "\"2023-07-10::\"", "entry 2: an assessment needs a predicate, a risk level or both"},
      {"AssessmentWithTwoParts", with_bad_row(",assessments", ",", kRow + ",2023-01-10:baik"), 3, "assessments",
       "\"2023-01-10:baik\"", "entry 1: expected DATE:PREDICATE:RISK"},
      {"BadRiskLevel", with_bad_row(",assessments", ",", kRow + ",2023-01-10:baik:moderate"), 3, "assessments",
       "\"moderate\"", "entry 1: expected one of high, medium, low"},
      {"EmptyListEntry", with_bad_row(",discipline", ",", kRow + ",2021-01-01;;2021-02-01"), 3, "discipline",
       "\"2021-01-01;;2021-02-01\"", "entry 2: an empty entry"},
      {"BadDisciplineDate", with_bad_row(",discipline", ",", kRow + ",2021-01-01;2021-02-29"), 3, "discipline",
       "\"2021-02-29\"", "entry 2: no such calendar day"},
      {"GrantsWithoutRecordedUntil",
       with_bad_row(",recorded_until,recorded_grants", ",,", kRow + ",,2023-08-17:ru:2m"), 3, "recorded_until", "",
       "recorded_until is required when recorded_grants is given"},
      {"RecordedGrantAfterUntil",
       with_bad_row(",recorded_until,recorded_grants", ",,", kRow + ",2023-01-01,2023-08-17:ru:2m"), 3,
       "recorded_grants", "\"2023-08-17:ru:2m\"", "entry 1: a recorded grant after recorded.until"},
      {"RecordedGrantBadAmount",
       with_bad_row(",recorded_until,recorded_grants", ",,", kRow + ",2024-01-01,2023-08-17:ru:2 months"), 3,
       "recorded_grants", "\"2 months\"", "entry 1: expected a term"},
      {"FinePaidWithoutSubsidiary", with_bad_row(",fine_subsidiary,fine_paid", ",,", kRow + ",,true"), 3,
       "fine_subsidiary", "", "fine_subsidiary is required when fine_paid is given"},
      {"CommutedFixedSentence",
       with_bad_row(",commuted_date,commuted_term", ",,", kRow + ",2021-01-01,20y"), 3, "commuted_date",
       "\"2021-01-01\"", "only a life sentence can be commuted"},
      {"CommutedTermWithoutDate",
       with_bad_row(",commuted_date,commuted_term", ",,", "B,islam,2019-06-01..,life,general,2020-01-02,,20y"), 3,
       "commuted_date", "", "commuted_date is required when commuted_term is given"},
      {"VerdictDateAfterFinal", with_bad_row(",verdict_date", ",", kRow + ",2020-02-01"), 3, "verdict_date",
       "\"2020-02-01\"", "2020-01-02"},
      {"PolicyWithoutEquals", with_bad_row(",policy", ",", kRow + ",ladder_index"), 3, "policy",
       "\"ladder_index\"", "entry 1: expected NAME=VALUE"},
      {"PolicyNamedTwice", with_bad_row(",policy", ",", kRow + ",a=1;a=2"), 3, "policy", "\"a\"",
       "entry 2: the same policy parameter is given twice"},
      {"PolicyRepeatNamedAtItsFirstSecondEntry", with_bad_row(",policy", ",", kRow + ",b=1;a=1;c=2;a=3;b=4"), 3,
       "policy", "\"a\"", "entry 4: the same policy parameter is given twice"},
      {"PolicyIntegerOutOfRange", with_bad_row(",policy", ",", kRow + ",a=99999999999999999999"), 3, "policy",
       "\"99999999999999999999\"", "integer out of range"},
      {"PolicyUnterminatedQuotedValue", with_bad_row(",policy", ",", kRow + ",\"a=\"\"abc\""), 3, "policy",
       "\"\"abc\"", "unterminated quoted policy value"},
      {"TitleOver1000Characters", with_bad_row(",title", ",", kRow + "," + big_title), 3, "title",
       "\"" + std::string(60, 't') + "…\"", "longer than 1000 characters"},
      {"RowOver1MiB", with_bad_row(",name", ",", kRow + "," + long_name), 3, "",
       std::to_string(kRow.size() + 2 + long_name.size()) + " bytes", "a row longer than 1 MiB"},
  };
}

class RosterCsvRefusal : public ::testing::TestWithParam<Refusal> {};

}  // namespace

TEST_P(RosterCsvRefusal, NamesLineColumnAndValue) {
  const Refusal& r = GetParam();
  try {
    (void)read_roster_csv(r.text, "data/roster.csv");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_EQ(e.file(), "data/roster.csv");
    EXPECT_EQ(e.line(), r.line) << m;
    EXPECT_EQ(e.path(), r.path) << m;
    EXPECT_EQ(e.value(), r.value) << m;
    EXPECT_NE(m.find(r.why), std::string::npos) << m;
    const std::string where = "data/roster.csv:" + std::to_string(r.line) + ": ";
    EXPECT_EQ(m.rfind(where + (r.path.empty() ? "" : r.path + ": "), 0), 0u) << m;
    if (!r.value.empty()) {
      EXPECT_NE(m.find("(value: " + r.value + ")"), std::string::npos) << m;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, RosterCsvRefusal, ::testing::ValuesIn(catalogue()),
                         [](const ::testing::TestParamInfo<Refusal>& p) { return std::string(p.param.name); });

TEST(RosterCsvRefusals, CatalogueIsLarge) { EXPECT_GE(catalogue().size(), 25u); }

TEST(RosterCsvRefusals, BadDateInRow3MessageHasLineAndColumn) {
  const std::string text = "id,religion,detention,term,offence,verdict_final,birth_date\n" + kRow +
                           ",1990-01-01\nB,islam,2019-06-01..,2y,general,2020-01-02,1990-02-30\n";
  try {
    (void)read_roster_csv(text, "r.csv");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(":3:"), std::string::npos) << m;
    EXPECT_NE(m.find("birth_date"), std::string::npos) << m;
    EXPECT_NE(m.find("1990-02-30"), std::string::npos) << m;
  }
}

TEST(RosterCsvRefusals, CrLfLineNumbersAreLines) {
  const std::string text = kHeader + "\r\n" + kRow + "\r\n\r\nB,islam,2019-06-01..,2y,general,2020-13-02\r\n";
  try {
    (void)read_roster_csv(text, "crlf.csv");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.path(), "verdict_final");
    EXPECT_EQ(e.value(), "\"2020-13-02\"");
  }
}

TEST(RosterCsvRefusals, ABomInsideTheFileIsPartOfTheField) {
  // Only the first bytes of the file may be a BOM; elsewhere U+FEFF is a character like any other.
  const auto cases = read_roster_csv(kHeader + "\n\xEF\xBB\xBF" + kRow + "\n", "bom.csv");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].person().id(), "\xEF\xBB\xBF" "A");
}

TEST(RosterCsvRefusals, AllOrNothing) {
  // The refusal comes after good rows: nothing is returned, the exception is the only result.
  const std::string text =
      kHeader + "\n" + kRow + "\nB,islam,2019-06-01..,2y,general,2020-01-02\nC,islam,x,2y,general,2020-01-02\n";
  EXPECT_THROW((void)read_roster_csv(text, "r.csv"), InputError);
}

TEST(RosterCsvRefusals, DuplicateIdAmongManyRows) {
  // Many rows, the first repeat of a row near the start, later ones after it: the first repeat is named.
  std::string text = kHeader + "\n";
  for (int i = 0; i < 300; ++i) text += "P" + std::to_string(i) + ",islam,2019-06-01..,2y,general,2020-01-02\n";
  EXPECT_EQ(read_roster_csv(text, "many.csv").size(), 300u);
  text += "P3,islam,2019-06-01..,2y,general,2020-01-02\n";
  text += "P1,islam,2019-06-01..,2y,general,2020-01-02\n";
  try {
    (void)read_roster_csv(text, "many.csv");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 302);
    EXPECT_EQ(e.path(), "id");
    EXPECT_EQ(e.value(), "\"P3\"");
    EXPECT_NE(std::string(e.what()).find("already used on line 5"), std::string::npos) << e.what();
  }
}
