// The binaan command-line program: subcommands dispatch to the library.
#include <binaan/version.hpp>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("binaan %s\n", BINAAN_VERSION_STRING);
    return 0;
  }
  std::fprintf(stderr, "usage: binaan --version\n");
  return 2;
}
