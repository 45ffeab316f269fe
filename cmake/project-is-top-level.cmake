# PROJECT_IS_TOP_LEVEL exists since CMake 3.21; kept as a named include so the intent is visible.
if(NOT DEFINED PROJECT_IS_TOP_LEVEL)
  string(COMPARE EQUAL "${CMAKE_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}" PROJECT_IS_TOP_LEVEL)
endif()
