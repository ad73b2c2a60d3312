#pragma once

#include "cli/Args.h"
#include "cli/CliContext.h"

namespace shopdesk::cli {

/// Each command parses its own options from `args` and returns the process exit status.
int runInit(CliContext& ctx, Args& args);
int runHistoryImport(CliContext& ctx, Args& args);
int runSearch(CliContext& ctx, Args& args);

} // namespace shopdesk::cli
