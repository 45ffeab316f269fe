# Developer mode: warnings, tests, benchmarks. Only when binaan is the top-level project.
include(cmake/warnings.cmake)
binaan_set_warnings(binaan_binaan)
if(TARGET binaan_cli)
  binaan_set_warnings(binaan_cli)
endif()

# The unit tests reach internals (binaan::detail) that a shared library, built with hidden visibility, does not
# export; they are meant to link the static library. The package tests build and check a shared library themselves.
if(BUILD_SHARED_LIBS)
  message(WARNING "binaan_DEVELOPER_MODE with BUILD_SHARED_LIBS=ON: unit tests that call binaan::detail functions "
                  "will not link. Use a static developer build; ctest -L package covers the shared library.")
endif()

include(CTest)
if(BUILD_TESTING)
  add_subdirectory(tests)
endif()

option(binaan_BUILD_BENCHMARKS "Build the Google Benchmark programs" ON)
if(binaan_BUILD_BENCHMARKS)
  add_subdirectory(benchmarks)
endif()
