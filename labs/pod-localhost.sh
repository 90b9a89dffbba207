#!/usr/bin/env bash
# Lab: containers of one pod share a network namespace
# (chapter "Container to container in a Pod").
#
# The lab plays the container runtime. It creates a "node" namespace
# (pod-node) and a pod sandbox (pod-a): a network namespace held by a
# long-lived pause-like process, with eth0 joined to the node by a veth pair.
# Two "containers" join that sandbox the way containerd and CRI-O do, by
# entering /proc/<pause PID>/ns/net, each in a PID namespace of its own: an
# app (socat) listening on 127.0.0.1:8080, and a sidecar that reaches it over
# localhost. The lab then shows that a second bind to :8080 in the same pod
# fails with "Address already in use"; that a second pod (pod-b) has a
# localhost of its own, so it cannot reach pod-a's service there, and can
# bind :8080 itself; that the node cannot reach a service bound to
# 127.0.0.1 through the pod IP; and that a sidecar proxy listening on the pod
# IP can publish it.
#
# Every process is bounded by timeout and killed on exit; nothing in the root
# namespace is touched. Run as root: sudo bash labs/pod-localhost.sh

source "$(dirname "$0")/lib.sh"
require socat nsenter unshare ss ps
lab_tmpdir

# in_pod CMD...: run CMD as a new "container" of pod-a: join the network
# namespace of the pause process, and give the command a PID namespace (and
# a /proc) of its own, as a runtime does unless shareProcessNamespace is set.
# --kill-child makes the whole container die with the unshare process.
in_pod() { nsenter --target "$PAUSE" --net unshare --pid --fork --kill-child --mount-proc "$@"; }

# start_in_pod CMD...: the same, in the background, stopped at exit. `unshare
# --fork` ignores SIGTERM while it waits for its child, so the clean-up ends it
# with SIGKILL, and --kill-child takes the container's PID namespace down with it.
start_in_pod() { lab_bg nsenter --target "$PAUSE" --net unshare --pid --fork --kill-child --mount-proc "$@"; }

