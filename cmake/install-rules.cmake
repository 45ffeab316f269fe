# Installs headers, the library, the CMake package (binaanConfig.cmake, version file, exported targets), binaan.pc,
# the data tables (for users who start their own table from ours) and the command-line program.
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(package binaan)

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" "${binaan_GENERATED_DIR}/include/"
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

set(binaan_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/${package}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/binaanConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/${package}Config.cmake"
  INSTALL_DESTINATION "${binaan_INSTALL_CMAKEDIR}"
  PATH_VARS binaan_INSTALL_DATADIR)
# 0.x: SameMajorVersion lets a request for 0.1 accept any 0.y; revisit at 1.0.
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

# ---- pkg-config ----
# Relocatable: prefix is found from the .pc file's own place, so `cmake --install --prefix X` and package managers
# that move the tree (vcpkg, Conan) still get right paths.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(binaan_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(binaan_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH binaan_PC_UP "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
  string(REGEX REPLACE "/$" "" binaan_PC_UP "${binaan_PC_UP}")
  set(binaan_PC_PREFIX "\${pcfiledir}/${binaan_PC_UP}")
  set(binaan_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(binaan_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(binaan_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# Boost ships no .pc files, so its libraries are named directly. A static libbinaan.a needs everything it uses on
# the link line (plain `pkg-config --libs` must work), and its consumers must see BINAAN_STATIC_DEFINE as CMake's do.
if(BUILD_SHARED_LIBS)
  set(binaan_PC_CFLAGS "")
  set(binaan_PC_PUBLIC_LIBS "-lbinaan -lboost_date_time")
  set(binaan_PC_PRIVATE_LIBS "-lboost_serialization -pthread")
else()
  set(binaan_PC_CFLAGS "-DBINAAN_STATIC_DEFINE")
  set(binaan_PC_PUBLIC_LIBS "-lbinaan -lboost_serialization -lboost_date_time -pthread")
  set(binaan_PC_PRIVATE_LIBS "")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/binaan.pc.in" "${PROJECT_BINARY_DIR}/binaan.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/binaan.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
  COMPONENT binaan_Development)

# ---- Data ----
# The library carries its tables built in; the files are installed as a starting point for a user's own table.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/data/"
  DESTINATION "${binaan_INSTALL_DATADIR}"
  COMPONENT binaan_Development)

# ---- The command-line program ----
if(binaan_BUILD_TOOLS)
  install(TARGETS binaan_cli RUNTIME COMPONENT binaan_Runtime)
endif()
