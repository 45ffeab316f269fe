# Golden cases through the command line: one ctest per file of tests/golden/, `binaan evaluate` compared with
# the file's `expect` (the library-API run of the same files is in tests/unit/rules/golden_test.cpp).
add_executable(binaan_golden_cli_check "${CMAKE_CURRENT_SOURCE_DIR}/cli/golden_cli_check.cpp")
target_link_libraries(binaan_golden_cli_check PRIVATE nlohmann_json::nlohmann_json)
target_include_directories(binaan_golden_cli_check PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/support")
file(GLOB binaan_GOLDEN_CASES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/golden/*.json")
foreach(case_file IN LISTS binaan_GOLDEN_CASES)
  get_filename_component(case_name "${case_file}" NAME_WE)
  add_test(NAME "golden.cli.${case_name}"
           COMMAND binaan_golden_cli_check "$<TARGET_FILE:binaan_cli>" "${case_file}")
endforeach()
