# Use ccache when it is installed: CI rebuilds the same sources on every run.
find_program(SHOPDESK_CCACHE ccache)
if(SHOPDESK_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${SHOPDESK_CCACHE})
    message(STATUS "ccache: ${SHOPDESK_CCACHE}")
endif()
