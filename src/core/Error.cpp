#include "core/Error.h"

namespace shopdesk {

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage:
        return 2;
    case ErrorCode::NotAllowed:
    case ErrorCode::SessionEnded:
        return 3;
    case ErrorCode::NotFound:
        return 4;
    case ErrorCode::Invalid:
        return 5;
    case ErrorCode::Internal:
    case ErrorCode::Busy:
        return 1;
    }
    return 1;
}

} // namespace shopdesk
