#!/usr/bin/env bash
# Lab: a Linux bridge joining three "containers" (chapter "The Linux bridge").
#
# Builds what docker0 or the CNI bridge plugin builds: a bridge br0 in a
# "host" namespace with the gateway address 10.20.0.1/24, and three container
# namespaces whose veth host ends are ports of br0. Shows that all of them
# reach each other and the gateway; that the bridge learned each container's
# MAC address on the right port (checked against the containers' eth0); that
# unicast to an unknown address is flooded to every port; what br_netfilter
# makes iptables see, switched per namespace; and that a port taken down or
# detached cuts its container off.
#
# The "host" is a namespace too (br-host): nothing in the root namespace is
# created or changed, and no global sysctl is touched. Run as root:
#   sudo bash labs/bridge-three-ns.sh

source "$(dirname "$0")/lib.sh"
require bridge tcpdump iptables
lab_tmpdir

GW=10.20.0.1
declare -A IP=([1]=10.20.0.11 [2]=10.20.0.12 [3]=10.20.0.13)

# learned_port MAC: the bridge port on which br0 has learned MAC (empty if none).
learned_port() {
  bridge -n br-host fdb show br br0 | awk -v m="$1" '$1 == m && !/permanent/ { print $3 }'
}

step "A host namespace with a bridge, and three container namespaces"
make_ns br-host br-c1 br-c2 br-c3
show ip -n br-host link add br0 type bridge
show ip -n br-host address add "$GW/24" dev br0
show ip -n br-host link set br0 up
ageing=$(ip -n br-host -d link show br0 | grep -o 'ageing_time [0-9]*' | cut -d' ' -f2)
stp=$(ip -n br-host -d link show br0 | grep -o 'stp_state [0-9]*' | cut -d' ' -f2)
echo "br0 defaults: ageing_time $ageing (centiseconds), stp_state $stp"
[[ $ageing == 30000 && $stp == 0 ]] || fail "unexpected bridge defaults: ageing_time=$ageing stp_state=$stp"
ok "learned entries age out after 300 s, and STP is off"

step "Plug each container in: a veth pair, host end enslaved to br0"
for i in 1 2 3; do
  show ip -n br-host link add "veth-c$i" type veth peer name eth0 netns "br-c$i"
  show ip -n br-host link set "veth-c$i" master br0
  ip -n br-host link set "veth-c$i" up
  ip -n "br-c$i" address add "${IP[$i]}/24" dev eth0
  ip -n "br-c$i" link set eth0 up
  ip -n "br-c$i" route add default via "$GW"
done
# forwarding PORT: has br0 put PORT in the forwarding state?
forwarding() { [[ $(bridge -n br-host link show dev "$1") == *"state forwarding"* ]]; }
for i in 1 2 3; do wait_for 10 "veth-c$i to forward" forwarding "veth-c$i"; done
show bridge -n br-host link
show ip -n br-c1 route

step "Every container reaches the others and the gateway"
for i in 1 2 3; do
  expect_ping "br-c$i" "$GW"
  for j in 1 2 3; do
    [[ $i == "$j" ]] || expect_ping "br-c$i" "${IP[$j]}"
  done
done

step "The bridge has learned each container's MAC on its port"
show bridge -n br-host fdb show br br0
for i in 1 2 3; do
  m=$(mac "br-c$i" eth0)
  show ip -n "br-c$i" -br link show dev eth0
  port=$(learned_port "$m")
  [[ $port == "veth-c$i" ]] || fail "MAC $m of br-c$i was learned on '${port:-nothing}', not veth-c$i"
  ok "$m (eth0 of br-c$i) is learned on veth-c$i"
done

