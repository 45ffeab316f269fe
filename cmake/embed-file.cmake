# binaan_embed_file(INPUT OUTPUT NAMESPACE NAME)
# Turns a data file into a C++ source that defines `extern const std::string_view NAMESPACE::NAME`, regenerated
# whenever the data file changes, so the library carries its tables and needs no file at run time.
function(binaan_embed_file input output namespace name)
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${output} -DNAMESPACE=${namespace} -DNAME=${name}
            -P "${PROJECT_SOURCE_DIR}/cmake/embed-file-script.cmake"
    DEPENDS "${input}" "${PROJECT_SOURCE_DIR}/cmake/embed-file-script.cmake"
    COMMENT "Embedding ${input}"
    VERBATIM)
endfunction()
