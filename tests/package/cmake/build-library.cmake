# cmake -DSOURCE_DIR= -DBUILD_DIR= -DPREFIX= -DGENERATOR= [-DMAKE_PROGRAM=] -DCXX= [-DCXX_FLAGS=] [-DLINKER_FLAGS=]
#       [-DBUILD_TYPE=] [-DJOBS=2] [-DSHARED=ON] -P build-library.cmake
# Builds just the library (no developer mode, no program) the way a packager would, and installs it into an empty
# prefix. The build directory is kept between runs so that a re-run only rebuilds what changed.
foreach(var SOURCE_DIR BUILD_DIR PREFIX GENERATOR CXX)
  if(NOT ${var})
    message(FATAL_ERROR "build-library.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT JOBS)
  set(JOBS 2)
endif()
if(NOT DEFINED SHARED)
  set(SHARED ON)
endif()
set(extra "")
if(MAKE_PROGRAM)
  list(APPEND extra "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BUILD_DIR}" -G "${GENERATOR}" ${extra}
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
    "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_SHARED_LINKER_FLAGS=${LINKER_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}"
    "-DCMAKE_INSTALL_PREFIX=${PREFIX}"
    "-DBUILD_SHARED_LIBS=${SHARED}"
    -Dbinaan_DEVELOPER_MODE=OFF
    -Dbinaan_BUILD_TOOLS=OFF
  COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --parallel "${JOBS}" COMMAND_ERROR_IS_FATAL ANY)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" COMMAND_ERROR_IS_FATAL ANY)
