# Overlay port for local use: builds the binaan checkout this port sits in (ports/binaan/../..).
#   vcpkg install binaan --overlay-ports=<binaan>/ports
# A port for a registry would fetch a release instead (vcpkg_from_github with REF and SHA512).
set(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../..")

# vcpkg passes BUILD_SHARED_LIBS from the triplet; both linkages are supported.
vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -Dbinaan_DEVELOPER_MODE=OFF
    -Dbinaan_BUILD_TOOLS=OFF
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME binaan CONFIG_PATH lib/cmake/binaan)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