# listener_pid NS PORT: the PID of the process that listens on PORT inside NS.
listener_pid() {
  local sockets
  sockets=$(ip netns exec "$1" ss -Hltnp "sport = :$2")
  [[ $sockets =~ pid=([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}

step "A node and a pod sandbox: a namespace, and a pause process that holds it"
make_ns pod-node pod-a pod-b
show ip -n pod-node link add veth-a type veth peer name eth0 netns pod-a
ip -n pod-node address add 10.244.1.1/24 dev veth-a
ip -n pod-a address add 10.244.1.5/24 dev eth0
ip -n pod-node link set veth-a up
ip -n pod-a link set eth0 up
printf '$ ip netns exec pod-a sleep 120 &    # stands in for the pause container\n'
lab_bg ip netns exec pod-a sleep 120
PAUSE=$!
in_pod_a() { [[ $(ip netns identify "$PAUSE") == pod-a ]]; }
wait_for 10 "the pause process to enter pod-a" in_pod_a
printf '$ ip netns identify <pause PID>\n'
ip netns identify "$PAUSE"
wait_up pod-a eth0
show ip -n pod-a -4 -br address
expect_ping pod-node 10.244.1.5

step "The app container joins the sandbox and listens on 127.0.0.1:8080"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:"echo hello from app"\n'
start_in_pod timeout 60 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from app'
wait_listening pod-a 8080
show ip netns exec pod-a ss -Hltn

step "The sidecar, a second container of the pod, reaches the app over localhost"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat -u TCP:127.0.0.1:8080 -\n'
reply=$(in_pod timeout 5 socat -T 3 -u TCP:127.0.0.1:8080 -) || fail "the sidecar could not connect to 127.0.0.1:8080"
echo "$reply"
[[ $reply == "hello from app" ]] || fail "unexpected reply: $reply"
ok "the sidecar reached the app on 127.0.0.1:8080"

step "Same network namespace, separate PID namespaces"
APP=$(listener_pid pod-a 8080)
[[ -n $APP ]] || fail "cannot find the app's PID"
printf '%-7s %-18s %s\n' process network PID
for who in pause app; do
  pid=$PAUSE
  [[ $who == app ]] && pid=$APP
  printf '%-7s %-18s %s\n' "$who" "$(readlink "/proc/$pid/ns/net")" "$(readlink "/proc/$pid/ns/pid")"
done
[[ $(readlink "/proc/$APP/ns/net") == "$(readlink "/proc/$PAUSE/ns/net")" ]] || fail "the app is not in the sandbox's network namespace"
[[ $(readlink "/proc/$APP/ns/pid") != "$(readlink "/proc/$PAUSE/ns/pid")" ]] || fail "the app shares the pause process's PID namespace"
ok "app and pause share net:[…] but not pid:[…]"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc ps -e -o pid,comm\n'
in_pod ps -e -o pid,comm
ok "a container sees only its own processes, but every socket of the pod"

step "A second container cannot bind the same port in the same pod"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr SYSTEM:"echo second"\n'
if in_pod timeout 3 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr SYSTEM:'echo second' 2>"$WORK/bind.err"; then
  fail "a second listener bound 127.0.0.1:8080 in pod-a"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$WORK/bind.err"
grep -q 'Address already in use' "$WORK/bind.err" || fail "the second bind failed for another reason"
ok "EADDRINUSE: one port space per pod, even with SO_REUSEADDR"

step "Another pod has a localhost of its own"
show ip -n pod-b -4 -br address
if show ip netns exec pod-b timeout 5 socat -T 3 -u TCP:127.0.0.1:8080 - 2>"$WORK/b.err"; then
  fail "pod-b reached a service on its 127.0.0.1:8080"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$WORK/b.err"
grep -q 'Connection refused' "$WORK/b.err" || fail "pod-b's connection failed for another reason"
ok "pod-b cannot reach pod-a's localhost service"
printf '$ ip netns exec pod-b socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:"echo hello from pod-b" &\n'
lab_bg ip netns exec pod-b timeout 60 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from pod-b'
wait_listening pod-b 8080
show ip netns exec pod-b timeout 5 socat -T 3 -u TCP:127.0.0.1:8080 -
[[ $(ip netns exec pod-b timeout 5 socat -T 3 -u TCP:127.0.0.1:8080 -) == "hello from pod-b" ]] \
  || fail "pod-b's own server did not answer"
ok "pod-b binds :8080 too, without a clash: ports are per network namespace"

step "The node cannot reach a service bound to 127.0.0.1 through the pod IP"
if show ip netns exec pod-node timeout 5 socat -T 3 -u TCP:10.244.1.5:8080 - 2>"$WORK/node.err"; then
  fail "the node reached 10.244.1.5:8080"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$WORK/node.err"
grep -q 'Connection refused' "$WORK/node.err" || fail "the node's connection failed for another reason"
ok "kubelet probes and other pods come in on eth0, not on lo"

step "A sidecar proxy on the pod IP publishes the app"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat TCP-LISTEN:9090,reuseaddr,fork TCP:127.0.0.1:8080\n'
start_in_pod timeout 60 socat TCP-LISTEN:9090,reuseaddr,fork TCP:127.0.0.1:8080
wait_listening pod-a 9090
printf '$ ip netns exec pod-a ss -Hltn | sort -k4\n'
ip netns exec pod-a ss -Hltn | sort -k4
show ip netns exec pod-node timeout 5 socat -T 3 -u TCP:10.244.1.5:9090 -
[[ $(ip netns exec pod-node timeout 5 socat -T 3 -u TCP:10.244.1.5:9090 -) == "hello from app" ]] \
  || fail "the node did not reach the app through the sidecar"
ok "node -> 10.244.1.5:9090 (sidecar) -> 127.0.0.1:8080 (app)"

pass
