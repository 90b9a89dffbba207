#!/usr/bin/env bash
# Lab: rootless container networking with slirp4netns and pasta (chapter
# "Rootless and daemonless containers").
#
# A namespace rl-host plays the host: its LAN interface eth0 has 192.168.77.1,
# and a second namespace, rl-lan, is the rest of the LAN: a server on
# 192.168.77.2:8080 and the router 192.168.77.254. The host also runs a
# service of its own on 127.0.0.1:8081. Both servers answer with the address
# they see the connection come from.
#
# On that host, user 1000 (no capabilities at all) makes a user namespace and
# a network namespace, as Podman or nerdctl do for a rootless container, and
# you will see:
#   - the kernel refuse the veth to the host (EPERM), or, on a kernel older
#     than the April 2026 fix (the lab VM's), create it and refuse the user
#     any use of its host end: the host's network namespace belongs to the
#     initial user namespace, where the user has no CAP_NET_ADMIN;
#   - slirp4netns give the namespace a TAP device, 10.0.2.100, and carry its
#     connections out through ordinary sockets of its own: the LAN server sees
#     the host's address, and 10.0.2.2 is the host's loopback;
#   - a port forwarded by slirp4netns keep a LAN client's address, but show
#     a client on the host's loopback as 10.0.2.2;
#   - pasta copy the host's address and routes into a second namespace and
#     forward a port: the LAN client's address survives there too. In the lab
#     VM (32-bit Debian 12), pasta's own seccomp filter kills it: the lab
#     shows that it was SIGSYS and leaves this part to a 64-bit Linux.
#
# Nothing in the root namespace is created or changed. On a machine where
# /dev/net/tun is not open to every user (Debian makes it crw-rw-rw-), the
# user's session gets a private mount namespace with such a node.
# Run as root: sudo bash labs/rootless-pasta.sh

source "$(dirname "$0")/lib.sh"
require slirp4netns pasta unshare nsenter setpriv socat ss mknod stat ps

USER_ID=1000
# Commands run as the user, in the user's session (see "An unprivileged user").
# The refusals the lab expects go to stdout (2>&1), where its story is.
AS_USER=()
# as_user CMD...: run CMD as the user on the host.
as_user() { "${AS_USER[@]}" "$@"; }
# in_ctr PID CMD...: run CMD as the user, inside the user and network
# namespaces of PID, where the user is root.
in_ctr() {
  local pid=$1
  shift
  as_user nsenter -t "$pid" -U -n --preserve-credentials "$@"
}

# ask NS|PID ADDRESS PORT: one TCP connection from the namespace NS (run as
# root), or from the user's container PID; prints the answer. The client
# speaks first, as an HTTP client does: Debian 12's pasta completes an inbound
# handshake only once it has data to carry into the container. shut-none: the
# client does not half-close after its line (Debian 12's pasta, on Linux 6.18,
# sent the answer to a half-closed client over and over).
ask() {
  local s=${LAB_WAIT_SCALE:-1} client
  client=(socat -t $((3 * s)) -T $((3 * s)) - "TCP:$2:$3,connect-timeout=$((2 * s)),shut-none")
  if [[ $1 =~ ^[0-9]+$ ]]; then
    echo hello | in_ctr "$1" timeout $((6 * s)) "${client[@]}"
  else
    echo hello | ip netns exec "$1" timeout $((6 * s)) "${client[@]}"
  fi
}

