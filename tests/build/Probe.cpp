// Compiled only by the include-boundary checks (tests/build/CMakeLists.txt): includes one header
// with exactly the include path a target of ui/ or src/cli has. For `store/` and `crypto/`
// headers the compile must fail; for the session's headers it must succeed.

#include SHOPDESK_PROBE_HEADER

int shopdeskProbe()
{
    return 0;
}
