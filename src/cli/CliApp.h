#pragma once

#include "cli/CliContext.h"

#include <QStringList>

namespace shopdesk::cli {

/// Runs one shopdeskctl invocation (`args` without the program name) and returns its exit status:
/// 0 ok, 2 usage, 3 not allowed, 4 not found, 5 invalid input or state, 1 anything else.
int run(const QStringList& args, CliIo& io);

} // namespace shopdesk::cli