# has_addr NS DEV ADDR: DEV in NS has ADDR.
has_addr() { [[ $(ip -n "$1" -br address show dev "$2" 2>/dev/null) == *" $3/"* ]]; }
# in_userns PID: PID runs in a user namespace of its own (not the session's).
in_userns() { [[ $(readlink "/proc/$1/ns/user") != "$(readlink "/proc/$SESSION/ns/user")" ]]; }
# runs_as PID UID COMM: PID is COMM (its exec done) with real uid UID.
runs_as() { [[ $(cat "/proc/$1/comm") == "$3" && $(stat -c %u "/proc/$1") == "$2" ]]; }
# pasta_alive: the pasta started below still runs.
pasta_alive() {
  running_jobs "$PASTA"
  ((${#RUNNING[@]}))
}
pasta_gone() { ! pasta_alive; }
# pasta_ready: pasta has configured the address and, after it, the default route.
pasta_ready() {
  has_addr rl-pasta eth0 192.168.77.1 && [[ $(ip -n rl-pasta route show default) == *"via 192.168.77.254 "* ]]
}
pasta_ready_or_gone() { pasta_ready || pasta_gone; }
# pasta_killed: pasta has exited. On the lab VM's 32-bit Debian 12 its own
# seccomp filter kills it (SIGSYS) at its first packets: say so, and leave the
# pasta part to a 64-bit Linux. Anywhere else it is a failure.
pasta_killed() {
  local status=0
  wait "$PASTA" || status=$?
  if ((status != 128 + 31)); then
    sed 's/^/pasta: /' "$WORK/pasta.log"
    fail "pasta exited with status $status"
  fi
  [[ $(uname -m) == i?86 ]] || fail "pasta was killed by SIGSYS on $(uname -m)"
  echo "pasta was killed by SIGSYS (exit status $status): its own seccomp filter refused a system call it made."
  echo "This is Debian 12's pasta (2023-03-09) on a 32-bit ($(uname -m)) kernel; on 64-bit Linux the same steps pass."
  ok "the pasta part needs a 64-bit Linux; slirp4netns did the same job above"
}
# hostfwd_on PORT: slirp4netns listens on PORT in rl-host.
hostfwd_on() { listening rl-host "$1" tcp; }
# start_ctr NETNS PIDFILE: as the user, a process in a new user namespace and
# network namespace, as a rootless engine starts a container. Its PID is in
# CTR_PID and in $RUN/PIDFILE; NETNS names its network namespace, so that
# root can look in with ip -n NETNS (the reader too, later).
start_ctr() {
  lab_bg "${AS_USER[@]}" unshare --user --map-root-user --net timeout 180 sleep infinity
  CTR_PID=$!
  wait_for 10 "the namespaces of $1's process" in_userns "$CTR_PID"
  wait_for 10 "$1's process" runs_as "$CTR_PID" "$USER_ID" timeout
  ip netns del "$1" 2>/dev/null || true
  ip netns attach "$1" "$CTR_PID"
  LAB_NAMESPACES+=("$1")
  echo "$CTR_PID" >"$RUN/$2"
}

step "A host on a LAN: a server on the LAN, a service on the host's loopback"
make_ns rl-host rl-lan
veth_pair rl-host eth0 192.168.77.1/24 rl-lan eth0 192.168.77.2/24
ip -n rl-lan address add 192.168.77.254/24 dev eth0
ip -n rl-host route add default via 192.168.77.254
lab_bg ip netns exec rl-lan timeout 180 socat TCP-LISTEN:8080,reuseaddr,fork \
  SYSTEM:'read -r line; echo LAN server on 192.168.77.2 saw $SOCAT_PEERADDR'
lab_bg ip netns exec rl-host timeout 180 socat TCP-LISTEN:8081,bind=127.0.0.1,reuseaddr,fork \
  SYSTEM:'read -r line; echo host service on 127.0.0.1 saw $SOCAT_PEERADDR'
wait_listening rl-lan 8080
wait_listening rl-host 8081
show ip -n rl-host -br address show dev eth0
show ip -n rl-host route

step "An unprivileged user on the host (uid $USER_ID)"
# Some kernels let only root make user namespaces: Debian's switch (its
# default is 1), and on Ubuntu an AppArmor restriction.
for knob in kernel/unprivileged_userns_clone kernel/apparmor_restrict_unprivileged_userns user/max_user_namespaces; do
  [[ -r /proc/sys/$knob ]] && printf '%s = %s\n' "${knob//\//.}" "$(</proc/sys/"$knob")"
done
[[ $(cat /proc/sys/kernel/unprivileged_userns_clone 2>/dev/null || echo 1) == 1 ]] \
  || skip "this kernel lets only root create user namespaces (kernel.unprivileged_userns_clone = 0)"
[[ $(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null || echo 0) == 0 ]] \
  || skip "AppArmor restricts unprivileged user namespaces here (kernel.apparmor_restrict_unprivileged_userns = 1)"
(($(</proc/sys/user/max_user_namespaces) > 0)) || skip "user namespaces are disabled (user.max_user_namespaces = 0)"
ok "unprivileged users may create user namespaces"
lab_tmpdir
mkdir "$WORK/dev"
# The user's runtime directory, as XDG_RUNTIME_DIR is for a login: slirp4netns's
# API socket goes there, and the lab notes its PIDs there for you, as
# RootlessKit notes its child's PID in its state directory.
RUN=/run/rl-user
rm -rf "$RUN"
mkdir -m 700 "$RUN"
chown "$USER_ID:$USER_ID" "$RUN"
on_exit 'rm -rf "$RUN"'
tun_mode=$(stat -c %A /dev/net/tun)
# The user's session: a process of uid 1000 in rl-host, in a mount namespace of
# its own where /dev/net/tun is open to every user, as Debian's udev rules make
# it. Where the real node already is, the copy changes nothing.
if [[ $tun_mode != crw-rw-rw- ]]; then
  echo "this machine's /dev/net/tun is $tun_mode, not crw-rw-rw- as on Debian: the user's session gets its own"
fi
lab_bg ip netns exec rl-host unshare --mount --propagation private sh -c '
  mount -t tmpfs -o mode=755 lab-dev "$1" && mknod -m 666 "$1/tun" c 10 200 &&
  mount --bind "$1/tun" /dev/net/tun && exec setpriv --reuid="$2" --regid="$2" --clear-groups timeout "$3" sleep "$3"
' session "$WORK/dev" "$USER_ID" "$((LAB_KEEPING ? 3600 : 180 * ${LAB_WAIT_SCALE:-1}))"
SESSION=$!
wait_for 10 "the user's session to start" runs_as "$SESSION" "$USER_ID" timeout
echo "$SESSION" >"$RUN/session.pid"
AS_USER=(nsenter -t "$SESSION" -n -m setpriv --reuid="$USER_ID" --regid="$USER_ID" --clear-groups)
printf 'user$ id\n'
as_user id | sed 's/ groups=.*//'
printf 'user$ ls -l /dev/net/tun\n'
as_user ls -l /dev/net/tun | sed 's/ [A-Z][a-z][a-z] .* \/dev/ … \/dev/'
printf 'user$ ip link add veth0 type veth peer name veth1\n'
if as_user ip link add veth0 type veth peer name veth1 2>&1; then fail "user $USER_ID created a veth pair on the host"; fi
ok "no capability, no new device on the host"

step "The user makes a user namespace and a network namespace: a rootless container"
start_ctr rl-ctr ctr.pid
CTR=$CTR_PID
printf 'user$ unshare --user --map-root-user --net sleep infinity &\n'
printf 'user$ cat /proc/$!/uid_map      # uid 0 inside is uid %s outside\n' "$USER_ID"
tr -s ' ' <"/proc/$CTR/uid_map" | sed 's/^ //'
printf 'user$ nsenter -t $! -U -n --preserve-credentials   # enter it\n'
printf 'ctr# id\n'
in_ctr "$CTR" id | sed 's/ groups=.*//'
printf 'ctr# ip link add veth0 type veth peer name veth1      # both ends in the container: allowed\n'
in_ctr "$CTR" ip link add veth0 type veth peer name veth1 || fail "the container's root could not make a veth pair inside"
in_ctr "$CTR" ip link del veth0
printf 'ctr# ip link add veth0 type veth peer name veth-host netns %s      # the peer to the host\n' "$SESSION"
if in_ctr "$CTR" ip link add veth0 type veth peer name veth-host netns "$SESSION" 2>&1; then
  # Kernels without the peer-namespace check added in April 2026 (the lab
  # VM's Debian 6.1) create the peer anywhere the caller can name.
  echo "this kernel created the peer in the host's namespace; can its owner use it there?"
  show ip -n rl-host -br link show dev veth-host
  printf 'user$ ip link set veth-host up\n'
  if as_user ip link set veth-host up 2>&1; then fail "user $USER_ID brought up a link in the host's namespace"; fi
  in_ctr "$CTR" ip link del veth0
  ok "created, but the host's end stays down and unconfigured: only root on the host could use it"
else
  ok "EPERM: the kernel checks CAP_NET_ADMIN in the peer's namespace too"
fi
ok "no usable link to the host: rl-host belongs to the initial user namespace, where uid $USER_ID has no CAP_NET_ADMIN"
show ip -n rl-ctr -br link

step "slirp4netns: a TAP device inside, a TCP/IP stack in a process outside"
printf 'user$ slirp4netns --configure --mtu=65520 --api-socket /run/rl-user/slirp.sock $(cat /run/rl-user/ctr.pid) tap0 &\n'
lab_bg "${AS_USER[@]}" timeout 180 slirp4netns --configure --mtu=65520 --api-socket "$RUN/slirp.sock" \
  "$CTR" tap0 >"$WORK/slirp4netns.log" 2>&1
SLIRP=$!
wait_for 10 "tap0 to get 10.0.2.100" has_addr rl-ctr tap0 10.0.2.100
wait_for 10 "slirp4netns's API socket" test -S "$RUN/slirp.sock"
# $SLIRP is timeout's PID; slirp4netns is its child.
ps -o pid= --ppid "$SLIRP" | tr -d ' ' >"$RUN/slirp4netns.pid"
[[ $(cat "/proc/$(<"$RUN/slirp4netns.pid")/comm") == slirp4netns ]] || fail "no slirp4netns under PID $SLIRP"
show ip -n rl-ctr -br address show dev tap0
show ip -n rl-ctr route
show ip -n rl-host -br link
ok "no new device on the host: slirp4netns is a process of uid $USER_ID, holding the TAP device's file descriptor"
printf 'ctr# echo hello | socat - TCP:192.168.77.2:8080\n'
answer=$(ask "$CTR" 192.168.77.2 8080) || fail "the container cannot reach the LAN server through slirp4netns"
echo "$answer"
[[ $answer == *"saw 192.168.77.1" ]] || fail "unexpected answer: $answer"
ok "the LAN server sees the host's address: slirp4netns connected from its own socket"
printf 'ctr# echo hello | socat - TCP:10.0.2.2:8081\n'
answer=$(ask "$CTR" 10.0.2.2 8081) || fail "the container cannot reach the host's loopback at 10.0.2.2"
echo "$answer"
[[ $answer == *"saw 127.0.0.1" ]] || fail "unexpected answer: $answer"
ok "10.0.2.2 is the host itself, even its loopback"

step "Publishing a port with slirp4netns: host 8088 to the container's 80"
lab_bg "${AS_USER[@]}" nsenter -t "$CTR" -U -n --preserve-credentials timeout 180 \
  socat TCP-LISTEN:80,reuseaddr,fork SYSTEM:'read -r line; echo container server saw $SOCAT_PEERADDR'
wait_listening rl-ctr 80
ok "root in the container may bind port 80"
request='{"execute": "add_hostfwd", "arguments": {"proto": "tcp", "host_addr": "0.0.0.0", "host_port": 8088, "guest_port": 80}}'
printf "user\$ echo '%s' | socat - UNIX:/run/rl-user/slirp.sock\n" "$request"
echo "$request" | as_user socat - "UNIX:$RUN/slirp.sock"
echo
wait_for 10 "slirp4netns to listen on 8088" hostfwd_on 8088
printf '$ ip netns exec rl-host ss -Htln sport = :8088\n'
ip netns exec rl-host ss -Htlnp 'sport = :8088' | sed 's/pid=[0-9]*/pid=…/' | tr -s ' '
printf '$ echo hello | ip netns exec rl-lan socat - TCP:192.168.77.1:8088\n'
answer=$(ask rl-lan 192.168.77.1 8088) || fail "the LAN cannot reach the published port"
echo "$answer"
[[ $answer == *"saw 192.168.77.2" ]] || fail "unexpected answer: $answer"
ok "the LAN client's address reached the container"
printf '$ echo hello | ip netns exec rl-host socat - TCP:127.0.0.1:8088\n'
answer=$(ask rl-host 127.0.0.1 8088) || fail "the host cannot reach the published port on its loopback"
echo "$answer"
[[ $answer == *"saw 10.0.2.2" ]] || fail "unexpected answer: $answer"
ok "a client on the host's loopback shows up as 10.0.2.2, slirp4netns's gateway"

step "pasta: the host's address and routes, copied into a second container"
start_ctr rl-pasta ctr2.pid
PCTR=$CTR_PID
printf 'user$ pasta --config-net -t 8090:80 -u none -T none -U none $(cat /run/rl-user/ctr2.pid)\n'
lab_bg "${AS_USER[@]}" timeout 180 pasta --foreground --quiet --config-net -t 8090:80 -u none -T none -U none \
  "$PCTR" >"$WORK/pasta.log" 2>&1
PASTA=$!
wait_for 10 "pasta to configure rl-pasta, or to exit" pasta_ready_or_gone
if pasta_alive && pasta_ready; then
  show ip -n rl-pasta -br address show dev eth0
  show ip -n rl-pasta route
  ok "the container has the host's address and default route; the host got no new device"
  printf 'ctr2# echo hello | socat - TCP:192.168.77.2:8080\n'
  answer=$(ask "$PCTR" 192.168.77.2 8080) || answer=
  # pasta may also die at its first packet: give its exit a moment to show.
  [[ -n $answer ]] || wait_for 5 "pasta to exit, the container's connection having failed" pasta_gone
fi
if ! pasta_alive; then
  pasta_killed
else
  echo "$answer"
  [[ $answer == *"saw 192.168.77.1" ]] || fail "unexpected answer: $answer"
  ok "the LAN server sees the host's address, which is the container's own"
  lab_bg "${AS_USER[@]}" nsenter -t "$PCTR" -U -n --preserve-credentials timeout 180 \
    socat TCP-LISTEN:80,reuseaddr,fork SYSTEM:'read -r line; echo pasta container saw $SOCAT_PEERADDR'
  wait_listening rl-pasta 80
  wait_for 10 "pasta to listen on 8090" hostfwd_on 8090
  printf '$ echo hello | ip netns exec rl-lan socat - TCP:192.168.77.1:8090\n'
  answer=$(ask rl-lan 192.168.77.1 8090) || fail "the LAN cannot reach pasta's forwarded port"
  echo "$answer"
  [[ $answer == *"saw 192.168.77.2" ]] || fail "unexpected answer: $answer"
  ok "pasta kept the LAN client's address"
  printf '$ echo hello | ip netns exec rl-host socat - TCP:127.0.0.1:8090\n'
  answer=$(ask rl-host 127.0.0.1 8090) || fail "the host cannot reach pasta's forwarded port on its loopback"
  echo "$answer"
  [[ $answer == *"saw 127.0.0.1" ]] || fail "unexpected answer: $answer"
  ok "from the host's loopback, pasta splices the connection to the container's loopback"
fi

pass
