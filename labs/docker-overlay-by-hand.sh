#!/usr/bin/env bash
# Lab: Docker's overlay network by hand, and a macvlan container (chapter
# "Multi-host Docker networking").
#
# Docker's engine and Swarm do not run here: this lab builds with ip and
# bridge what Docker's overlay driver builds on every node of a swarm, and
# programs by hand what the swarm's gossip layer would tell each node.
#
# Two namespaces dko-h1 and dko-h2 play two hosts joined by an underlay link
# (192.168.50.0/24). On each host, as Docker does for an overlay network, an
# "overlay namespace" (dko-ov1, dko-ov2) holds a bridge br0 and a VXLAN device
# vxlan0 (VNI 256, UDP port 4789, with Docker's options proxy, learning, l2miss
# and l3miss). vxlan0 is created in the host namespace, so that its UDP socket
# lives there, and then moved into the overlay namespace. A "container"
# namespace per host (dko-c1 at 10.0.1.2, dko-c2 at 10.0.1.3, MTU 1450) hangs
# off br0 on a veth pair. The lab shows that nothing crosses until each
# overlay namespace has, for every remote container, a neighbour entry
# (IP -> MAC) and an FDB entry (MAC -> remote host): exactly the two entries
# Docker's driver programs from what the gossip delivers. It shows the ARP
# request answered on the local host by vxlan0's proxy, the VXLAN packets on
# the underlay, and the path vanishing with the entries.
#
# Then a macvlan demo: a macvlan child of dko-h1's underlay interface, moved
# into a container namespace dko-m1 with an address of the underlay subnet,
# talks to dko-h2 directly, while dko-h1 itself cannot reach it until it gets
# a macvlan interface of its own. (ipvlan is not demonstrated: this guide's lab
# kernel has no ipvlan support.)
#
# Nothing in the root namespace is created or changed.
# Run as root: sudo bash labs/docker-overlay-by-hand.sh

source "$(dirname "$0")/lib.sh"
require bridge tcpdump ping
lab_tmpdir

# up NS DEV: bring DEV up in NS.
up() { ip -n "$1" link set "$2" up; }

step "The underlay: two hosts on one link"
make_ns dko-h1 dko-h2 dko-ov1 dko-ov2 dko-c1 dko-c2
show ip -n dko-h1 link add eth0 type veth peer name eth0 netns dko-h2
ip -n dko-h1 address add 192.168.50.1/24 dev eth0
ip -n dko-h2 address add 192.168.50.2/24 dev eth0
up dko-h1 eth0
up dko-h2 eth0
wait_up dko-h1 eth0
expect_ping dko-h1 192.168.50.2

step "On each host, the overlay driver's namespace: br0 plus vxlan0 (VNI 256, port 4789)"
for i in 1 2; do
  h=dko-h$i ov=dko-ov$i
  show ip -n "$h" link add vxlan0 type vxlan id 256 dstport 4789 local "192.168.50.$i" dev eth0 \
    proxy learning l2miss l3miss
  if [[ $i == 1 ]]; then show ip -n "$h" -d link show vxlan0; fi
  show ip -n "$h" link set vxlan0 netns "$ov"
  ip -n "$ov" link add br0 type bridge
  ip -n "$ov" link set vxlan0 master br0
  ip -n "$ov" link add "veth-c$i" type veth peer name eth0 netns "dko-c$i"
  ip -n "$ov" link set "veth-c$i" master br0
  for dev in br0 vxlan0 "veth-c$i"; do up "$ov" "$dev"; done
  ip -n "dko-c$i" address add "10.0.1.$((i + 1))/24" dev eth0
  ip -n "dko-c$i" link set eth0 mtu 1450
  up "dko-c$i" eth0
  wait_up "dko-c$i" eth0
