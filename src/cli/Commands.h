#pragma once

#include "cli/Args.h"
#include "cli/CliContext.h"

namespace shopdesk::cli {

/// Each command parses its own options from `args` and returns the process exit status.
int runInit(CliContext& ctx, Args& args);
int runHistoryImport(CliContext& ctx, Args& args);
int runSearch(CliContext& ctx, Args& args);
int runEvents(CliContext& ctx, Args& args);

int runAccountList(CliContext& ctx, Args& args);
int runAccountCreate(CliContext& ctx, Args& args);
int runAccountPasswd(CliContext& ctx, Args& args);
int runAccountRoles(CliContext& ctx, Args& args);
int runAccountDisable(CliContext& ctx, Args& args);
int runAccountEnable(CliContext& ctx, Args& args);
int runAccountDelete(CliContext& ctx, Args& args);
int runAccountUnlock(CliContext& ctx, Args& args);

int runRoleList(CliContext& ctx, Args& args);
int runRoleShow(CliContext& ctx, Args& args);
int runRoleCreate(CliContext& ctx, Args& args);
int runRoleEdit(CliContext& ctx, Args& args);
int runRoleDelete(CliContext& ctx, Args& args);

int runPermList(CliContext& ctx, Args& args);
int runPermMatrix(CliContext& ctx, Args& args);

int runAuditList(CliContext& ctx, Args& args);
int runAuditVerify(CliContext& ctx, Args& args);
int runAuditReanchor(CliContext& ctx, Args& args);

int runSettingsShow(CliContext& ctx, Args& args);
int runSettingsSet(CliContext& ctx, Args& args);

int runOrderShow(CliContext& ctx, Args& args);

int runRoutingSimulate(CliContext& ctx, Args& args);
int runRoutingShow(CliContext& ctx, Args& args);
int runRoutingSet(CliContext& ctx, Args& args);
int runRoutingGroup(CliContext& ctx, Args& args);
int runRoutingAgent(CliContext& ctx, Args& args);

int runSimRun(CliContext& ctx, Args& args);

int runReportAgents(CliContext& ctx, Args& args);

int runQuickReplyImport(CliContext& ctx, Args& args);
int runQuickReplyExport(CliContext& ctx, Args& args);

} // namespace shopdesk::cli
