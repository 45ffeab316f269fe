# The command line run as a user runs it: every command's output and exit status (tests/cli/cli_test.cpp), the
# program passed in by its build path.
add_executable(binaan_cli_test "${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.cpp"
  "${CMAKE_CURRENT_SOURCE_DIR}/cli/privacy_cli_test.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/cli/what_if_cli_test.cpp")
target_link_libraries(binaan_cli_test PRIVATE GTest::gtest_main nlohmann_json::nlohmann_json)
target_compile_definitions(binaan_cli_test PRIVATE
  BINAAN_CLI="$<TARGET_FILE:binaan_cli>"
  BINAAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(binaan_cli_test binaan_cli)
binaan_set_warnings(binaan_cli_test)
gtest_discover_tests(binaan_cli_test TEST_PREFIX "cli." DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 60)
