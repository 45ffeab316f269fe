# Fuzz targets (tests/fuzz/<target>.cpp, each defining LLVMFuzzerTestOneInput), label "fuzz":
#   fuzz.<target>  replays tests/fuzz/corpus/<target>/ (seeds and every crash ever found, kept as regressions)
# By default each target links tests/fuzz/replay_main.cpp and is an ordinary program, so every build replays the
# corpora with its own compiler and flags (gcc in the ci preset, AddressSanitizer and UBSan in the sanitize preset).
# With binaan_BUILD_FUZZERS=ON (the fuzz preset, clang) the same targets link libFuzzer instead; scripts/fuzz runs
# them, and the tests replay the corpora through libFuzzer (-runs=0: run the inputs, mutate nothing).
set(binaan_FUZZ_DIR "${PROJECT_SOURCE_DIR}/tests/fuzz")
set(binaan_FUZZ_TARGETS case_json roster_jsonl roster_csv term_date policy holiday_csv archive_text archive_binary)

if(NOT binaan_BUILD_FUZZERS)
  add_library(binaan_fuzz_replay OBJECT "${binaan_FUZZ_DIR}/replay_main.cpp")
  target_compile_features(binaan_fuzz_replay PRIVATE cxx_std_17)
  binaan_set_warnings(binaan_fuzz_replay)
endif()

# All of them: `cmake --build --preset fuzz` builds this target only.
add_custom_target(binaan_fuzz_targets)
foreach(target IN LISTS binaan_FUZZ_TARGETS)
  set(exe binaan_fuzz_${target})
  add_dependencies(binaan_fuzz_targets ${exe})
  add_executable(${exe} "${binaan_FUZZ_DIR}/${target}.cpp")
  # src/ and binaan::internal for the archive targets, which build valid envelopes around their input with
  # binaan::detail.
  target_include_directories(${exe} PRIVATE "${binaan_FUZZ_DIR}" "${PROJECT_SOURCE_DIR}/src")
  if(target MATCHES "^archive_")
    target_link_libraries(${exe} PRIVATE binaan::internal)
  else()
    target_link_libraries(${exe} PRIVATE binaan::binaan)
  endif()
  binaan_set_warnings(${exe})
  if(binaan_BUILD_FUZZERS)
    target_link_options(${exe} PRIVATE -fsanitize=fuzzer)
    set(replay_flags -runs=0)
  else()
    target_link_libraries(${exe} PRIVATE binaan_fuzz_replay)
    set(replay_flags "")
  endif()
  add_test(NAME fuzz.${target} COMMAND ${exe} ${replay_flags} "${binaan_FUZZ_DIR}/corpus/${target}")
  set_tests_properties(fuzz.${target} PROPERTIES LABELS fuzz TIMEOUT 600)
endforeach()

# The generator of the corpus seeds that only the library can write (archives, policy files, CSV rosters). Built so
# that it cannot rot; run by hand (tests/fuzz/corpus/README.md).
if(NOT binaan_BUILD_FUZZERS)
  add_executable(binaan_fuzz_seeds "${binaan_FUZZ_DIR}/make_seeds.cpp")
  target_include_directories(binaan_fuzz_seeds PRIVATE "${PROJECT_SOURCE_DIR}/tests/unit/facility"
                                                       "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(binaan_fuzz_seeds PRIVATE binaan::internal)
  binaan_set_warnings(binaan_fuzz_seeds)
endif()