step "Known unicast goes to one port; unknown unicast is flooded to all"
# count_seen_by_c3: set SEEN to how many of three echo requests from br-c1 to
# br-c2 reached br-c3's eth0. tcpdump's closing line "N packets received by
# filter" is the kernel's own count of matching frames, complete as soon as the
# pings have been answered, however late tcpdump itself gets to print them.
count_seen_by_c3() {
  capture br-c3 "$WORK/c3" -n -i eth0 "icmp and dst host ${IP[2]}"
  local tcpdump=$!
  for _ in 1 2 3; do ip netns exec br-c1 ping -c 1 -W 1 "${IP[2]}" >/dev/null 2>&1 || true; done
  stop_bg "$tcpdump"
  SEEN=$(sed -n 's/^\([0-9]*\) packets\{0,1\} received by filter$/\1/p' "$WORK/c3.err")
}
count_seen_by_c3
[[ $SEEN == 0 ]] || fail "br-c3 saw traffic for br-c2 although br0 knows br-c2's port"
ok "br-c3 sees none of br-c1's echo requests to ${IP[2]}: br0 sends them to veth-c2 only"
show bridge -n br-host link set dev veth-c2 learning off
show bridge -n br-host fdb del "$(mac br-c2 eth0)" dev veth-c2 master
count_seen_by_c3
[[ $SEEN -ge 1 ]] || fail "br-c3 did not see the flooded frame for br-c2"
ok "br-c3 now sees them: with no FDB entry for br-c2's MAC, br0 floods them to every port"
show bridge -n br-host link set dev veth-c2 learning on
expect_ping br-c1 "${IP[2]}"

step "br_netfilter: bridged IPv4 passes the iptables FORWARD hook of br-host"
# The lab loads no module: without br_netfilter (a module on most distributions,
# built in on some kernels) /proc/sys/net/bridge does not exist, and this step
# is skipped.
if ! ip netns exec br-host test -e /proc/sys/net/bridge/bridge-nf-call-iptables; then
  echo "skipped: br_netfilter is not loaded on this machine, and this lab does not load it"
else
  show ip netns exec br-host sysctl net.bridge.bridge-nf-call-iptables
  show ip netns exec br-host iptables -A FORWARD -m physdev --physdev-in veth-c1 --physdev-out veth-c2 -s "${IP[1]}" -d "${IP[2]}"
  count() { ip netns exec br-host iptables -L FORWARD -v -n -x | awk '/PHYSDEV/ { print $1 }'; }
  expect_ping br-c1 "${IP[2]}"
  before=$(count)
  show ip netns exec br-host iptables -L FORWARD -v -n -x
  [[ $before -ge 1 ]] || fail "the FORWARD rule in br-host counted no bridged packet"
  ok "iptables in br-host counted $before bridged packet(s) from veth-c1 to veth-c2"
  show ip netns exec br-host sysctl -w net.bridge.bridge-nf-call-iptables=0
  expect_ping br-c1 "${IP[2]}"
  after=$(count)
  [[ $after == "$before" ]] || fail "the counter moved from $before to $after with bridge-nf-call-iptables=0"
  ok "with the namespace's switch off, the counter stays at $after"
fi

step "Take a port down: its container is cut off, the others are not"
show ip -n br-host link set veth-c3 down
show bridge -n br-host link show dev veth-c3
expect_no_ping br-c1 "${IP[3]}"
expect_no_ping br-c3 "$GW"
expect_ping br-c1 "${IP[2]}"
[[ -z $(learned_port "$(mac br-c3 eth0)") ]] || fail "br0 still has a learned entry for br-c3"
ok "the entries learned on veth-c3 were flushed"
show ip -n br-host link set veth-c3 up
wait_for 10 "veth-c3 to forward again" forwarding veth-c3
expect_ping br-c1 "${IP[3]}"

step "Detach a port from the bridge: the veth is up, but leads nowhere"
show ip -n br-host link set veth-c3 nomaster
show bridge -n br-host link
expect_no_ping br-c1 "${IP[3]}"
expect_no_ping br-c3 "$GW"
expect_ping br-c2 "${IP[1]}"

pass
