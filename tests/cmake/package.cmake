# Package consumer tests (issue 2 §1), label "package":
#   package.install.static   installs this build into an empty prefix              (fixture binaan_package_static)
#   package.consumer.static  builds and runs tests/package against it with find_package(binaan)
#   package.example.consumer builds examples/consumer against it and checks its output
#   package.pkgconfig.static compiles and links the same program with `pkg-config --cflags --libs binaan` only
#   package.build.shared     builds just the library with BUILD_SHARED_LIBS=ON and installs it (fixture binaan_package_shared)
#   package.exports.shared   checks with nm that the API leaves the hidden-visibility libbinaan.so
#   package.consumer.shared  / package.pkgconfig.shared: as above, against the shared install
#   package.subdirectory     configures the consumer with add_subdirectory(<source tree>); with
#                            binaan_TEST_SUBDIRECTORY_BUILD=ON also builds and runs it
# Each test has its own directory under build/.../tests/package, and fixtures order setup before use, so the tests
# run in any order, alone (ctest -R) or in parallel. The builds claim both processors so they do not overload CI.
if(CMAKE_SKIP_INSTALL_RULES)
  message(STATUS "CMAKE_SKIP_INSTALL_RULES is set: no package tests")
  return()
endif()
include(GNUInstallDirs)

set(binaan_PKG_DIR "${CMAKE_CURRENT_BINARY_DIR}/package")
set(binaan_PKG_SCRIPTS "${PROJECT_SOURCE_DIR}/tests/package/cmake")
set(binaan_PKG_SOURCE "${PROJECT_SOURCE_DIR}/tests/package")
# The same compiler and flags as this build (the sanitize preset's flags must reach every program that links
# an instrumented library). The extra builds use no build type, so no optimisation and no debug information: they
# check linking and exported symbols, and -O0 is the strictest for that (nothing is inlined away) and the fastest
# to compile on CI's two cores.
set(binaan_PKG_TOOLCHAIN
  "-DGENERATOR=${CMAKE_GENERATOR}"
  "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
  "-DCXX=${CMAKE_CXX_COMPILER}"
  "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}"
  "-DLINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
  -DBUILD_TYPE=
  -DJOBS=2)
