# The catalogue of malformed inputs (issue 7): every entry of tests/malformed/catalogue.json run through the
# binaan program, one ctest each (malformed.Catalogue/Malformed.RefusedWithItsMessage/<id>), plus a check of the
# catalogue's own shape; label "malformed" (`ctest -L malformed`). The program is passed in by its build path and
# run with tests/cli/cli_support.hpp. Tests are listed when ctest runs (PRE_TEST), from the program; ctest lists
# them again only when the program is newer than its last list, so the program is rebuilt when the catalogue changes
# (OBJECT_DEPENDS below): an edited catalogue needs a build, as an edited test does.
if(NOT TARGET binaan_cli)
  return()
endif()
add_executable(binaan_malformed_test "${CMAKE_CURRENT_SOURCE_DIR}/malformed/malformed_test.cpp")
set_property(SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/malformed/malformed_test.cpp" APPEND PROPERTY OBJECT_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/malformed/catalogue.json")
target_link_libraries(binaan_malformed_test PRIVATE GTest::gtest_main nlohmann_json::nlohmann_json)
target_include_directories(binaan_malformed_test PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/cli")
target_compile_definitions(binaan_malformed_test PRIVATE
  BINAAN_CLI="$<TARGET_FILE:binaan_cli>"
  BINAAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(binaan_malformed_test binaan_cli)
binaan_set_warnings(binaan_malformed_test)
gtest_discover_tests(binaan_malformed_test TEST_PREFIX "malformed." DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
  PROPERTIES TIMEOUT 60 LABELS malformed)
