#pragma once
/// \file
/// Umbrella header: everything binaan offers.

#include <binaan/error.hpp>
#include <binaan/export.hpp>
#include <binaan/version.hpp>

#include <binaan/time/date.hpp>
#include <binaan/time/holiday_approximation.hpp>
#include <binaan/time/holiday_calendar.hpp>
#include <binaan/time/term.hpp>

#include <binaan/people/case.hpp>
#include <binaan/people/detention.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/people/facts.hpp>
#include <binaan/people/person.hpp>
#include <binaan/people/sentence.hpp>

#include <binaan/io/case_json.hpp>
