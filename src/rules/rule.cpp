#include <binaan/rules/rule.hpp>

#include <array>

namespace binaan {

namespace {

// The one table of rule wording and citations (rules-indonesia.md §3–§6). Order follows RuleId.
constexpr std::array<RuleInfo, 44> kRules{{
    {RuleId::FixedTerm, "fixed_term", "Keppres 174/1999 Art. 1; UU 22/2022 Art. 10",
     "remission is only for fixed-term imprisonment, never death or life",
     "remisi hanya untuk pidana penjara sementara waktu, bukan pidana mati atau seumur hidup"},
    {RuleId::CommutedAfter, "commuted_after", "Keppres 174/1999 Art. 9",
     "a life sentence commuted to a term earns remission only after the commutation day",
     "pidana seumur hidup yang diubah menjadi sementara memperoleh remisi setelah tanggal perubahan"},
    {RuleId::NotAtLarge, "serving", "Keppres 174/1999 Art. 1; PP 32/1999 Art. 34",
     "the inmate must be serving the principal sentence on the day (not escaped, not on PB, CB or CMB, not serving a subsider)",
     "narapidana harus sedang menjalani pidana pokok pada hari itu (tidak melarikan diri, tidak sedang PB, CB atau CMB, tidak menjalani subsider)"},
    {RuleId::MinServed, "min_served", "PP 99/2012 Art. 34(2)(b); Permenkumham 3/2018",
     "more than 6 months (180 days) served on the day; children more than 3 months (90 days)",
     "telah menjalani pidana lebih dari 6 bulan (180 hari); anak lebih dari 3 bulan (90 hari)"},
    {RuleId::Conduct, "conduct", "Keppres 174/1999 Art. 1; PP 32/1999 Art. 34",
     "good conduct: no disciplinary punishment in register F in the 180 days up to the day",
     "berkelakuan baik: tidak tercatat dalam register F selama 180 hari terakhir"},
    {RuleId::OneThird, "one_third", "PP 28/2006 Art. 34(3)",
     "special crimes: one third of the sentence served (remission counts as served)",
     "tindak pidana khusus: telah menjalani 1/3 masa pidana (remisi dihitung sebagai masa yang telah dijalani)"},
    {RuleId::JusticeCollaborator, "justice_collaborator", "PP 99/2012 Art. 34A(1)(a)",
     "special crimes of the PP 99/2012 cohort: justice collaborator status",
     "tindak pidana khusus kohort PP 99/2012: berstatus justice collaborator"},
    {RuleId::Payment, "payment", "PP 99/2012 Art. 34A(1)(b)",
     "corruption: the fine and the restitution paid in full",
     "korupsi: telah membayar lunas denda dan uang pengganti"},
    {RuleId::Deradicalisation, "deradicalisation", "PP 99/2012 Art. 34A(2)(a)",
     "terrorism: completed the deradicalisation programme",
     "terorisme: telah mengikuti program deradikalisasi"},
    {RuleId::Pledge, "pledge", "PP 99/2012 Art. 34A(2)(b)",
     "terrorism: a written pledge of loyalty to the Republic",
     "terorisme: telah menyatakan ikrar kesetiaan kepada NKRI secara tertulis"},
    {RuleId::PredikatBaik, "predikat_baik", "Permenkumham 3/2018",
     "followed pembinaan with the predicate baik (assessment baik or sangat baik)",
     "telah mengikuti program pembinaan dengan predikat baik"},
    {RuleId::ActiveParticipation, "active_participation", "UU 22/2022 Art. 10(1)(b); Permenkumham 16/2023",
     "active participation in pembinaan", "aktif mengikuti program pembinaan"},
    {RuleId::ReducedRisk, "reduced_risk", "UU 22/2022 Art. 10(1)(c); Permenkumham 16/2023",
     "a shown reduction of risk (lower than the first assessment, or low)",
     "telah menunjukkan penurunan tingkat risiko"},
    {RuleId::ReligiousHoliday, "religious_holiday", "Keppres 174/1999 Art. 2, 7(5), 13(3)",
     "remisi khusus is granted on the holiday of the religion first registered; for another or unknown religion the "
     "Minister must first consult the Minister of Religious Affairs",
     "remisi khusus diberikan pada hari besar agama yang pertama kali tercatat; untuk agama lain menteri harus "
     "berkonsultasi dengan Menteri Agama"},
    {RuleId::RuThatDay, "ru_that_day", "Keppres 174/1999 Art. 3, 6",
     "remisi tambahan is a share of the RU granted on the same day",
     "remisi tambahan dihitung dari remisi umum yang diperoleh pada hari yang sama"},
    {RuleId::TambahanGround, "tambahan_ground", "Keppres 174/1999 Art. 3, 6",
     "remisi tambahan needs a service to the state or humanity, or service as pemuka, in the 365 days up to 17 August",
     "remisi tambahan memerlukan jasa kepada negara atau kemanusiaan, atau menjadi pemuka, dalam 365 hari terakhir"},
    {RuleId::NeverEscaped, "never_escaped", "Keppres 120/1955",
     "remisi dasawarsa is not for inmates who escaped", "remisi dasawarsa tidak diberikan kepada narapidana yang pernah melarikan diri"},
    {RuleId::Child, "child", "UU 22/2022; Hari Anak Nasional (Keppres 44/1984)",
     "PMP HAN is for children (under 18) on 23 July", "PMP HAN diberikan kepada anak (belum 18 tahun) pada 23 Juli"},
    {RuleId::Elderly, "elderly", "Permenkumham 3/2018 Art. 29; Permenkumham 16/2023",
     "remisi kemanusiaan for inmates over 70", "remisi kemanusiaan bagi narapidana berusia di atas 70 tahun"},
    {RuleId::RuLadder, "ru_ladder", "Keppres 174/1999 Art. 4",
     "RU: 1st 1 month (2 months from 12 months served), 2nd 3, 3rd 4, 4th-5th 5, then 6 months",
     "RU: pertama 1 bulan (2 bulan bila telah 12 bulan), kedua 3, ketiga 4, keempat-kelima 5, selanjutnya 6 bulan"},
    {RuleId::RkLadder, "rk_ladder", "Keppres 174/1999 Art. 5",
     "RK: 1st 15 days (1 month from 12 months served), 2nd-3rd 1 month, 4th-5th 1 month 15 days, then 2 months",
     "RK: pertama 15 hari (1 bulan bila telah 12 bulan), kedua-ketiga 1 bulan, keempat-kelima 1 bulan 15 hari, selanjutnya 2 bulan"},
    {RuleId::TambahanService, "tambahan_service", "Keppres 174/1999 Art. 3(a), 6",
     "remisi tambahan: one half of the RU for a service to the state or humanity",
     "remisi tambahan: 1/2 dari remisi umum karena berjasa kepada negara atau kemanusiaan"},
    {RuleId::TambahanPemuka, "tambahan_pemuka", "Keppres 174/1999 Art. 3(b), 6",
     "remisi tambahan: one third of the RU for serving as pemuka",
     "remisi tambahan: 1/3 dari remisi umum karena menjadi pemuka"},
    {RuleId::DasawarsaAmount, "dasawarsa", "Keppres 120/1955",
     "remisi dasawarsa on every tenth anniversary of independence: 1/12 of the sentence, at most 3 months",
     "remisi dasawarsa setiap 10 tahun kemerdekaan: 1/12 masa pidana, paling banyak 3 bulan"},
    {RuleId::PmpHanLadder, "pmp_han", "UU 22/2022; Permenkumham 7/2022",
     "PMP HAN on Hari Anak Nasional, 23 July, with the amounts of the RU ladder",
     "PMP HAN pada Hari Anak Nasional 23 Juli dengan besaran seperti remisi umum"},
    {RuleId::KemanusiaanAmount, "kemanusiaan", "Permenkumham 3/2018 Art. 29; Permenkumham 16/2023",
     "remisi kemanusiaan equal to the inmate's RU", "remisi kemanusiaan sebesar remisi umum narapidana"},
    {RuleId::ReleaseII, "release_ii", "Keppres 174/1999 Art. 4(2), 5(2)",
     "the remission uses up the rest of the sentence: released on the grant day (level II)",
     "remisi menghabiskan sisa pidana: bebas pada hari pemberian (tingkat II)"},
    {RuleId::SubsiderAfterRelease, "subsider", "KUHP Art. 30; UU 31/1999 Art. 18(3)",
     "an unpaid fine or restitution: the subsider is served after the principal term, without remission",
     "denda atau uang pengganti belum dibayar: pidana kurungan pengganti dijalani setelah pidana pokok, tanpa remisi"},
    {RuleId::Susulan, "susulan", "Permenkumham 3/2018",
     "due before the verdict became final: granted late (susulan), effective on the holiday",
     "jatuh sebelum putusan berkekuatan hukum tetap: diberikan susulan, berlaku pada hari besar tersebut"},
    {RuleId::Recorded, "recorded", "case record (recorded.grants)", "taken as recorded", "sesuai catatan"},
    {RuleId::Asimilasi, "asimilasi", "PP 99/2012 Art. 36; Permenkumham 7/2022 Art. 45",
     "asimilasi from one half served (special crimes two thirds, at least 9 months); conduct 6 months (special 9)",
     "asimilasi setelah 1/2 masa pidana (tindak pidana khusus 2/3, paling sedikit 9 bulan)"},
    {RuleId::Cmk, "cmk", "Permenkumham 3/2018", "cuti mengunjungi keluarga from one half served",
     "cuti mengunjungi keluarga setelah 1/2 masa pidana"},
    {RuleId::Pb, "pb", "KUHP Art. 15; PP 99/2012 Art. 43; Permenkumham 7/2022 Art. 85",
     "pembebasan bersyarat from two thirds served, at least 9 months; no punishment in the last 9 months",
     "pembebasan bersyarat setelah 2/3 masa pidana, paling sedikit 9 bulan; tidak dihukum disiplin 9 bulan terakhir"},
    {RuleId::Cb, "cb", "Permenkumham 3/2018", "cuti bersyarat for sentences up to 1 y 6 m from two thirds served, at most 6 months",
     "cuti bersyarat untuk pidana paling lama 1 tahun 6 bulan setelah 2/3, paling lama 6 bulan"},
    {RuleId::Cmb, "cmb", "Permenkumham 3/2018 Art. 102",
     "cuti menjelang bebas as long as the last remission, at most 6 months, ending on the release day",
     "cuti menjelang bebas sebesar remisi terakhir, paling lama 6 bulan, berakhir pada hari bebas"},
    {RuleId::TwoThirdsMinimum, "two_thirds_min", "KUHP Art. 15", "two thirds of the sentence must be at least 9 months",
     "2/3 masa pidana paling sedikit 9 bulan"},
    {RuleId::PbAsimilasi, "pb_asimilasi", "PP 99/2012 Art. 43A; Permenkumham 7/2022 Art. 85",
     "special crimes: asimilasi for at least one half of the time left at its start",
     "tindak pidana khusus: telah menjalani asimilasi paling sedikit 1/2 dari sisa masa pidana"},
    {RuleId::FinePaid, "fine_paid", "PP 99/2012 Art. 36; rules-indonesia.md §5",
     "asimilasi requires the fine and restitution paid", "asimilasi mensyaratkan denda dan uang pengganti telah dibayar"},
    {RuleId::CmkSentence, "cmk_sentence", "Permenkumham 3/2018", "CMK for sentences of 12 months or more",
     "CMK untuk pidana paling singkat 12 bulan"},
    {RuleId::CbSentence, "cb_sentence", "Permenkumham 3/2018", "CB for sentences of at most 1 year 6 months",
     "CB untuk pidana paling lama 1 tahun 6 bulan"},
    {RuleId::CmkConduct, "cmk_conduct", "Permenkumham 3/2018", "CMK: no disciplinary punishment in the current year",
     "CMK: tidak dijatuhi hukuman disiplin pada tahun berjalan"},
    {RuleId::SpecialLookback, "special_conduct", "PP 99/2012; Permenkumham 7/2022",
     "special crimes: no disciplinary punishment in the last 9 months",
     "tindak pidana khusus: tidak dijatuhi hukuman disiplin 9 bulan terakhir"},
    {RuleId::ProgrammeRecord, "programme_record", "UU 22/2022 Art. 10; Permenkumham 16/2023; rules-indonesia.md §4, §8",
     "participation read from the programme record: attendance in the last quarter ended within the year before the day",
     "keaktifan dibaca dari catatan program: kehadiran pada triwulan terakhir dalam setahun sebelum hari itu"},
    {RuleId::PbConduct, "pb_conduct", "Permenkumham 7/2022 Art. 82; Permenkumham 3/2018 Art. 102",
     "PB and CMB: no disciplinary punishment in the 9 months (270 days) before the day",
     "PB dan CMB: tidak dijatuhi hukuman disiplin dalam 9 bulan (270 hari) terakhir"},
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i)
    if (static_cast<std::size_t>(kRules[i].id) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "kRules must list every RuleId in enum order");
static_assert(static_cast<std::size_t>(RuleId::PbConduct) + 1 == kRules.size(), "every RuleId has a row");

}  // namespace

const RuleInfo& rule_info(RuleId id) {
  const auto& info = kRules[static_cast<std::size_t>(id)];
  return info;
}

std::string_view rule_text(RuleId id, Lang lang) {
  const auto& info = rule_info(id);
  return lang == Lang::Id ? info.id_text : info.en;
}

}  // namespace binaan
