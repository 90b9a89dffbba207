# Shared helpers for the labs of the Container Networking Guide.
# Sourced by every labs/*.sh script; see "How to read this guide" for the rules.
#
# The rules these helpers enforce: a lab makes its own network namespaces and
# touches nothing in the root namespace, removes what it made even when a step
# fails, waits with bounds, and says PASS only when every check held.

set -euo pipefail

LAB_NAME=$(basename "$0" .sh)
LAB_NAMESPACES=()

if [[ $(id -u) -ne 0 ]]; then
  echo "$LAB_NAME: run me as root, for example: sudo bash $0" >&2
  exit 2
fi
for tool in ip timeout; do
  command -v "$tool" >/dev/null || { echo "$LAB_NAME: '$tool' is missing (Debian: apt-get install iproute2 coreutils)" >&2; exit 2; }
done

step() { printf '\n==> %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# Runs a command and shows it first, so the output reads like a terminal session.
show() { printf '$ %s\n' "$*"; "$@"; }

# Creates a namespace and registers it for clean-up. A leftover from an
# interrupted run is removed first, so a lab can always be run again.
make_ns() {
  local ns
  for ns in "$@"; do
    ip netns del "$ns" 2>/dev/null || true
    ip netns add "$ns"
    LAB_NAMESPACES+=("$ns")
    ip -n "$ns" link set lo up
  done
}

# Background processes a lab starts (servers, captures): a lab adds their PIDs
# here, and the clean-up stops them before the namespaces go.
LAB_PIDS=()
stop_servers() {
  local pid
  for pid in "${LAB_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${LAB_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  LAB_PIDS=()
}

# Deleting a namespace destroys the devices, addresses, routes and netfilter
# rules inside it, and a veth pair dies with either end.
cleanup() {
  local status=$? ns
  stop_servers
  for ns in "${LAB_NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  exit "$status"
}
trap cleanup EXIT
# A signal must not end the lab with status 0: exit with the shell's usual 128+N, and the EXIT trap cleans up.
trap 'exit 130' INT
trap 'exit 143' TERM

# expect_ping NS ADDRESS: one echo request from NS must be answered within a second.
expect_ping() {
  ip netns exec "$1" ping -c 1 -W 1 "$2" >/dev/null || fail "$1 cannot reach $2"
  ok "$1 reaches $2"
}

# expect_no_ping NS ADDRESS: the same request must go unanswered.
expect_no_ping() {
  if ip netns exec "$1" ping -c 1 -W 1 "$2" >/dev/null 2>&1; then fail "$1 reaches $2, but should not"; fi
  ok "$1 cannot reach $2, as expected"
}

# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.1 s, give up after SECONDS.
wait_for() {
  local secs=$1 what=$2
  shift 2
  timeout "$secs" bash -c 'until "$@" >/dev/null 2>&1; do sleep 0.1; done' _ "$@" \
    || fail "gave up after ${secs}s waiting for: $what"
}

# mac NS DEV: the device's hardware address, read inside NS.
mac() { ip -n "$1" -o link show dev "$2" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'; }

pass() { printf '\nPASS: %s\n' "$LAB_NAME"; }
