#pragma once
/// \file
/// A facility (Lapas or Rutan): its people, each with the whole case the rules read, and its programmes, kept
/// consistent with each other. Saving and loading it is in <binaan/io/archive.hpp>.

#include <binaan/export.hpp>
#include <binaan/people/case.hpp>
#include <binaan/programmes/programmes.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// The two kinds of facility of the pemasyarakatan system (UU 22/2022 Art. 1).
enum class FacilityKind : std::uint8_t {
  Lapas,  ///< lembaga pemasyarakatan: a prison for the sentenced
  Rutan   ///< rumah tahanan negara: a remand centre (it also holds some of the sentenced)
};

/// "lapas", "rutan".
BINAAN_EXPORT std::string_view to_string(FacilityKind kind);
/// Throws ValueError naming `field` and the text.
BINAAN_EXPORT FacilityKind parse_facility_kind(std::string_view text, std::string_view field = "facility.kind");

/// Most people one facility holds (a bound checked on every addition and when an archive is read).
inline constexpr std::size_t kMaxFacilityPeople = 50'000'000;

/// One facility: an id, a name, its kind, its people (each person's complete Case, unique person ids, in the order
/// they were added) and its Programmes.
///
/// Referential integrity holds at all times: every inmate id the programmes use (enrolments, waiting list,
/// decisions, attendance, assessments, certificates, pemuka, batch contributors, premi of sales, savings ledgers)
/// names a person of the facility. Every change below checks it and gives the strong exception guarantee: it
/// throws a ValueError (UnknownReference for an inmate id that names no person) and leaves the facility as it was.
/// The programmes operations are the Programmes ones (same arguments, same checks, same results), with the inmate
/// ids checked first.
///
/// \par Thread safety
/// A loaded facility is safe to read from any number of threads: the const members (people(), find(), person(),
/// programmes() and its queries), the reports and the engine over its people, and saving it (facility_to_bytes,
/// save_facility) all only read, and it builds nothing lazily. Not safe: any change (add_person, replace_person,
/// record_attendance, record_sale, …, or assignment) while another thread reads or changes the same facility — a
/// data race, undefined behaviour. Writers need exclusive access: a std::shared_mutex (shared for reads, unique
/// for changes), or a copy changed by one thread and published to the readers when finished. References and
/// pointers from people(), find() and the programmes queries may be invalidated by changes. See docs/concurrency.md.
class BINAAN_EXPORT Facility {
public:
  /// An empty facility. Throws ValueError for an empty id, or an id or name over 1,000 characters.
  Facility(std::string id, std::string name, FacilityKind kind);
  /// A facility with its people and programmes, checked as a whole: unique person ids, every inmate id of the
  /// programmes a person. Throws ValueError (UnknownReference naming the first unknown inmate id and where the
  /// programmes use it).
  Facility(std::string id, std::string name, FacilityKind kind, std::vector<Case> people,
           Programmes programmes = Programmes());

  const std::string& id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }
  FacilityKind kind() const noexcept { return kind_; }

  // ---- people ----
  /// Everyone, in the order added.
  const std::vector<Case>& people() const noexcept { return people_; }
  std::size_t size() const noexcept { return people_.size(); }
  bool contains(const std::string& person_id) const { return find(person_id) != nullptr; }
  /// The case of a person, or nullptr. O(1) on average (a hash index over the person ids).
  const Case* find(const std::string& person_id) const;
  /// The case of a person; throws UnknownReference("person_id", id).
  const Case& person(const std::string& person_id) const;

  /// Adds a person; throws ValueError("person.id") when the id is already in the facility.
  void add_person(Case c);
  /// Replaces the case of a person already in the facility (same person id), e.g. after new facts or grants.
  void replace_person(Case c);
  /// Removes a person; refused (ValueError naming where) while the programmes still name the person.
  void remove_person(const std::string& person_id);

  // ---- programmes ----
  const Programmes& programmes() const noexcept { return programmes_; }
  /// Replaces all programmes at once, after checking every inmate id they use.
  void replace_programmes(Programmes programmes);

  void add_programme(Programme programme) { programmes_.add_programme(std::move(programme)); }
  void add_partner(Partner partner) { programmes_.add_partner(std::move(partner)); }
  void add_agreement(Agreement agreement) { programmes_.add_agreement(std::move(agreement)); }
  void add_workshop(Workshop workshop) { programmes_.add_workshop(std::move(workshop)); }
  void add_session(const std::string& workshop_id, Session session) {
    programmes_.add_session(workshop_id, session);
  }
  void add_product(Product product) { programmes_.add_product(std::move(product)); }

  EnrolmentDecision request_enrolment(const std::string& inmate_id, const std::string& workshop_id, Date on,
                                      const InmateStatus& status);
  std::vector<EnrolmentDecision> fill_places(const std::string& workshop_id, Date on,
                                             const std::map<std::string, InmateStatus>& statuses);
  void leave(const std::string& inmate_id, const std::string& workshop_id, Date on, LeaveReason reason);

  void record_attendance(const std::string& workshop_id, Date session, const std::string& inmate_id,
                         AttendanceStatus status, std::optional<int> hours = std::nullopt);
  void record_assessment(EndAssessment assessment);
  void issue_certificate(Certificate certificate);
  void record_pemuka(PemukaPeriod period);

  void add_batch(Batch batch);
  const ConsignmentRecord& consign(Consignment consignment) { return programmes_.consign(std::move(consignment)); }
  /// The premi goes to the batch's contributors, who are people of the facility already.
  const SaleRecord& record_sale(Sale sale) { return programmes_.record_sale(std::move(sale)); }
  std::optional<Decline> spend(const std::string& inmate_id, Date date, Rupiah amount, std::string reference);
  Rupiah hand_over(const std::string& inmate_id, Date date);

  void restore_enrolment(Enrolment enrolment);
  void restore_waiting(WaitingEntry entry);
  void restore_decision(EnrolmentDecision decision);

private:
  void require_person(const std::string& field, const std::string& person_id) const;

  std::string id_;
  std::string name_;
  FacilityKind kind_;
  std::vector<Case> people_;
  // Person id → position in people_, the ids not copied (so indexing millions of people allocates once): the
  // slots of binaan::detail::PersonSlots (src/people/person_index.hpp), which the roster readers use too.
  std::vector<std::uint64_t> index_;
  Programmes programmes_;
};

/// Where the programmes use an inmate id: one entry per use, e.g. {"enrolments[3].inmate_id", "WBP-0001"}.
struct InmateReference {
  std::string where;
  std::string inmate_id;
};

/// Every use of an inmate id in the programmes, in a fixed order (the order of the fields above).
BINAAN_EXPORT std::vector<InmateReference> inmate_references(const Programmes& programmes);

}  // namespace binaan
