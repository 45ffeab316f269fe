# Options that only make sense when binaan is the top-level project default to OFF otherwise.
option(binaan_DEVELOPER_MODE "Enable developer mode: tests, benchmarks, lint" OFF)
option(BUILD_SHARED_LIBS "Build shared libraries" OFF)

# Consumers that add_subdirectory() binaan should not see its warnings.
set(warning_guard "")
if(NOT PROJECT_IS_TOP_LEVEL)
  option(binaan_INCLUDES_WITH_SYSTEM "Use SYSTEM modifier for binaan's includes, disabling warnings" ON)
  mark_as_advanced(binaan_INCLUDES_WITH_SYSTEM)
  if(binaan_INCLUDES_WITH_SYSTEM)
    set(warning_guard SYSTEM)
  endif()
endif()
