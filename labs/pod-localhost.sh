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

for tool in socat nsenter unshare ss; do
  command -v "$tool" >/dev/null || {
    echo "$LAB_NAME: '$tool' is missing (Debian: apt-get install socat util-linux iproute2)" >&2
    exit 2
  }
done

OUT=$(mktemp -d /tmp/pod-lab.XXXXXX)
# Stop every background process first, then remove the scratch directory and
# the namespaces (lib.sh's cleanup keeps the exit status). A "container" is
# stopped with SIGKILL: `unshare --fork` ignores SIGTERM while it waits for its
# child, and --kill-child then takes the container's whole PID namespace down.
trap 'status=$?; set +e
  {
    for p in "${BACKGROUND[@]}"; do kill "$p"; done
    for p in "${CONTAINERS[@]}"; do kill -KILL "$p"; done
    wait
  } 2>/dev/null
  rm -rf "$OUT"; (exit "$status"); cleanup' EXIT

PAUSE=
BACKGROUND=()
CONTAINERS=()

# in_pod CMD...: run CMD as a new "container" of pod-a: join the network
# namespace of the pause process, and give the command a PID namespace (and
# a /proc) of its own, as a runtime does unless shareProcessNamespace is set.
# --kill-child makes the whole container die with the unshare process.
in_pod() { nsenter --target "$PAUSE" --net unshare --pid --fork --kill-child --mount-proc "$@"; }

# start_in_pod CMD...: the same, in the background; the PID is kept for clean-up.
start_in_pod() {
  nsenter --target "$PAUSE" --net unshare --pid --fork --kill-child --mount-proc "$@" &
  CONTAINERS+=($!)
}

# wait_listen NS PORT: wait up to 5 s for a TCP listener on PORT inside NS.
wait_listen() {
  timeout 5 bash -c "until ip netns exec $1 ss -Hltn 'sport = :$2' | grep -q LISTEN; do sleep 0.05; done" \
    || fail "nothing listens on :$2 in $1"
}

# listener_pid NS PORT: the PID of the process that listens on PORT inside NS.
listener_pid() { ip netns exec "$1" ss -Hltnp "sport = :$2" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1; }

step "A node and a pod sandbox: a namespace, and a pause process that holds it"
make_ns pod-node pod-a pod-b
show ip -n pod-node link add veth-a type veth peer name eth0 netns pod-a
ip -n pod-node address add 10.244.1.1/24 dev veth-a
ip -n pod-a address add 10.244.1.5/24 dev eth0
ip -n pod-node link set veth-a up
ip -n pod-a link set eth0 up
printf '$ ip netns exec pod-a sleep 120 &    # stands in for the pause container\n'
ip netns exec pod-a sleep 120 &
PAUSE=$!
BACKGROUND+=("$PAUSE")
timeout 5 bash -c "until [ \"\$(ip netns identify $PAUSE)\" = pod-a ]; do sleep 0.05; done" \
  || fail "the pause process did not enter pod-a"
printf '$ ip netns identify <pause PID>\n'
ip netns identify "$PAUSE"
timeout 5 bash -c 'until ip -n pod-a -o link show dev eth0 | grep -q "state UP"; do sleep 0.1; done' \
  || fail "eth0 in pod-a did not come up"
show ip -n pod-a -4 -br address
expect_ping pod-node 10.244.1.5

step "The app container joins the sandbox and listens on 127.0.0.1:8080"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:"echo hello from app"\n'
start_in_pod timeout 60 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from app'
wait_listen pod-a 8080
show ip netns exec pod-a ss -Hltn

step "The sidecar, a second container of the pod, reaches the app over localhost"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat - TCP:127.0.0.1:8080\n'
reply=$(in_pod timeout 5 socat -T 2 - TCP:127.0.0.1:8080 </dev/null) || fail "the sidecar could not connect to 127.0.0.1:8080"
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
if in_pod timeout 3 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr SYSTEM:'echo second' 2>"$OUT/bind.err"; then
  fail "a second listener bound 127.0.0.1:8080 in pod-a"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$OUT/bind.err"
grep -q 'Address already in use' "$OUT/bind.err" || fail "the second bind failed for another reason"
ok "EADDRINUSE: one port space per pod, even with SO_REUSEADDR"

step "Another pod has a localhost of its own"
show ip -n pod-b -4 -br address
if show ip netns exec pod-b timeout 3 socat -T 2 - TCP:127.0.0.1:8080 </dev/null 2>"$OUT/b.err"; then
  fail "pod-b reached a service on its 127.0.0.1:8080"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$OUT/b.err"
grep -q 'Connection refused' "$OUT/b.err" || fail "pod-b's connection failed for another reason"
ok "pod-b cannot reach pod-a's localhost service"
printf '$ ip netns exec pod-b socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:"echo hello from pod-b" &\n'
ip netns exec pod-b timeout 60 socat TCP-LISTEN:8080,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from pod-b' &
BACKGROUND+=($!)
wait_listen pod-b 8080
show ip netns exec pod-b timeout 3 socat -T 2 - TCP:127.0.0.1:8080 </dev/null
[[ $(ip netns exec pod-b timeout 3 socat -T 2 - TCP:127.0.0.1:8080 </dev/null) == "hello from pod-b" ]] \
  || fail "pod-b's own server did not answer"
ok "pod-b binds :8080 too, without a clash: ports are per network namespace"

step "The node cannot reach a service bound to 127.0.0.1 through the pod IP"
if show ip netns exec pod-node timeout 3 socat -T 2 - TCP:10.244.1.5:8080 </dev/null 2>"$OUT/node.err"; then
  fail "the node reached 10.244.1.5:8080"
fi
sed 's/^[0-9\/]* [0-9:]* //' "$OUT/node.err"
grep -q 'Connection refused' "$OUT/node.err" || fail "the node's connection failed for another reason"
ok "kubelet probes and other pods come in on eth0, not on lo"

step "A sidecar proxy on the pod IP publishes the app"
printf '$ nsenter --target <pause PID> --net unshare --pid --fork --kill-child --mount-proc socat TCP-LISTEN:9090,reuseaddr,fork TCP:127.0.0.1:8080\n'
start_in_pod timeout 60 socat TCP-LISTEN:9090,reuseaddr,fork TCP:127.0.0.1:8080
wait_listen pod-a 9090
printf '$ ip netns exec pod-a ss -Hltn | sort -k4\n'
ip netns exec pod-a ss -Hltn | sort -k4
show ip netns exec pod-node timeout 3 socat -T 2 - TCP:10.244.1.5:9090 </dev/null
[[ $(ip netns exec pod-node timeout 3 socat -T 2 - TCP:10.244.1.5:9090 </dev/null) == "hello from app" ]] \
  || fail "the node did not reach the app through the sidecar"
ok "node -> 10.244.1.5:9090 (sidecar) -> 127.0.0.1:8080 (app)"

pass
