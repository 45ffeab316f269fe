# cmake -DSOURCE_DIR=<consumer project> -DBUILD_DIR= -DGENERATOR= [-DMAKE_PROGRAM=] -DCXX= [-DCXX_FLAGS=]
#       [-DLINKER_FLAGS=] [-DBUILD_TYPE=] [-DPREFIX=<installed binaan>] [-DEXPECTED_TYPE=STATIC_LIBRARY|SHARED_LIBRARY]
#       [-DFRESH=ON] [-DEXTRA_ARGS=-Da=b;-Dc=d] [-DJOBS=2] [-DPROGRAM=sentence_end] [-DPROGRAM_ARGS="a b"]
#       [-DCONFIGURE_ONLY=OFF] -P consumer.cmake
# Configures, builds and runs a consumer project (tests/package or tests/package/subdirectory). FRESH=ON (default)
# starts from an empty build directory, so find_package() is exercised from scratch every time.
foreach(var SOURCE_DIR BUILD_DIR GENERATOR CXX)
  if(NOT ${var})
    message(FATAL_ERROR "consumer.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT DEFINED FRESH)
  set(FRESH ON)
endif()
if(NOT JOBS)
  set(JOBS 2)
endif()
if(FRESH)
  file(REMOVE_RECURSE "${BUILD_DIR}")
endif()
set(args ${EXTRA_ARGS})
if(MAKE_PROGRAM)
  list(APPEND args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(PREFIX)
  # Only the prefix under test: no user or system package registry may supply another binaan.
  list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
                   -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF "-DBINAAN_EXPECTED_PREFIX=${PREFIX}")
endif()
if(EXPECTED_TYPE)
  list(APPEND args "-DBINAAN_EXPECTED_TYPE=${EXPECTED_TYPE}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BUILD_DIR}" -G "${GENERATOR}" ${args}
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
    "-DCMAKE_SHARED_LINKER_FLAGS=${LINKER_FLAGS}"
  COMMAND_ERROR_IS_FATAL ANY)
if(CONFIGURE_ONLY)
  return()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --parallel "${JOBS}" COMMAND_ERROR_IS_FATAL ANY)
if(NOT PROGRAM)
  set(PROGRAM sentence_end)
endif()
separate_arguments(program_args UNIX_COMMAND "${PROGRAM_ARGS}")
execute_process(COMMAND "${BUILD_DIR}/${PROGRAM}" ${program_args} COMMAND_ERROR_IS_FATAL ANY)
