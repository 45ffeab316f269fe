# Developer mode: warnings, tests, benchmarks. Only when binaan is the top-level project.
include(cmake/warnings.cmake)
binaan_set_warnings(binaan_binaan)
if(TARGET binaan_cli)
  binaan_set_warnings(binaan_cli)
endif()

include(CTest)
if(BUILD_TESTING)
  add_subdirectory(tests)
endif()

option(binaan_BUILD_BENCHMARKS "Build the Google Benchmark programs" ON)
if(binaan_BUILD_BENCHMARKS)
  add_subdirectory(benchmarks)
endif()
