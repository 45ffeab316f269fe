#include <binaan/synth/names.hpp>

#include <array>

namespace binaan::synth {

namespace {

// Syllable tables. Opening + middle + ending gives a given name; the endings give it a Javanese, Malay or Bugis
// feel. Nothing here is a list of real names.
constexpr std::array<const char*, 24> kOpen{"A",  "Ba", "Da", "Di", "E",  "Fa", "Ga", "Ha", "I",  "Ju", "Ka", "La",
                                            "Ma", "Mu", "Na", "Pu", "Ra", "Ri", "Sa", "Su", "Ta", "Wa", "Ya", "Zu"};
constexpr std::array<const char*, 16> kMiddle{"",   "di", "ri", "gun", "sa", "ha", "lam", "ndri",
                                              "ma", "ra", "sy", "tr", "mo", "ka", "ng", "li"};
constexpr std::array<const char*, 16> kEndMale{"nto",  "wan", "man", "din", "yanto", "ri",  "di",  "san",
                                               "rudin", "to", "dani", "jar", "ansyah", "fri", "lis", "mat"};
constexpr std::array<const char*, 12> kEndFemale{"ni", "ti",   "wati", "yani", "sih", "nah",
                                                 "rah", "lia", "tri",  "na",   "mi",  "yanti"};
// Second names: a stem and an ending, e.g. "Saputraga", "Wibodo".
constexpr std::array<const char*, 14> kStem{"Sapu", "Wibo", "Kurnia", "Praset", "Hida", "Santo", "Permana",
                                            "Setia", "Nugra", "Wija", "Lubi", "Simpa", "Batu", "Tamba"};
constexpr std::array<const char*, 10> kStemEnd{"tra", "do", "wanto", "yo", "dar", "so", "sa", "ngga", "nata", "lo"};
constexpr std::array<const char*, 8> kChristianMale{"Yo", "Mar", "Petru", "Stefa", "Yoha", "Ande", "Fili", "Bene"};
constexpr std::array<const char*, 6> kChristianFemale{"Mari", "Ele", "Agne", "Vero", "Kris", "Theresi"};
constexpr std::array<const char*, 5> kChristianMaleEnd{"nus", "tus", "kus", "nes", "ius"};
constexpr std::array<const char*, 4> kBalineseOrder{"Wayan", "Made", "Nyoman", "Ketut"};

template <std::size_t N>
const char* any(Rng& rng, const std::array<const char*, N>& table) {
  return table[static_cast<std::size_t>(rng.below(N))];
}

std::string given(Rng& rng, Religion religion, Sex sex) {
  const bool christian = religion == Religion::Protestant || religion == Religion::Catholic;
  std::string name;
  if (christian && rng.chance(600'000)) {
    name = sex == Sex::Female ? any(rng, kChristianFemale) : any(rng, kChristianMale);
    name += sex == Sex::Female ? any(rng, kEndFemale) : any(rng, kChristianMaleEnd);
    return name;
  }
  name = any(rng, kOpen);
  name += any(rng, kMiddle);
  name += sex == Sex::Female ? any(rng, kEndFemale) : any(rng, kEndMale);
  return name;
}

}  // namespace

std::string fictional_name(Rng& rng, Religion religion, Sex sex) {
  std::string name;
  if (religion == Religion::Hindu && rng.chance(700'000)) {
    name = sex == Sex::Female ? "Ni " : "I ";
    name += any(rng, kBalineseOrder);
    name += ' ';
  } else if (religion == Religion::Islam && sex == Sex::Male && rng.chance(120'000)) {
    name = "Muhammad ";
  }
  name += given(rng, religion, sex);
  // About one in six has a single name.
  if (!rng.chance(160'000)) {
    name += ' ';
    name += any(rng, kStem);
    name += any(rng, kStemEnd);
  }
  return name;
}

}  // namespace binaan::synth
