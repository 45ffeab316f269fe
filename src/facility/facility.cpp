#include <binaan/facility/facility.hpp>

#include <binaan/error.hpp>
#include <binaan/programmes/errors.hpp>

#include "people/person_index.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

namespace binaan {

static_assert(kMaxFacilityPeople < std::numeric_limits<std::uint32_t>::max(),
              "a position + 1 fits the 32 bits of an index slot (people/person_index.hpp)");

namespace {

constexpr std::string_view kKindNames[] = {"lapas", "rutan"};

void require_text(const std::string& field, const std::string& value, bool required) {
  if (required && value.empty()) throw ValueError(field, value, "must not be empty");
  if (value.size() > kMaxTextLength) throw ValueError(field, value.substr(0, 40), "longer than 1,000 characters");
}

std::string at(const char* list, std::size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

/// Calls `f(where, inmate_id)` for every use of an inmate id in the programmes, in a fixed order; `where` is built
/// only when `f` asks for it (a lambda taking a callable that returns the text), so the common check stays cheap.
template <class F>
void for_each_inmate(const Programmes& p, F&& f) {
  for (std::size_t i = 0; i < p.enrolments().size(); ++i)
    f([&] { return at("enrolments", i, "inmate_id"); }, p.enrolments()[i].inmate_id);
  for (std::size_t i = 0; i < p.waiting_list().size(); ++i)
    f([&] { return at("waiting_list", i, "inmate_id"); }, p.waiting_list()[i].inmate_id);
  for (std::size_t i = 0; i < p.decisions().size(); ++i)
    f([&] { return at("decisions", i, "inmate_id"); }, p.decisions()[i].inmate_id);
  for (std::size_t i = 0; i < p.attendance().size(); ++i)
    f([&] { return at("attendance", i, "inmate_id"); }, p.attendance()[i].inmate_id);
  for (std::size_t i = 0; i < p.assessments().size(); ++i)
    f([&] { return at("assessments", i, "inmate_id"); }, p.assessments()[i].inmate_id);
  for (std::size_t i = 0; i < p.certificates().size(); ++i)
    f([&] { return at("certificates", i, "inmate_id"); }, p.certificates()[i].inmate_id);
  for (std::size_t i = 0; i < p.pemuka().size(); ++i)
    f([&] { return at("pemuka", i, "inmate_id"); }, p.pemuka()[i].inmate_id);
  for (std::size_t i = 0; i < p.batches().size(); ++i) {
    const auto& cs = p.batches()[i].contributors;
    for (std::size_t j = 0; j < cs.size(); ++j)
      f([&] { return "batches[" + std::to_string(i) + "]." + at("contributors", j, "inmate_id"); }, cs[j].inmate_id);
  }
  for (std::size_t i = 0; i < p.sales().size(); ++i) {
    const auto& lines = p.sales()[i].lines;
    for (std::size_t j = 0; j < lines.size(); ++j)
      for (std::size_t k = 0; k < lines[j].premi.size(); ++k)
        f([&] {
          return "sales[" + std::to_string(i) + "].lines[" + std::to_string(j) + "]." + at("premi", k, "id");
        },
          lines[j].premi[k].id);
  }
  for (const auto& [inmate, ledger] : p.ledgers()) {
    f([&, key = &inmate] { return "ledgers[" + *key + "]"; }, inmate);
    if (ledger.inmate_id() != inmate)
      f([&, key = &inmate] { return "ledgers[" + *key + "].inmate_id"; }, ledger.inmate_id());
  }
}

}  // namespace

std::string_view to_string(FacilityKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < std::size(kKindNames) ? kKindNames[i] : std::string_view("?");
}

FacilityKind parse_facility_kind(std::string_view text, std::string_view field) {
  for (std::size_t i = 0; i < std::size(kKindNames); ++i)
    if (kKindNames[i] == text) return static_cast<FacilityKind>(i);
  throw ValueError(std::string(field), std::string(text), "expected one of: lapas, rutan");
}

std::vector<InmateReference> inmate_references(const Programmes& programmes) {
  std::vector<InmateReference> out;
  for_each_inmate(programmes, [&](auto where, const std::string& id) { out.push_back({where(), id}); });
  return out;
}

Facility::Facility(std::string id, std::string name, FacilityKind kind)
    : id_(std::move(id)), name_(std::move(name)), kind_(kind) {
  require_text("facility.id", id_, true);
  require_text("facility.name", name_, false);
  if (to_string(kind_) == "?") throw ValueError("facility.kind", std::to_string(static_cast<int>(kind_)), "unknown");
}

Facility::Facility(std::string id, std::string name, FacilityKind kind, std::vector<Case> people,
                   Programmes programmes)
    : Facility(std::move(id), std::move(name), kind) {
  if (people.size() > kMaxFacilityPeople)
    throw ValueError("facility.people", std::to_string(people.size()), "more than 50,000,000 people");
  people_ = std::move(people);
  const std::size_t duplicate = detail::index_people(people_, index_);
  if (duplicate < people_.size())
    throw ValueError("people[" + std::to_string(duplicate) + "].person.id", people_[duplicate].person().id(),
                     "already in the facility (person ids are unique)");
  replace_programmes(std::move(programmes));
}

const Case* Facility::find(const std::string& person_id) const {
  const std::size_t i = detail::find_person(people_, index_, person_id);
  return i == detail::kNoPerson ? nullptr : &people_[i];
}

const Case& Facility::person(const std::string& person_id) const {
  const Case* c = find(person_id);
  if (!c) throw UnknownReference("person_id", person_id);
  return *c;
}

void Facility::require_person(const std::string& field, const std::string& person_id) const {
  if (!contains(person_id))
    throw UnknownReference(field, person_id);
}

void Facility::add_person(Case c) {
  const std::string& pid = c.person().id();
  if (contains(pid)) throw ValueError("person.id", pid, "already in the facility (person ids are unique)");
  if (people_.size() >= kMaxFacilityPeople)
    throw ValueError("facility.people", std::to_string(people_.size()), "already 50,000,000 people");
  // Everything that may throw comes before the first change: the room for the person, in the roster and in the
  // index (a bigger table is built aside).
  if (people_.size() == people_.capacity())  // doubling; a national roster's room on 2 MiB pages
    reserve_roster(people_, people_.size() < 8 ? 8 : people_.size() * 2);
  detail::reserve_person_slots(people_, index_, people_.size() + 1);
  people_.push_back(std::move(c));  // no reallocation: does not throw
  detail::index_person(people_, index_, people_.size() - 1);  // room reserved: does not throw
}

void Facility::replace_person(Case c) {
  const Case* old = find(c.person().id());
  if (!old) throw UnknownReference("person.id", c.person().id());
  people_[static_cast<std::size_t>(old - people_.data())] = std::move(c);  // same id, same slot; does not throw
}

void Facility::remove_person(const std::string& person_id) {
  const Case* gone = find(person_id);
  if (!gone) throw UnknownReference("person_id", person_id);
  for_each_inmate(programmes_, [&](auto where, const std::string& id) {
    if (id == person_id)
      throw ValueError("person_id", person_id, "still named by the programmes at " + where());
  });
  std::vector<Case> people = people_;  // copy first: the strong guarantee
  people.erase(people.begin() + (gone - people_.data()));
  detail::PersonSlots index;
  detail::index_people(people, index);
  people_.swap(people);
  index_.swap(index);
}

void Facility::replace_programmes(Programmes programmes) {
  for_each_inmate(programmes, [&](auto where, const std::string& inmate_id) {
    if (!contains(inmate_id)) throw UnknownReference("programmes." + where(), inmate_id);
  });
  programmes_ = std::move(programmes);
}

EnrolmentDecision Facility::request_enrolment(const std::string& inmate_id, const std::string& workshop_id, Date on,
                                              const InmateStatus& status) {
  require_person("enrolment.inmate_id", inmate_id);
  return programmes_.request_enrolment(inmate_id, workshop_id, on, status);
}

std::vector<EnrolmentDecision> Facility::fill_places(const std::string& workshop_id, Date on,
                                                     const std::map<std::string, InmateStatus>& statuses) {
  // Only inmates already on the waiting list can be enrolled, and they are people of the facility.
  return programmes_.fill_places(workshop_id, on, statuses);
}

void Facility::leave(const std::string& inmate_id, const std::string& workshop_id, Date on, LeaveReason reason) {
  require_person("leave.inmate_id", inmate_id);
  programmes_.leave(inmate_id, workshop_id, on, reason);
}

void Facility::record_attendance(const std::string& workshop_id, Date session, const std::string& inmate_id,
                                 AttendanceStatus status, std::optional<int> hours) {
  require_person("attendance.inmate_id", inmate_id);
  programmes_.record_attendance(workshop_id, session, inmate_id, status, hours);
}

void Facility::record_assessment(EndAssessment assessment) {
  require_person("assessment.inmate_id", assessment.inmate_id);
  programmes_.record_assessment(std::move(assessment));
}

void Facility::issue_certificate(Certificate certificate) {
  require_person("certificate.inmate_id", certificate.inmate_id);
  programmes_.issue_certificate(std::move(certificate));
}

void Facility::record_pemuka(PemukaPeriod period) {
  require_person("pemuka.inmate_id", period.inmate_id);
  programmes_.record_pemuka(std::move(period));
}

void Facility::add_batch(Batch batch) {
  for (std::size_t i = 0; i < batch.contributors.size(); ++i)
    require_person(at("batch.contributors", i, "inmate_id"), batch.contributors[i].inmate_id);
  programmes_.add_batch(std::move(batch));
}

std::optional<Decline> Facility::spend(const std::string& inmate_id, Date date, Rupiah amount,
                                       std::string reference) {
  require_person("spend.inmate_id", inmate_id);
  return programmes_.spend(inmate_id, date, amount, std::move(reference));
}

Rupiah Facility::hand_over(const std::string& inmate_id, Date date) {
  require_person("hand_over.inmate_id", inmate_id);
  return programmes_.hand_over(inmate_id, date);
}

void Facility::restore_enrolment(Enrolment enrolment) {
  require_person("enrolment.inmate_id", enrolment.inmate_id);
  programmes_.restore_enrolment(std::move(enrolment));
}

void Facility::restore_waiting(WaitingEntry entry) {
  require_person("waiting.inmate_id", entry.inmate_id);
  programmes_.restore_waiting(std::move(entry));
}

void Facility::restore_decision(EnrolmentDecision decision) {
  require_person("decision.inmate_id", decision.inmate_id);
  programmes_.restore_decision(std::move(decision));
}

}  // namespace binaan
