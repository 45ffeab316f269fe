#pragma once
/// \file
/// The demo prison: "Lapas Narkotika Kelas IIA Samarinda", entirely fictional, in the image of the seed story — a
/// narcotics prison with a garment SAE, Bimker workshops, a partnership with the provincial Dewan UKM, a product
/// gallery, and a year (2026) of sessions, attendance, production, sales and savings.

#include <binaan/facility/facility.hpp>
#include <binaan/rules/engine.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace binaan::synth {

inline constexpr std::uint64_t kDemoSeed = 2026;
inline constexpr std::size_t kDemoPeople = 1200;
inline constexpr const char* kDemoFacilityId = "LPN-SMD";
inline constexpr const char* kDemoFacilityName = "Lapas Narkotika Kelas IIA Samarinda";
/// The person whose sentence the demo draws as a timeline: a garment SAE participant and its pemuka.
inline constexpr const char* kDemoShowcaseId = "WBP-SMD-0001";

/// The demo facility. About 1,200 people (see PopulationMix::samarinda; all in custody on 2026-01-01 or arriving
/// during 2026, WBP-SMD-0001 written by hand), and their programmes of 2026 run through the Facility operations in
/// date order with the enrolment decisions taken from what the engine says about each inmate on the day:
/// - programmes garment, furniture, culinary and barbering; the partner "Dewan UKM Provinsi Kalimantan Timur" with
///   an agreement for training and marketing from 2026-01-15 for two years;
/// - workshops "SAE Konveksi" (outside the walls, trained by the partner) and the Bimker workshops Mebel, Tata Boga
///   and Pangkas Rambut, with sessions through the year except on public holidays;
/// - monthly intakes and waiting lists, releases (custody scenario; CMB when the engine foresees it), attendance,
///   end assessments and certificates in June and December, a pemuka per workshop from March;
/// - products (batik shirts, work uniforms, tote bags, chairs, tables, amplang, biscuits) made in fortnightly
///   batches, sold in the gallery, through the partner on consignment, at exhibitions and to order; the profit
///   split by the default policy, premi into savings, spending inside, hand-over at release.
/// Deterministic: the same seed gives the same facility (and archive bytes).
Facility generate_demo_facility(std::uint64_t seed = kDemoSeed);

/// What the programmes need to know about an inmate on a day, from the engine's evaluation of the case (custody
/// scenario): serving from the later of detention and the final verdict until leaving (the CMB start when the engine
/// foresees one, else the final release); asimilasi from its milestone; the register F entries and the days of
/// return from escapes; the expected release.
InmateStatus inmate_status(const Case& c, const Evaluation& evaluation, Date on);

/// The day an inmate leaves the prison in the demo: the CMB start when foreseen, else the final release; nullopt for
/// life and death sentences.
std::optional<Date> leaving_day(const Evaluation& evaluation);

}  // namespace binaan::synth
