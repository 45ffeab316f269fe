#pragma once
/// \file
/// Fictional Indonesian-style personal names, put together from small tables of syllables. They are meant to look
/// plausible in a report, not to be anyone's name; a name that happens to match a real person is a coincidence.

#include <binaan/people/enums.hpp>
#include <binaan/synth/random.hpp>

#include <string>

namespace binaan::synth {

/// A given name and a second name ("Rudianto Saputraga"), sometimes only one name, as is common in Indonesia.
/// The religion shades the first name (e.g. a Christian given name is likelier for a Protestant or Catholic, a
/// Balinese birth-order name for a Hindu). ASCII only, at most 40 characters.
std::string fictional_name(Rng& rng, Religion religion, Sex sex);

}  // namespace binaan::synth
