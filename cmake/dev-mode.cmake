# Developer mode: warnings, tests, benchmarks. Only when binaan is the top-level project.
include(cmake/warnings.cmake)
binaan_set_warnings(binaan_binaan)
if(TARGET binaan_cli)
  binaan_set_warnings(binaan_cli)
endif()

# binaan::internal: the library for the tests and test programs that call its internals (binaan::detail functions,
# headers of src/). A static library holds them all; a shared one, built with hidden visibility, exports the public
# API only, as it should. So in a shared build binaan::internal is a static archive of the shared library's own
# object files (compiled once, from the one list of sources), with the usage requirements the library keeps private;
# in a static build it is the library itself. Everything else links binaan::binaan, so a shared build tests its
# exports.
if(BUILD_SHARED_LIBS)
  add_library(binaan_internal STATIC $<TARGET_OBJECTS:binaan_binaan>)
  set_target_properties(binaan_internal PROPERTIES LINKER_LANGUAGE CXX)  # objects only: no sources to tell
  get_target_property(binaan_internal_links binaan_binaan LINK_LIBRARIES)  # private ones included
  target_link_libraries(binaan_internal PUBLIC ${binaan_internal_links})
  target_include_directories(binaan_internal PUBLIC "$<TARGET_PROPERTY:binaan_binaan,INTERFACE_INCLUDE_DIRECTORIES>")
  target_compile_features(binaan_internal PUBLIC cxx_std_17)
  # Its users link statically: no import declarations (on Windows, dllimport would not link).
  target_compile_definitions(binaan_internal INTERFACE BINAAN_STATIC_DEFINE)
else()
  add_library(binaan_internal INTERFACE)
  target_link_libraries(binaan_internal INTERFACE binaan::binaan)
endif()
add_library(binaan::internal ALIAS binaan_internal)

include(CTest)
if(BUILD_TESTING)
  add_subdirectory(tests)
endif()

option(binaan_BUILD_BENCHMARKS "Build the Google Benchmark programs" ON)
if(binaan_BUILD_BENCHMARKS)
  add_subdirectory(benchmarks)
endif()
