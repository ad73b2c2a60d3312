#!/usr/bin/env bash
# The team demo: a throwaway PostgreSQL, shopdesk-server on loopback (TLS, the simulated shop) and
# two desktops on the current display, the demo supervisor 主管老李 and the agent 小美.
#
#   scripts/team-demo.sh                      # the two desktops; close both to end the demo
#   scripts/team-demo.sh --screenshots DIR    # headless too (xvfb-run -a): PNGs of both, then exit
#
# Everything lives in a temporary directory and the cluster is dropped at the end; the passwords
# are generated and shown once.
set -euo pipefail
cd "$(dirname "$0")/.."

shots=""
if [[ "${1:-}" == "--screenshots" ]]; then
    shots="$(realpath -m "${2:?--screenshots needs a directory}")"
    mkdir -p "$shots"
fi

if [[ -z "${SHOPDESK_TEAM_DEMO_INNER:-}" ]]; then
    ./scripts/deps.sh
    ./scripts/configure.sh
    cmake --build build
    if [[ -z "$shots" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "team-demo.sh: no graphical display; try: xvfb-run -a scripts/team-demo.sh --screenshots docs" >&2
        exit 1
    fi
    # A throwaway cluster for the demo (pg_virtualenv sets PGHOST and friends), dropped afterwards.
    exec env SHOPDESK_TEAM_DEMO_INNER=1 pg_virtualenv -t "$0" "$@"
fi

bin="$PWD/build/bin"
demo="$(mktemp -d /tmp/shopdesk-team-demo.XXXXXX)"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$demo"
}
trap cleanup EXIT

password() { openssl rand -base64 18 | tr -d '/+=' | cut -c1-14; }
owner_pw="Own-$(password)"
super_pw="Sup-$(password)"
agent_pw="Mei-$(password)"

echo "team-demo: creating the shop in a throwaway PostgreSQL"
init_out="$(SHOPDESK_NEW_PASSWORD="$owner_pw" "$bin/shopdesk-server" init --shop 果果旗舰店 --owner 店长 \
    --data "$demo/server" --host localhost)"
fingerprint="$(sed -n 's/^SHA-256 fingerprint: //p' <<<"$init_out")"

port="${SHOPDESK_DEMO_PORT:-7443}"
"$bin/shopdesk-server" run --listen "127.0.0.1:$port" --data "$demo/server" --buyers-per-minute 20 \
    >"$demo/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
    grep -q "listening on" "$demo/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$demo/server.log" >&2; exit 1; }
    sleep 0.1
done

ctl() { SHOPDESK_PASSWORD="$owner_pw" "$bin/shopdeskctl" --server "127.0.0.1:$port" --server-fingerprint "$fingerprint" --as 店长 "$@"; }
ctl routing group set 售前 --limit 5 >/dev/null
ctl routing group set 售后 --limit 4 >/dev/null
SHOPDESK_NEW_PASSWORD="$super_pw" ctl account create 主管老李 --roles supervisor --group 售后 >/dev/null
SHOPDESK_NEW_PASSWORD="$agent_pw" ctl account create 小美 --roles presales --group 售前 >/dev/null
# The router takes the new agents with the routing change it follows.
ctl routing set --queue shop >/dev/null

cat <<INFO
team-demo: shopdesk-server on 127.0.0.1:$port (TLS, SHA-256 $fingerprint)
  果果旗舰店:店长      $owner_pw   owner
  果果旗舰店:主管老李  $super_pw   supervisor
  果果旗舰店:小美      $agent_pw   presales agent
(passwords shown only this once; the demo's data is dropped when it ends)
INFO

desk() { # NAME PASSWORD [screenshot args...]
    local name="$1" pw="$2"
    shift 2
    XDG_CONFIG_HOME="$demo/desk-$name/config" XDG_DATA_HOME="$demo/desk-$name/data" SHOPDESK_PASSWORD="$pw" \
        "$bin/shopdesk" --server "127.0.0.1:$port" --server-fingerprint "$fingerprint" --as "$name" "$@"
}

if [[ -n "$shots" ]]; then
    desk 主管老李 "$super_pw" --screenshot "$shots/team-supervisor-zh.png" --show console:queue --after 12 &
    sup=$!
    desk 小美 "$agent_pw" --screenshot "$shots/team-agent-zh.png" --show buyer --after 12 &
    agent=$!
    wait "$sup" "$agent"
    # The server goes away; 小美 starts her desktop again: it opens this PC's copy, under the banner.
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    desk 小美 "$agent_pw" --screenshot "$shots/team-agent-offline-zh.png" --show buyer --after 4
    echo "team-demo: screenshots in $shots (team-supervisor-zh.png, team-agent-zh.png, team-agent-offline-zh.png)"
else
    desk 主管老李 "$super_pw" &
    sup=$!
    desk 小美 "$agent_pw" &
    agent=$!
    wait "$sup" "$agent" || true
fi
