# binaan_set_warnings(TARGET): the project's warning set; binaan_WARNINGS_AS_ERRORS (the ci preset) makes them errors.
option(binaan_WARNINGS_AS_ERRORS "Treat warnings as errors" OFF)
function(binaan_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
      -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
    if(binaan_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