set(binaan_PKG_CONFIG_ARG "")
get_property(binaan_PKG_MULTI_CONFIG GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
if(binaan_PKG_MULTI_CONFIG)
  set(binaan_PKG_CONFIG_ARG "-DCONFIG=$<CONFIG>")
endif()
find_program(binaan_PKG_CONFIG_EXECUTABLE NAMES pkg-config pkgconf)
mark_as_advanced(binaan_PKG_CONFIG_EXECUTABLE)
if(NOT binaan_PKG_CONFIG_EXECUTABLE)
  message(WARNING "pkg-config not found: the package.pkgconfig.* tests are not registered (run scripts/deps)")
endif()

# ---- The static library of this build ----
set(static_prefix "${binaan_PKG_DIR}/static-prefix")
add_test(NAME package.install.static
  COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${PROJECT_BINARY_DIR}" "-DPREFIX=${static_prefix}" ${binaan_PKG_CONFIG_ARG}
          -P "${binaan_PKG_SCRIPTS}/install.cmake")
set_tests_properties(package.install.static PROPERTIES FIXTURES_SETUP binaan_package_static)

add_test(NAME package.consumer.static
  COMMAND "${CMAKE_COMMAND}" ${binaan_PKG_TOOLCHAIN}
          "-DSOURCE_DIR=${binaan_PKG_SOURCE}" "-DBUILD_DIR=${binaan_PKG_DIR}/static-consumer"
          "-DPREFIX=${static_prefix}" -DEXPECTED_TYPE=$<IF:$<BOOL:${BUILD_SHARED_LIBS}>,SHARED_LIBRARY,STATIC_LIBRARY>
          -P "${binaan_PKG_SCRIPTS}/consumer.cmake")
set_tests_properties(package.consumer.static PROPERTIES FIXTURES_REQUIRED binaan_package_static)

add_test(NAME package.example.consumer
  COMMAND "${CMAKE_COMMAND}" ${binaan_PKG_TOOLCHAIN}
          "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}/examples/consumer" "-DBUILD_DIR=${binaan_PKG_DIR}/example-consumer"
          "-DPREFIX=${static_prefix}" -DPROGRAM=sentence_dates "-DPROGRAM_ARGS=2017-05-09 2y"
          -P "${binaan_PKG_SCRIPTS}/consumer.cmake")
set_tests_properties(package.example.consumer PROPERTIES FIXTURES_REQUIRED binaan_package_static
  PASS_REGULAR_EXPRESSION "ends on +2019-05-09")

if(binaan_PKG_CONFIG_EXECUTABLE)
  add_test(NAME package.pkgconfig.static
    COMMAND "${CMAKE_COMMAND}" "-DPKG_CONFIG=${binaan_PKG_CONFIG_EXECUTABLE}" "-DPREFIX=${static_prefix}"
            "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}" "-DCXX=${CMAKE_CXX_COMPILER}" "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}"
            "-DLINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}" "-DSOURCE=${binaan_PKG_SOURCE}/sentence_end.cpp"
            "-DOUTPUT=${binaan_PKG_DIR}/static-pkgconfig/sentence_end" "-DVERSION=${PROJECT_VERSION}"
            -P "${binaan_PKG_SCRIPTS}/pkg-config.cmake")
  set_tests_properties(package.pkgconfig.static PROPERTIES FIXTURES_REQUIRED binaan_package_static)
endif()

# ---- A shared build of just the library ----
# The unit tests and the program link the static library; a shared build exports only BINAAN_EXPORT symbols, so
# only the library and a consumer of its public API are built here.
set(shared_prefix "${binaan_PKG_DIR}/shared-prefix")
add_test(NAME package.build.shared
  COMMAND "${CMAKE_COMMAND}" ${binaan_PKG_TOOLCHAIN}
          "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DBUILD_DIR=${binaan_PKG_DIR}/shared-build" "-DPREFIX=${shared_prefix}"
          -DSHARED=ON -P "${binaan_PKG_SCRIPTS}/build-library.cmake")
set_tests_properties(package.build.shared PROPERTIES FIXTURES_SETUP binaan_package_shared PROCESSORS 2 TIMEOUT 1800)

if(CMAKE_NM)
  add_test(NAME package.exports.shared
    COMMAND "${CMAKE_COMMAND}" "-DNM=${CMAKE_NM}" "-DPREFIX=${shared_prefix}" "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}"
            -P "${binaan_PKG_SCRIPTS}/exports.cmake")
  set_tests_properties(package.exports.shared PROPERTIES FIXTURES_REQUIRED binaan_package_shared)
endif()

add_test(NAME package.consumer.shared
  COMMAND "${CMAKE_COMMAND}" ${binaan_PKG_TOOLCHAIN}
          "-DSOURCE_DIR=${binaan_PKG_SOURCE}" "-DBUILD_DIR=${binaan_PKG_DIR}/shared-consumer"
          "-DPREFIX=${shared_prefix}" -DEXPECTED_TYPE=SHARED_LIBRARY
          -P "${binaan_PKG_SCRIPTS}/consumer.cmake")
set_tests_properties(package.consumer.shared PROPERTIES FIXTURES_REQUIRED binaan_package_shared)

if(binaan_PKG_CONFIG_EXECUTABLE)
  add_test(NAME package.pkgconfig.shared
    COMMAND "${CMAKE_COMMAND}" "-DPKG_CONFIG=${binaan_PKG_CONFIG_EXECUTABLE}" "-DPREFIX=${shared_prefix}"
            "-DLIBDIR=${CMAKE_INSTALL_LIBDIR}" "-DCXX=${CMAKE_CXX_COMPILER}" "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}"
            "-DLINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}" "-DSOURCE=${binaan_PKG_SOURCE}/sentence_end.cpp"
            "-DOUTPUT=${binaan_PKG_DIR}/shared-pkgconfig/sentence_end" "-DVERSION=${PROJECT_VERSION}"
            -P "${binaan_PKG_SCRIPTS}/pkg-config.cmake")
  set_tests_properties(package.pkgconfig.shared PROPERTIES FIXTURES_REQUIRED binaan_package_shared)
endif()

# ---- add_subdirectory() ----
# By default only configured: that is where embedding breaks (options, target names, developer mode leaking into
# the parent), and building would compile the whole library a third time on CI's two cores. With
# binaan_TEST_SUBDIRECTORY_BUILD=ON the consumer is also built and run (the build directory is kept between runs).
option(binaan_TEST_SUBDIRECTORY_BUILD "package.subdirectory also builds and runs the consumer" OFF)
mark_as_advanced(binaan_TEST_SUBDIRECTORY_BUILD)
if(binaan_TEST_SUBDIRECTORY_BUILD)
  set(binaan_PKG_SUBDIR_ARGS -DFRESH=OFF -DCONFIGURE_ONLY=OFF)
else()
  set(binaan_PKG_SUBDIR_ARGS -DFRESH=ON -DCONFIGURE_ONLY=ON)
endif()
add_test(NAME package.subdirectory
  COMMAND "${CMAKE_COMMAND}" ${binaan_PKG_TOOLCHAIN}
          "-DSOURCE_DIR=${binaan_PKG_SOURCE}/subdirectory" "-DBUILD_DIR=${binaan_PKG_DIR}/subdirectory"
          "-DEXTRA_ARGS=-DBINAAN_SOURCE_DIR=${PROJECT_SOURCE_DIR}" ${binaan_PKG_SUBDIR_ARGS}
          -P "${binaan_PKG_SCRIPTS}/consumer.cmake")
if(binaan_TEST_SUBDIRECTORY_BUILD)
  set_tests_properties(package.subdirectory PROPERTIES PROCESSORS 2 TIMEOUT 1800)
endif()

get_property(binaan_PKG_TESTS DIRECTORY PROPERTY TESTS)
list(FILTER binaan_PKG_TESTS INCLUDE REGEX "^package\\.")
set_tests_properties(${binaan_PKG_TESTS} PROPERTIES LABELS package)
