# Script mode: writes OUTPUT, a C++ file holding INPUT's bytes as a hex array (no quoting or length issues).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${input_name} by cmake/embed-file-script.cmake. Do not edit.
#include <string_view>
namespace ${NAMESPACE} {
namespace { const char kBytes[] = {${bytes} '\\0'}; }
extern const std::string_view ${NAME};
const std::string_view ${NAME}(kBytes, ${size});
}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
