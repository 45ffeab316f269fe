# Installs headers, the library, the CMake package (binaanConfig.cmake, version file, exported targets) and binaan.pc.
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(package binaan)

install(DIRECTORY include/ "${binaan_GENERATED_DIR}/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT binaan_Development)

install(TARGETS binaan_binaan
  EXPORT binaanTargets
  RUNTIME COMPONENT binaan_Runtime
  LIBRARY COMPONENT binaan_Runtime NAMELINK_COMPONENT binaan_Development
  ARCHIVE COMPONENT binaan_Development
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

set(binaan_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/${package}"
  CACHE STRING "CMake package config location relative to the install prefix")
mark_as_advanced(binaan_INSTALL_CMAKEDIR)

configure_package_config_file(cmake/binaanConfig.cmake.in
  "${PROJECT_BINARY_DIR}/${package}Config.cmake"
  INSTALL_DESTINATION "${binaan_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/${package}ConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)

install(FILES
  "${PROJECT_BINARY_DIR}/${package}Config.cmake"
  "${PROJECT_BINARY_DIR}/${package}ConfigVersion.cmake"
  DESTINATION "${binaan_INSTALL_CMAKEDIR}"
  COMPONENT binaan_Development)

install(EXPORT binaanTargets
  NAMESPACE binaan::
  DESTINATION "${binaan_INSTALL_CMAKEDIR}"
  COMPONENT binaan_Development)

# pkg-config: Boost ships no .pc files, so the Boost libraries are named directly.
if(BUILD_SHARED_LIBS)
  set(binaan_PC_PRIVATE_LIBS "-lboost_serialization")
  set(binaan_PC_PUBLIC_LIBS "-lbinaan -lboost_date_time")
else()
  set(binaan_PC_PRIVATE_LIBS "")
  set(binaan_PC_PUBLIC_LIBS "-lbinaan -lboost_serialization -lboost_date_time -pthread")
endif()
configure_file(cmake/binaan.pc.in "${PROJECT_BINARY_DIR}/binaan.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/binaan.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
  COMPONENT binaan_Development)

if(binaan_BUILD_TOOLS)
  install(TARGETS binaan_cli RUNTIME COMPONENT binaan_Runtime)
endif()
