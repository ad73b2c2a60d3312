# Warning flags every ShopDesk target gets through shopdesk_warnings.
add_library(shopdesk_warnings INTERFACE)
target_compile_options(shopdesk_warnings INTERFACE -Wall -Wextra -Wshadow -Wold-style-cast -Wnon-virtual-dtor
                                                   -Woverloaded-virtual)
if(SHOPDESK_WERROR)
    target_compile_options(shopdesk_warnings INTERFACE -Werror)
endif()

# shopdesk_add_library(NAME SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
function(shopdesk_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${SHOPDESK_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE shopdesk_warnings ${ARG_PRIVATE_LIBS})
endfunction()