done
show ip -n dko-ov1 -br link
show ip -n dko-ov1 link show vxlan0
ok "vxlan0 sits in dko-ov1 but keeps link-netns dko-h1: its UDP socket and its underlay stay in the host namespace"
show ip -n dko-c1 -br address
show ip -n dko-c1 link show eth0
mtu=$(ip -n dko-ov1 -o link show dev vxlan0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')
[[ $mtu == 1450 ]] || fail "vxlan0 has MTU $mtu, expected 1450"
ok "vxlan0 and the containers' eth0 use MTU 1450: 1500 on the underlay minus 50 bytes of VXLAN"

step "No neighbour entry, no FDB entry: nothing crosses"
show bridge -n dko-ov1 fdb show dev vxlan0
show ip -n dko-ov1 neigh show dev vxlan0
expect_no_ping dko-c1 10.0.1.3
ok "vxlan0 has no idea where 10.0.1.3 lives (with l2miss and l3miss it only tells listeners on netlink)"

step "Program what the gossip would deliver: a neighbour and an FDB entry per remote container"
C1=$(mac dko-c1 eth0)
C2=$(mac dko-c2 eth0)
show ip -n dko-ov1 neigh replace 10.0.1.3 lladdr "$C2" dev vxlan0 nud permanent
show bridge -n dko-ov1 fdb replace "$C2" dev vxlan0 dst 192.168.50.2 self permanent
show ip -n dko-ov2 neigh replace 10.0.1.2 lladdr "$C1" dev vxlan0 nud permanent
show bridge -n dko-ov2 fdb replace "$C1" dev vxlan0 dst 192.168.50.1 self permanent
show bridge -n dko-ov1 fdb show dev vxlan0
ip -n dko-c1 neigh flush dev eth0
ip -n dko-c2 neigh flush dev eth0
wait_for 10 "dko-c1 to reach 10.0.1.3 over the overlay" ip netns exec dko-c1 ping -c 1 -W 1 10.0.1.3
expect_ping dko-c1 10.0.1.3
expect_ping dko-c2 10.0.1.2

step "ARP is answered on the local host; the underlay carries only the IP packets, in UDP 4789, VNI 256"
ip -n dko-c1 neigh flush dev eth0
ip -n dko-c2 neigh flush dev eth0
capture dko-h2 "$WORK/out" -lni eth0 -c 2 udp port 4789
tcpdump=$!
expect_ping dko-c1 10.0.1.3
wait "$tcpdump" || fail "tcpdump on the underlay did not see the request and the reply"
printf '$ ip netns exec dko-h2 tcpdump -lni eth0 -c 2 udp port 4789\n'
cat "$WORK/out"
grep -q '192.168.50.1.[0-9]* > 192.168.50.2.4789: VXLAN, flags \[I\] (0x08), vni 256' "$WORK/out" \
  || fail "the capture shows no VXLAN packet from 192.168.50.1 to 192.168.50.2:4789 with VNI 256"
grep -q 'IP 10.0.1.2 > 10.0.1.3: ICMP echo request' "$WORK/out" || fail "the capture shows no inner echo request"
if grep -q ARP "$WORK/out"; then fail "an ARP packet crossed the underlay"; fi
show ip -n dko-c1 neigh show dev eth0
[[ $(ip -n dko-c1 neigh show 10.0.1.3 dev eth0) == *"lladdr $C2 "* ]] || fail "dko-c1 did not learn dko-c2's MAC"
ok "dko-c1 resolved 10.0.1.3 to dko-c2's MAC, yet no ARP crossed: vxlan0 (proxy) answered from its neighbour table"

step "A container leaves: remove its entries, and the path is gone"
show bridge -n dko-ov1 fdb del "$C2" dev vxlan0 dst 192.168.50.2 self
show ip -n dko-ov1 neigh del 10.0.1.3 dev vxlan0
ip -n dko-c1 neigh flush dev eth0
expect_no_ping dko-c1 10.0.1.3

step "macvlan: a child of dko-h1's eth0, with its own MAC, moved into a container namespace"
make_ns dko-m1
show ip -n dko-h1 link add mv0 link eth0 type macvlan mode bridge
show ip -n dko-h1 link set mv0 netns dko-m1
ip -n dko-m1 link set mv0 name eth0
ip -n dko-m1 address add 192.168.50.10/24 dev eth0
up dko-m1 eth0
wait_up dko-m1 eth0
show ip -n dko-m1 -d link show eth0
show ip -n dko-m1 -br address
expect_ping dko-m1 192.168.50.2
show ip -n dko-h2 neigh show dev eth0
H1=$(mac dko-h1 eth0)
M1=$(mac dko-m1 eth0)
[[ $H1 != "$M1" ]] || fail "the macvlan child has its parent's MAC"
[[ $(ip -n dko-h2 neigh show 192.168.50.10 dev eth0) == *"lladdr $M1 "* ]] || fail "dko-h2 does not see the child's own MAC"
ok "dko-h2 sees 192.168.50.10 as a separate station with its own MAC: no bridge, no NAT, no tunnel"

step "The host cannot reach its own macvlan child through the parent"
expect_no_ping dko-h1 192.168.50.10
ok "frames the parent sends go out to the wire, never to its own macvlan children"
show ip -n dko-h1 link add mv-host link eth0 type macvlan mode bridge
show ip -n dko-h1 address add 192.168.50.11/32 dev mv-host
up dko-h1 mv-host
wait_up dko-h1 mv-host
show ip -n dko-h1 route add 192.168.50.10/32 dev mv-host
expect_ping dko-h1 192.168.50.10
ok "through a macvlan interface of its own (bridge mode), the host reaches its child"

pass
