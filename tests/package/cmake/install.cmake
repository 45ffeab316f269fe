# cmake -DBUILD_DIR=<binaan build> -DPREFIX=<fresh prefix> [-DCONFIG=<config>] -P install.cmake
# Installs a finished build into an empty prefix, as a user's `cmake --install` would.
foreach(var BUILD_DIR PREFIX)
  if(NOT ${var})
    message(FATAL_ERROR "install.cmake: ${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${PREFIX}")
set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
  COMMAND_ERROR_IS_FATAL ANY)
foreach(file lib/cmake/binaan/binaanConfig.cmake lib/cmake/binaan/binaanConfigVersion.cmake
             lib/cmake/binaan/binaanTargets.cmake lib/pkgconfig/binaan.pc include/binaan/binaan.hpp
             include/binaan/export.hpp include/binaan/version.hpp)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "install.cmake: ${file} is missing from ${PREFIX}")
  endif()
endforeach()
