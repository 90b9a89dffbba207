# shellcheck shell=bash
# labs/lib.sh: what every lab of the Container Networking Guide sources first.
#
# It owns a lab's whole lifecycle, so that the lab itself is only its story.
# A lab never calls `trap`; it registers what it makes, and the one EXIT trap
# below takes it all away again, whether the lab passed, failed at any step or
# was stopped by a signal (it then exits with 128+N, never with 0):
#   1. the background processes started with lab_bg are stopped;
#   2. the on_exit steps run, the last registered first;
#   3. the scratch directory made by lab_tmpdir is removed;
#   4. the namespaces made by make_ns are deleted, and with them every device,
#      address, route and netfilter rule inside them.
# With LAB_KEEP=1 it takes nothing away after a pass or a failure: everything
# stays for the reader to look around in, and `bash labs/<name>.sh --clean-up`
# removes it later, in the same order (see lab_keep).
#
# The rules these helpers enforce: a lab makes its own network namespaces and
# touches nothing in the root namespace, waits only with bounds, says PASS only
# when every check held, and skips (exit 77) on a machine that lacks a tool.

set -euo pipefail

# The shell's and the environment's variables: a kept run saves every other one.
LAB_SHELL_VARS=$'\n'$(compgen -v)$'\n'

LAB_NAME=$(basename "$0" .sh)
LAB_NAMESPACES=()
LAB_PIDS=()
LAB_ON_EXIT=()
WORK=
# LAB_KEEP=1 (any value but 0): keep what the lab made when it ends, for the
# reader to look around in. A kept run lives in $LAB_KEPT until --clean-up.
LAB_KEEPING=0
[[ ${LAB_KEEP:-0} == 0 ]] || LAB_KEEPING=1
LAB_KEPT=/run/labs/$LAB_NAME
# Run with sudo, the reader's own shell is not root: the commands we suggest say so.
LAB_SUDO=${SUDO_USER:+sudo }

