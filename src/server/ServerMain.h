#pragma once

namespace shopdesk::server {

/// shopdesk-server's command line: init, run, fingerprint.
int serverMain(int argc, char** argv);

} // namespace shopdesk::server
