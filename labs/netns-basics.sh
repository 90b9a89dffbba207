#!/usr/bin/env bash
# Lab: network namespace basics (chapter "Network namespaces").
#
# Shows that a new network namespace starts with nothing but a DOWN loopback
# device; where a named namespace lives (/run/netns) and three ways into it
# (ip netns exec, nsenter, a process's /proc/PID/ns/net); that moving a device
# to another namespace hides it from the first and strips its addresses; that
# a veth pair joins two namespaces while a third, unlinked one stays cut off;
# and how to ask which namespace a process is in.
#
# The "host" of the story is a namespace too (netns-host): nothing in the
# root namespace is created or changed. Run as root: sudo bash labs/netns-basics.sh

source "$(dirname "$0")/lib.sh"
require unshare nsenter findmnt ping

step "A namespace straight from the kernel has only lo, and lo is DOWN"
show unshare --net ip address
if show unshare --net ping -c 1 -W 1 127.0.0.1 2>&1; then
  fail "ping to 127.0.0.1 worked with lo DOWN"
fi
ok "with lo DOWN, even 127.0.0.1 is unreachable"

step "Create three named namespaces (make_ns also brings lo up)"
make_ns netns-host netns-ctr netns-other
show ip -n netns-ctr address
expect_ping netns-ctr 127.0.0.1

step "A named namespace is a file in /run/netns, bind-mounted from nsfs"
show stat -f -c %T /run/netns/netns-ctr
show findmnt -n -o TARGET,SOURCE,FSTYPE /run/netns/netns-ctr

step "Three ways in, one namespace: ip netns exec, nsenter, the file itself"
show readlink /proc/self/ns/net
show ip netns exec netns-ctr readlink /proc/self/ns/net
show nsenter --net=/run/netns/netns-ctr readlink /proc/self/ns/net
via_exec=$(ip netns exec netns-ctr readlink /proc/self/ns/net)
via_nsenter=$(nsenter --net=/run/netns/netns-ctr readlink /proc/self/ns/net)
via_file="net:[$(stat -L -c %i /run/netns/netns-ctr)]"
[[ $via_exec == "$via_nsenter" && $via_exec == "$via_file" ]] \
  || fail "exec=$via_exec nsenter=$via_nsenter file=$via_file"
[[ $via_exec != "$(readlink /proc/self/ns/net)" ]] || fail "netns-ctr is the namespace of this shell"
ok "all three name the same namespace, and it is not ours"

step "ip netns exec also remounts /sys for the namespace; plain nsenter does not"
show ip netns exec netns-ctr ls /sys/class/net
exec_sys=$(ip netns exec netns-ctr ls /sys/class/net)
nsenter_sys=$(nsenter --net=/run/netns/netns-ctr ls /sys/class/net)
[[ $exec_sys == lo ]] || fail "ip netns exec sees in /sys: $exec_sys"
[[ $nsenter_sys == "$(ls /sys/class/net)" ]] || fail "nsenter sees in /sys: $nsenter_sys"
ok "under nsenter, /sys/class/net still lists the devices of the namespace that mounted /sys"

step "Move a device: it leaves one namespace's list and loses its addresses"
show ip -n netns-host tuntap add dev tap0 mode tap
show ip -n netns-host address add 198.51.100.1/24 dev tap0
show ip -n netns-host -br link show dev tap0
show ip -n netns-host -br address show dev tap0
mac_before=$(mac netns-host tap0)
show ip -n netns-host link set dev tap0 netns netns-ctr
show ip -n netns-host -br link
if ip -n netns-host link show dev tap0 >/dev/null 2>&1; then fail "tap0 is still in netns-host"; fi
ok "tap0 is gone from netns-host"
show ip -n netns-ctr -br link show dev tap0
show ip -n netns-ctr -br address show dev tap0
[[ $(mac netns-ctr tap0) == "$mac_before" ]] || fail "tap0 changed its MAC address"
[[ -z $(ip -n netns-ctr -o address show dev tap0) ]] || fail "tap0 kept an address"
ok "tap0 arrived in netns-ctr with the same MAC and no address"
show ip -n netns-ctr link del dev tap0

step "Join netns-host and netns-ctr with a veth pair, made from inside netns-host"
show ip -n netns-host link add veth-ctr type veth peer name eth0 netns netns-ctr
show ip -n netns-host -br link
show ip -n netns-host address add 10.0.0.1/24 dev veth-ctr
show ip -n netns-ctr address add 10.0.0.2/24 dev eth0
show ip -n netns-host link set veth-ctr up
show ip -n netns-ctr link set eth0 up
wait_up netns-ctr eth0
show ip -n netns-ctr -br address
show ip -n netns-ctr route

step "The pair carries traffic; the unlinked namespace cannot reach it"
expect_ping netns-ctr 10.0.0.1
expect_ping netns-host 10.0.0.2
show ip -n netns-other -br address
expect_no_ping netns-other 10.0.0.2

step "Which namespace is a process in?"
lab_bg ip netns exec netns-ctr timeout 30 sleep 30
SLEEP_PID=$!
in_ctr() { [[ $(ip netns identify "$SLEEP_PID") == netns-ctr ]]; }
wait_for 10 "process $SLEEP_PID to enter netns-ctr" in_ctr
show ip netns identify "$SLEEP_PID"
[[ $(readlink "/proc/$SLEEP_PID/ns/net") == "$via_file" ]] || fail "/proc/$SLEEP_PID/ns/net is another namespace"
ok "/proc/$SLEEP_PID/ns/net is the namespace of /run/netns/netns-ctr"
show nsenter --target "$SLEEP_PID" --net ip -br address show dev eth0
stop_bg "$SLEEP_PID"

step "Deleting a namespace destroys its virtual devices, and a veth dies with either end"
show ip netns del netns-ctr
gone() { ! ip -n netns-host link show dev veth-ctr; }
wait_for 10 "veth-ctr to disappear from netns-host" gone
show ip -n netns-host -br link
ok "veth-ctr went away with its peer"

pass
