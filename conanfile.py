"""Conan 2 recipe for binaan. The names mirror the CMake package exactly: find_package(binaan), binaan::binaan,
pkg-config module binaan.

    conan create . --build=missing            # builds, packages and runs test_package/
    conan install . --build=missing && ...    # dependencies only, for a local build
"""
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, rmdir

required_conan_version = ">=2.0"

# Boost libraries binaan does not use; only date_time and serialization are built. Patterns ("boost/*") skip an
# option a given Boost version does not have, so the list may name libraries of newer Boost releases.
_BOOST_UNUSED = (
    "atomic", "charconv", "chrono", "cobalt", "container", "context", "contract", "coroutine", "exception", "fiber",
    "filesystem", "graph", "graph_parallel", "iostreams", "json", "locale", "log", "math", "mpi", "nowide",
    "process", "program_options", "python", "random", "regex", "stacktrace", "system", "test", "thread", "timer",
    "type_erasure", "url", "wave",
)


class BinaanConan(ConanFile):
    name = "binaan"
    version = "0.1.0"
    license = "Apache-2.0"
    description = "Indonesian correctional remission, release and independence-programme rules as a C++ library"
    topics = ("indonesia", "prison", "sentence", "remission", "parole")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {
        "shared": False,
        "fPIC": True,
        **{f"boost/*:without_{lib}": True for lib in _BOOST_UNUSED},
    }
    exports_sources = "CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*", "data/*"

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # binaan::Date is boost::gregorian::date, so Boost's headers are part of binaan's interface.
        self.requires("boost/[>=1.74.0 <2]", transitive_headers=True)
        self.requires("nlohmann_json/[>=3.10 <4]")

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        CMakeDeps(self).generate()
        tc = CMakeToolchain(self)
        tc.cache_variables["binaan_DEVELOPER_MODE"] = False
        tc.cache_variables["binaan_BUILD_TOOLS"] = False
        tc.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        CMake(self).install()
        # Conan writes its own CMake and pkg-config files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "binaan")
        self.cpp_info.set_property("cmake_target_name", "binaan::binaan")
        self.cpp_info.set_property("pkg_config_name", "binaan")
        self.cpp_info.libs = ["binaan"]
        self.cpp_info.requires = ["boost::date_time", "boost::serialization", "nlohmann_json::nlohmann_json"]
        if not self.options.shared:
            self.cpp_info.defines = ["BINAAN_STATIC_DEFINE"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread", "m"]
