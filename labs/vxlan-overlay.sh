#!/usr/bin/env bash
# Lab: a VXLAN overlay between two "hosts" (chapter "Overlay networks and VXLAN").
#
# Two namespaces vx-h1 and vx-h2 play hosts joined by an underlay veth link
# (192.168.100.0/24). Each host has a VXLAN device (VNI 42, UDP 4789, its own
# underlay address as source, learning off) attached to a bridge, and a
# "container" namespace (vx-c1, vx-c2) on that bridge, in the overlay subnet
# 10.42.0.0/24. The lab shows that without forwarding entries nothing crosses;
# that an all-zero FDB entry floods to a remote VTEP (head-end replication);
# that explicit MAC-to-VTEP entries plus static neighbour entries, the way
# flannel programs them, carry traffic without any flooding; that the
# underlay sees UDP port 4789 with VNI 42; what the 50-byte overhead does to a
# full-size packet; and that removing the FDB entry cuts the path.
#
# Nothing in the root namespace is touched. Run as root: sudo bash labs/vxlan-overlay.sh

source "$(dirname "$0")/lib.sh"
require bridge tcpdump ping
lab_tmpdir

step "The underlay: two hosts on one link"
make_ns vx-h1 vx-h2 vx-c1 vx-c2
show ip -n vx-h1 link add eth0 type veth peer name eth0 netns vx-h2
ip -n vx-h1 address add 192.168.100.1/24 dev eth0
ip -n vx-h2 address add 192.168.100.2/24 dev eth0
ip -n vx-h1 link set eth0 up
ip -n vx-h2 link set eth0 up
wait_up vx-h1 eth0
wait_up vx-h2 eth0
expect_ping vx-h1 192.168.100.2

step "On each host: a VTEP (vxlan0) and a container (vx-cN) on a bridge"
for i in 1 2; do
  h=vx-h$i
  show ip -n "$h" link add vxlan0 type vxlan id 42 dstport 4789 local "192.168.100.$i" dev eth0 nolearning
  ip -n "$h" link add br0 type bridge
  ip -n "$h" link set vxlan0 master br0
  ip -n "$h" link add "veth-c$i" type veth peer name eth0 netns "vx-c$i"
  ip -n "$h" link set "veth-c$i" master br0
  for dev in vxlan0 br0 "veth-c$i"; do ip -n "$h" link set "$dev" up; done
  ip -n "vx-c$i" address add "10.42.0.$i/24" dev eth0
  ip -n "vx-c$i" link set eth0 up
  wait_up "vx-c$i" eth0
done
show ip -n vx-h1 -d link show vxlan0
show ip -n vx-h1 -br link
show ip -n vx-c1 -br address

step "The kernel sized the VTEP for the 50-byte VXLAN overhead"
mtu=$(ip -n vx-h1 -o link show dev vxlan0 | sed -n 's/.* mtu \([0-9]*\) .*/\1/p')
[[ $mtu == 1450 ]] || fail "vxlan0 has MTU $mtu, expected 1450"
ok "vxlan0 has MTU $mtu: 1500 on the underlay minus 50"
show ip -n vx-c1 link show dev eth0

step "No forwarding entry: vxlan0 does not know where to send anything"
show bridge -n vx-h1 fdb show dev vxlan0
expect_no_ping vx-c1 10.42.0.2

step "Flooding by head-end replication: an all-zero entry per remote VTEP"
show bridge -n vx-h1 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.2
show bridge -n vx-h2 fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.1
# The failed attempt above left an unresolved ARP entry in vx-c1, retried only
# once a second; start resolution afresh and allow a few seconds for it.
ip -n vx-c1 neigh flush dev eth0
ip -n vx-c2 neigh flush dev eth0
wait_for 10 "vx-c1 to reach 10.42.0.2 through the flood entries" ip netns exec vx-c1 ping -c 1 -W 1 10.42.0.2
expect_ping vx-c1 10.42.0.2
show bridge -n vx-h1 fdb show dev vxlan0
ok "with nolearning, vxlan0 learned no remote entry: every frame went through the flood entry"

step "Programmed entries instead, the way a CNI control plane does it"
show bridge -n vx-h1 fdb del 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.2
show bridge -n vx-h2 fdb del 00:00:00:00:00:00 dev vxlan0 dst 192.168.100.1
ip -n vx-c1 neigh flush dev eth0
ip -n vx-c2 neigh flush dev eth0
expect_no_ping vx-c1 10.42.0.2
C1=$(mac vx-c1 eth0)
C2=$(mac vx-c2 eth0)
show bridge -n vx-h1 fdb append "$C2" dev vxlan0 dst 192.168.100.2
show bridge -n vx-h2 fdb append "$C1" dev vxlan0 dst 192.168.100.1
show ip -n vx-c1 neigh replace 10.42.0.2 lladdr "$C2" dev eth0 nud permanent
show ip -n vx-c2 neigh replace 10.42.0.1 lladdr "$C1" dev eth0 nud permanent
expect_ping vx-c1 10.42.0.2
show bridge -n vx-h1 fdb show dev vxlan0

step "On the wire: UDP to port 4789 carrying VNI 42"
capture vx-h2 "$WORK/out" -lni eth0 -c 2 udp port 4789
tcpdump=$!
expect_ping vx-c1 10.42.0.2
wait "$tcpdump" || fail "tcpdump on the underlay did not see the request and the reply"
printf '$ ip netns exec vx-h2 tcpdump -lni eth0 -c 2 udp port 4789\n'
cat "$WORK/out"
grep -q '192.168.100.1.[0-9]* > 192.168.100.2.4789: VXLAN, flags \[I\] (0x08), vni 42' "$WORK/out" \
  || fail "the capture shows no VXLAN packet to 192.168.100.2:4789"
grep -q 'IP 10.42.0.1 > 10.42.0.2: ICMP echo request' "$WORK/out" \
  || fail "the capture shows no inner echo request"
ok "the underlay carried the overlay ping inside UDP 4789, VNI 42"

step "Without MTU adjustment, a full-size packet vanishes without an error"
if show ip netns exec vx-c1 ping -c 1 -W 1 -M "do" -s 1472 10.42.0.2; then
  fail "a 1500-byte packet crossed a 1450-byte VTEP"
fi
ok "the 1500-byte packet left vx-c1 and the bridge dropped it in front of vxlan0: no error, no ICMP"
show ip netns exec vx-c1 ping -c 1 -W 1 -M "do" -s 1422 10.42.0.2
ok "a 1450-byte packet fits"
show ip -n vx-c1 link set dev eth0 mtu 1450
ip -n vx-c2 link set dev eth0 mtu 1450
if show ip netns exec vx-c1 ping -c 1 -W 1 -M "do" -s 1472 10.42.0.2 2>&1; then
  fail "vx-c1 sent a 1500-byte packet on a 1450-byte interface"
fi
ok "with the container's MTU at 1450, the sender learns the limit at once instead of losing packets"

step "Remove the FDB entry: the overlay path is gone"
show bridge -n vx-h1 fdb del "$C2" dev vxlan0 dst 192.168.100.2
show bridge -n vx-h1 fdb show dev vxlan0
expect_no_ping vx-c1 10.42.0.2

pass
