#include <binaan/privacy/pseudonym.hpp>

#include <binaan/error.hpp>

#include <array>

namespace binaan {

PseudonymKey::PseudonymKey(std::string_view key) {
  // The value named in the error is the length: the key itself must not reach a message or a log.
  if (key.size() < kMinBytes)
    throw ValueError("key", std::to_string(key.size()) + " bytes",
                     "a pseudonym key needs at least " + std::to_string(kMinBytes) +
                         " bytes (e.g. 32 random bytes: head -c 32 /dev/urandom > KEYFILE)");
  if (key.size() > kMaxBytes)
    throw ValueError("key", std::to_string(key.size()) + " bytes",
                     "longer than " + std::to_string(kMaxBytes) + " bytes: this is not a key file");
  // RFC 2104 §2, with the two padded-key blocks absorbed once here instead of on every pseudonym.
  std::array<std::uint8_t, Sha256::kBlockBytes> k{};
  if (key.size() > Sha256::kBlockBytes) {
    const Sha256Digest d = sha256(key);
    for (std::size_t i = 0; i < d.size(); ++i) k[i] = d[i];
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) k[i] = static_cast<std::uint8_t>(key[i]);
  }
  std::array<char, Sha256::kBlockBytes> pad{};
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x36u);
  inner_.update(std::string_view(pad.data(), pad.size()));
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x5cu);
  outer_.update(std::string_view(pad.data(), pad.size()));
  k.fill(0);  // best effort: the key bytes do not outlive the constructor
  pad.fill(0);
}

PseudonymKey PseudonymKey::from_key_file(std::string_view content) {
  if (!content.empty() && content.back() == '\n') {
    content.remove_suffix(1);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
  }
  return PseudonymKey(content);
}

Sha256Digest PseudonymKey::mac(std::string_view message) const {
  Sha256 inner = inner_;
  const Sha256Digest inner_digest = inner.update(message).finish();
  Sha256 outer = outer_;
  return outer.update(std::string_view(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size()))
      .finish();
}

std::string pseudonym(const PseudonymKey& key, std::string_view facility_id, std::string_view person_id) {
  if (facility_id.empty()) throw ValueError("facility.id", "", "a pseudonym needs the facility id");
  if (facility_id.find('\n') != std::string_view::npos)
    throw ValueError("facility.id", std::string(facility_id), "holds a line feed, the separator of the pseudonym");
  if (person_id.empty()) throw ValueError("person.id", "", "a pseudonym needs the person id");
  std::string message;
  message.reserve(facility_id.size() + 1 + person_id.size());
  message.append(facility_id).append(1, '\n').append(person_id);
  const Sha256Digest mac = key.mac(message);
  return to_hex(mac.data(), kPseudonymBytes);
}

}  // namespace binaan