step() { printf '\n==> %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
pass() { printf '\nPASS: %s\n' "$LAB_NAME"; }

# Runs a command and shows it first, so the output reads like a terminal session.
show() { printf '$ %s\n' "$*"; "$@"; }

# skip REASON: this machine cannot run the lab. Exit status 77 means SKIP to
# test harnesses (the automake convention): the lab did not fail.
skip() { printf '%s: %s\n' "$LAB_NAME" "$*" >&2; exit 77; }

# require TOOL...: skip the lab unless every TOOL is installed, and say which
# Debian packages bring the missing ones.
require() {
  local tool package missing=() packages=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null && continue
    missing+=("$tool")
    package=$(debian_package "$tool")
    [[ " ${packages[*]} " == *" $package "* ]] || packages+=("$package")
  done
  if ((${#missing[@]})); then
    skip "this lab needs $(and_list "${missing[@]}"): apt-get install ${packages[*]}"
  fi
}

# require_module MODULE...: skip the lab unless the kernel has every MODULE
# (as /proc/modules names it, e.g. sch_hfsc), built in or loadable. A missing
# one is loaded now: the lab is about to use it, and the kernel would load it
# on that first use anyway. Nothing else can supply a module, so the message
# names no package.
require_module() {
  local module missing=()
  for module in "$@"; do
    has_module "$module" || missing+=("$module")
  done
  if ((${#missing[@]} == 1)); then
    skip "this lab needs the kernel module ${missing[0]}, which this kernel has neither built in nor can load"
  elif ((${#missing[@]})); then
    skip "this lab needs the kernel modules $(and_list "${missing[@]}"), which this kernel has neither built in nor can load"
  fi
}

# has_module MODULE: loaded, built in (modules.builtin names its file, with -
# or _), or loaded now by modprobe. A module built in without parameters, on a
# machine without /lib/modules, looks missing: check for such a feature itself.
has_module() {
  [[ -d /sys/module/$1 ]] && return 0
  grep -q "/${1//_/[-_]}\.ko" "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null && return 0
  command -v modprobe >/dev/null && modprobe -q "$1" 2>/dev/null
}

# debian_package TOOL: the Debian package that installs TOOL.
debian_package() {
  case $1 in
    */cni/*) echo containernetworking-plugins ;;
    ip | ss | bridge | tc) echo iproute2 ;;
    ping) echo iputils-ping ;;
    iptables*) echo iptables ;;
    nft) echo nftables ;;
    dnsmasq) echo dnsmasq-base ;;
    nsenter | unshare | findmnt | setpriv) echo util-linux ;;
    getent) echo libc-bin ;;
    ps | sysctl) echo procps ;;
    awk) echo mawk ;;
    ovs-* | ovsdb-*) echo openvswitch-switch ;;
    timeout | od | stat | mktemp) echo coreutils ;;
    *) echo "${1##*/}" ;;
  esac
}

# and_list WORD...: "a", "a and b", "a, b and c".
and_list() {
  local out=$1
  shift
  while (($#)); do
    if (($# == 1)); then out+=" and $1"; else out+=", $1"; fi
    shift
  done
  printf '%s' "$out"
}

if [[ $(id -u) -ne 0 ]]; then
  # sudo drops variables set before it: LAB_KEEP goes after it.
  echo "$LAB_NAME: run me as root, for example: sudo ${LAB_KEEP:+LAB_KEEP=$LAB_KEEP }bash $0" >&2
  exit 2
fi
require ip timeout

# make_ns NAME...: create namespaces, deleted at exit, each with lo up. A
# leftover from an interrupted run is removed first, so a lab can always run again.
make_ns() {
  local ns
  for ns in "$@"; do
    ip netns del "$ns" 2>/dev/null || true
    ip netns add "$ns"
    LAB_NAMESPACES+=("$ns")
    ip -n "$ns" link set lo up
  done
}

# lab_tmpdir: a private scratch directory for the lab's files, in $WORK,
# removed at exit.
lab_tmpdir() { WORK=$(mktemp -d "/tmp/$LAB_NAME.XXXXXX"); }

# on_exit 'COMMAND': one more clean-up step for what lib.sh does not know
# about (a cgroup, a file outside $WORK). Steps run at exit, after the
# background processes are stopped, the last registered first.
on_exit() { LAB_ON_EXIT+=("$1"); }

# lab_bg COMMAND...: run COMMAND in the background (a server, a capture); $!
# is its PID afterwards. It is stopped at exit, before the namespaces go.
# Bound it with `timeout` anyway: nothing outlives a lab killed with SIGKILL.
lab_bg() {
  local args=("$@") i
  for ((i = 0; i + 1 < ${#args[@]}; i++)); do
    if [[ ${args[i]} == timeout && ${args[i + 1]} =~ ^[0-9]+$ ]]; then
      # A server kept for the reader (a bound of a minute or more) answers for an
      # hour. Shorter bounds are those of captures and transfers the lab waits
      # for, which must still give up in time when the lab fails.
      if ((LAB_KEEPING && args[i + 1] >= 60)); then
        args[i + 1]=3600
      else
        # In the lab VM the whole lab runs slower, so a server's bound stretches
        # with the waits (LAB_WAIT_SCALE, below): `timeout 60 socat …` there is 360 s.
        args[i + 1]=$((args[i + 1] * ${LAB_WAIT_SCALE:-1}))
      fi
    fi
  done
  if ((LAB_KEEPING)); then
    # It may outlive the lab: it must not hold the lab's pipe or socket (`bash
    # lab.sh | cat` would wait for it) or write into the reader's terminal
    # later, and the terminal's hangup (sudo's pty closing) must not end it.
    # What is not a file of the lab's own goes to a log.
    (
      trap '' HUP
      [[ -f /dev/stdin ]] || exec </dev/null
      [[ -f /dev/stdout ]] || exec >>"$LAB_KEPT/background.log"
      [[ -f /dev/stderr ]] || exec 2>>"$LAB_KEPT/background.log"
      exec "${args[@]}"
    ) &
  else
    "${args[@]}" &
  fi
  LAB_PIDS+=("$!")
}

# stop_bg PID...: stop background processes of this lab now: SIGTERM, then
# SIGKILL for any still running 2 s later, and wait for them. Only the lab's
# own jobs that are still running are signalled, never a PID reused since.
stop_bg() {
  local tries
  running_jobs "$@"
  local started=("${RUNNING[@]}")
  ((${#started[@]})) || return 0
  kill "${started[@]}" 2>/dev/null || true
  for ((tries = 0; tries < 20 && ${#RUNNING[@]}; tries++)); do
    sleep 0.1
    running_jobs "${started[@]}"
  done
  ((${#RUNNING[@]} == 0)) || kill -KILL "${RUNNING[@]}" 2>/dev/null || true
  wait "${started[@]}" 2>/dev/null || true
}

# running_jobs PID...: set RUNNING to those PIDs that are still running jobs of this shell.
running_jobs() {
  local pid jobs_now
  jobs_now=$'\n'$(jobs -pr)$'\n'
  RUNNING=()
  for pid in "$@"; do
    if [[ $jobs_now == *$'\n'$pid$'\n'* ]]; then RUNNING+=("$pid"); fi
  done
}

# start_time PID: when the process started, in clock ticks since boot (field 22
# of /proc/PID/stat); with the PID, it names one process, never a later one
# that got the same PID. Fails if there is no such process.
start_time() {
  local stat fields
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  read -r -a fields <<<"${stat##*) }"
  echo "${fields[19]}"
}

# alive PID:START...: set ALIVE to the PIDs of those processes still running
# (a zombie has ended, and gave up its namespaces).
alive() {
  local entry stat
  ALIVE=()
  for entry in "$@"; do
    { read -r stat <"/proc/${entry%%:*}/stat"; } 2>/dev/null || continue
    [[ ${stat##*) } != Z* && $(start_time "${entry%%:*}") == "${entry#*:}" ]] && ALIVE+=("${entry%%:*}")
  done
}

# stop_pids PID:START...: stop processes that are not jobs of this shell (a
# kept run's, or what the reader started in its namespaces): SIGTERM, then
# SIGKILL for any still running 2 s later.
stop_pids() {
  local tries
  alive "$@"
  ((${#ALIVE[@]})) || return 0
  kill "${ALIVE[@]}" 2>/dev/null || true
  for ((tries = 0; tries < 40 && ${#ALIVE[@]}; tries++)); do
    ((tries != 20)) || kill -KILL "${ALIVE[@]}" 2>/dev/null || true
    sleep 0.1
    alive "$@"
  done
}

# lab_remove: what follows the background processes at exit: the on_exit
# steps (last registered first), $WORK, the namespaces.
lab_remove() {
  local _lab_i _lab_ns
  # Each step runs in a subshell: one that fails, even with `fail`, cannot cut the rest short.
  for ((_lab_i = ${#LAB_ON_EXIT[@]} - 1; _lab_i >= 0; _lab_i--)); do (eval "${LAB_ON_EXIT[_lab_i]}"); done
  [[ -z $WORK ]] || rm -rf "$WORK"
  for _lab_ns in "${LAB_NAMESPACES[@]}"; do ip netns del "$_lab_ns" 2>/dev/null; done
}

lab_cleanup() {
  LAB_STATUS=$?
  # A second Ctrl-C must not cut the clean-up short.
  trap '' INT TERM HUP
  set +eu
  cd /
  # Kept after a pass or a failure (when a reader most wants to look around),
  # not after a skip, which made nothing, or a signal, which asked to stop.
  if ((LAB_KEEPING && LAB_STATUS != 77 && LAB_STATUS < 128)); then
    lab_keep
    exit "$LAB_STATUS"
  fi
  stop_bg "${LAB_PIDS[@]}"
  lab_remove
  ((!LAB_KEEPING)) || rm -rf "$LAB_KEPT"
  exit "$LAB_STATUS"
}

# lab_keep: leave everything in place, write down in $LAB_KEPT/state.sh what
# --clean-up needs, and tell the reader how to look around. The state is the
# lab's shell itself: its functions and every variable the lab and this file
# set, so that the on_exit steps run later exactly as they would have now.
lab_keep() {
  local _lab_pid _lab_v
  running_jobs "${LAB_PIDS[@]}"
  LAB_KEPT_PIDS=()
  for _lab_pid in "${RUNNING[@]}"; do
    LAB_KEPT_PIDS+=("$_lab_pid:$(start_time "$_lab_pid")")
  done
  mkdir -p "$LAB_KEPT"
  {
    printf '# What a run of %s kept (LAB_KEEP=1) on %s: `bash %s --clean-up` sources this to remove it.\n' \
      "$LAB_NAME" "$(date '+%F %T')" "$0"
    declare -f
    # declare -g: --clean-up sources this inside a function, and the variables must be global there.
    for _lab_v in $(compgen -v); do
      [[ $LAB_SHELL_VARS == *$'\n'$_lab_v$'\n'* || $_lab_v =~ ^(_lab_.*|LAB_SHELL_VARS|BASH_.*|FUNCNAME|PIPESTATUS)$ ]] && continue
      _lab_v=$(declare -p "$_lab_v")
      printf 'declare -g %s\n' "${_lab_v#declare }"
    done
  } >"$LAB_KEPT/state.sh"
  lab_keep_message
}

lab_keep_message() {
  local ns alive_ns=() entry words cmd
  for ns in "${LAB_NAMESPACES[@]}"; do [[ ! -e /run/netns/$ns ]] || alive_ns+=("$ns"); done
  if ((LAB_STATUS == 0)); then
    step "Kept for you to look around (LAB_KEEP=1): nothing was cleaned up"
  else
    step "Stopped where it failed, and kept for you to look around (LAB_KEEP=1)"
  fi
  if ((${#alive_ns[@]})); then
    echo "Its namespaces: ${alive_ns[*]}"
    printf '  %sip netns exec %s bash     # a shell inside %s (exit to leave)\n' "$LAB_SUDO" "${alive_ns[0]}" "${alive_ns[0]}"
    printf '  %sip -n %s -br address      # its addresses; also link, route, neigh\n' "$LAB_SUDO" "${alive_ns[0]}"
  fi
  if ((${#LAB_KEPT_PIDS[@]})); then
    echo "Still running (servers stop by themselves within an hour):"
    for entry in "${LAB_KEPT_PIDS[@]}"; do
      mapfile -d '' -t words 2>/dev/null <"/proc/${entry%%:*}/cmdline" || words=('?')
      cmd="${words[*]}"
      printf '  %s %s\n' "${entry%%:*}" "${cmd:0:100}"
    done
    [[ ! -s $LAB_KEPT/background.log ]] || echo "Their output: $LAB_KEPT/background.log"
  fi
  [[ -z $WORK || ! -d $WORK ]] || echo "Its scratch files: $WORK"
  echo "When you are done, remove it all: ${LAB_SUDO}bash $0 --clean-up"
}

# lab_clean_up: `bash labs/<name>.sh --clean-up` removes what a kept run left,
# in the order of lab_cleanup: the background processes, then any other
# process inside its namespaces (one the reader started while looking around),
# the on_exit steps, $WORK, the namespaces; then the record of the run.
lab_clean_up() {
  local _lab_ns _lab_pid _lab_present=() _lab_procs=()
  if [[ ! -e $LAB_KEPT/state.sh ]]; then
    echo "$LAB_NAME: nothing to clean up: no run of this lab is kept"
    exit 0
  fi
  set +eu
  cd /
  # shellcheck source=/dev/null # written by lab_keep
  source "$LAB_KEPT/state.sh"
  for _lab_ns in "${LAB_NAMESPACES[@]}"; do
    [[ -e /run/netns/$_lab_ns ]] && _lab_present+=("$_lab_ns")
  done
  alive "${LAB_KEPT_PIDS[@]}"
  _lab_procs=("${ALIVE[@]}")
  stop_pids "${LAB_KEPT_PIDS[@]}"
  LAB_KEPT_PIDS=()
  for _lab_ns in "${_lab_present[@]}"; do
    for _lab_pid in $(ip netns pids "$_lab_ns"); do
      LAB_KEPT_PIDS+=("$_lab_pid:$(start_time "$_lab_pid")")
      _lab_procs+=("$_lab_pid")
    done
  done
  stop_pids "${LAB_KEPT_PIDS[@]}"
  lab_remove
  rm -rf "$LAB_KEPT"
  rmdir "${LAB_KEPT%/*}" 2>/dev/null
  printf '%s: removed the kept run: %d processes stopped; namespaces deleted: %s%s\n' "$LAB_NAME" \
    "${#_lab_procs[@]}" "${_lab_present[*]:-none}" "${WORK:+; scratch directory removed: $WORK}"
  exit 0
}

if [[ ${1:-} == --clean-up ]]; then lab_clean_up; fi
# A run on top of a kept one would delete its namespaces from under its
# processes, and leave those, its scratch files and its on_exit steps behind.
if [[ -e $LAB_KEPT/state.sh ]]; then
  printf '%s: a run of this lab kept with LAB_KEEP=1 (%s) is still in place.\nLook around in it, or remove it first: %sbash %s --clean-up\n' \
    "$LAB_NAME" "$(date -r "$LAB_KEPT/state.sh" '+%F %T')" "$LAB_SUDO" "$0" >&2
  exit 2
fi
if ((LAB_KEEPING)); then
  rm -rf "$LAB_KEPT"
  mkdir -p "$LAB_KEPT"
fi

trap lab_cleanup EXIT
# A signal must not end the lab with status 0: exit with the shell's usual
# 128+N, and the EXIT trap cleans up.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# In the lab VM (an emulator in a browser tab or under Node) a program starts
# ten times slower than on hardware: waits there are LAB_WAIT_SCALE times longer.
if [[ -z ${LAB_WAIT_SCALE:-} && -e /etc/lab-vm/preload-modules ]]; then LAB_WAIT_SCALE=6; fi

# wait_for SECONDS WHAT COMMAND...: retry COMMAND (a program or a function of
# the lab, which must return quickly) every 0.1 s until it succeeds; fail
# after SECONDS (times LAB_WAIT_SCALE).
wait_for() {
  local secs=$(($1 * ${LAB_WAIT_SCALE:-1})) what=$2 deadline
  shift 2
  deadline=$((${EPOCHREALTIME//[!0-9]/} + secs * 1000000))
  until "$@" >/dev/null 2>&1; do
    ((${EPOCHREALTIME//[!0-9]/} < deadline)) || fail "gave up after ${secs}s waiting for: $what"
    sleep 0.1
  done
}

# wait_up NS DEV...: wait (up to 10 s) until each DEV in NS is up with a
# carrier. Only then does the kernel give it a working queue: a packet sent a
# moment earlier is dropped.
wait_up() {
  local ns=$1 dev
  shift
  for dev in "$@"; do wait_for 10 "$dev in $ns to be up" is_up "$ns" "$dev"; done
}
# A device with a peer or a parent (veth, macvlan: eth0@if2) reaches state UP
# once the kernel's link watcher has run, a moment after its carrier (seconds
# in the lab VM); loopback, TUN/TAP and dummy devices stay UNKNOWN.
is_up() {
  local line
  line=$(ip -n "$1" -o link show dev "$2")
  if [[ $line =~ ^[0-9]+:\ [^:]+@ ]]; then [[ $line == *" state UP "* ]]; else [[ $line =~ \ state\ (UP|UNKNOWN)\  ]]; fi
}

# wait_listening NS PORT [udp]: wait (up to 10 s) until a TCP (or UDP) socket
# is bound to PORT in NS, so that a client started now finds it.
wait_listening() {
  wait_for 10 "a ${3:-tcp} socket on port $2 in $1" listening "$1" "$2" "${3:-tcp}"
}
listening() { [[ -n $(ip netns exec "$1" ss -Hln --"$3" "sport = :$2") ]]; }

# veth_pair NS_A DEV_A ADDR_A NS_B DEV_B ADDR_B: a veth pair made inside NS_A
# with its peer in NS_B, an address on each end ("-" for none), both ends up,
# and wait until they pass traffic.
veth_pair() {
  ip -n "$1" link add "$2" type veth peer name "$5" netns "$4"
  [[ $3 == - ]] || ip -n "$1" address add "$3" dev "$2"
  [[ $6 == - ]] || ip -n "$4" address add "$6" dev "$5"
  ip -n "$1" link set "$2" up
  ip -n "$4" link set "$5" up
  wait_up "$1" "$2"
  wait_up "$4" "$5"
}

# capture NS FILE TCPDUMP-ARGUMENTS...: start tcpdump in NS in the background
# (bounded to 20 s; packets to FILE, messages to FILE.err) and return once it
# listens, so that nothing sent afterwards escapes it. As with lab_bg, $! is
# its PID: `wait $!` waits until it has its -c packets.
capture() {
  local ns=$1 file=$2
  shift 2
  lab_bg ip netns exec "$ns" timeout 20 tcpdump "$@" >"$file" 2>"$file.err"
  wait_for 10 "tcpdump to listen in $ns" grep -q 'listening on' "$file.err"
}

# expect_ping NS ADDRESS: one echo request from NS must be answered (within 2 s).
expect_ping() {
  ip netns exec "$1" ping -c 1 -W 2 "$2" >/dev/null || fail "$1 cannot reach $2"
  ok "$1 reaches $2"
}

# expect_no_ping NS ADDRESS: one echo request must go unanswered for a second.
expect_no_ping() {
  if ip netns exec "$1" ping -c 1 -W 1 "$2" >/dev/null 2>&1; then fail "$1 reaches $2, but should not"; fi
  ok "$1 cannot reach $2, as expected"
}

# mac NS DEV: the device's hardware address, read inside NS.
mac() { ip -n "$1" -o link show dev "$2" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'; }
