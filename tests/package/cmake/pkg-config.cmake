# cmake -DPKG_CONFIG=<pkg-config> -DPREFIX=<installed binaan> -DLIBDIR=lib -DCXX= [-DCXX_FLAGS=] [-DLINKER_FLAGS=]
#       -DSOURCE=<consumer .cpp> -DOUTPUT=<program> -DVERSION=<expected> -P pkg-config.cmake
# Compiles and links a consumer with nothing but `pkg-config --cflags --libs binaan`, then runs it.
foreach(var PKG_CONFIG PREFIX LIBDIR CXX SOURCE OUTPUT VERSION)
  if(NOT ${var})
    message(FATAL_ERROR "pkg-config.cmake: ${var} is not set")
  endif()
endforeach()
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")

execute_process(COMMAND "${PKG_CONFIG}" --modversion binaan
  OUTPUT_VARIABLE found_version OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
if(NOT found_version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config says binaan ${found_version}, expected ${VERSION}")
endif()
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs binaan
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${PKG_CONFIG}" --variable=libdir binaan
  OUTPUT_VARIABLE libdir OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "pkg-config --cflags --libs binaan: ${flags}")
get_filename_component(real_libdir "${libdir}" REALPATH)
get_filename_component(real_expected "${PREFIX}/${LIBDIR}" REALPATH)
if(NOT real_libdir STREQUAL real_expected)
  message(FATAL_ERROR "pkg-config libdir ${libdir} is not ${PREFIX}/${LIBDIR}: binaan.pc is not relocatable")
endif()

separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
separate_arguments(linker_flags UNIX_COMMAND "${LINKER_FLAGS}")
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
file(REMOVE "${OUTPUT}")
# The run path only matters for the shared library; the flags themselves come from binaan.pc alone.
execute_process(COMMAND "${CXX}" -std=c++17 ${cxx_flags} "${SOURCE}" -o "${OUTPUT}" ${flags} ${linker_flags}
    "-Wl,-rpath,${libdir}"
  COMMAND_ECHO STDOUT
  COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${OUTPUT}" COMMAND_ERROR_IS_FATAL ANY)
