#!/usr/bin/env bash
# Lab: pod to pod, on one node and across two (chapter "Pod to Pod").
#
# Two namespaces play Kubernetes nodes, p2p-n1 and p2p-n2, joined by an
# underlay veth link (192.168.50.0/24). Each node has a pod CIDR of its own,
# 10.244.1.0/24 and 10.244.2.0/24, as the controller-manager would write into
# node.spec.podCIDR. The lab plays the container runtime: it runs the real
# CNI `bridge` plugin with `host-local` IPAM inside each node namespace to
# attach pod namespaces (p2p-a and p2p-b on node 1, p2p-c on node 2) to a
# cni0 bridge. Then:
#   1. pods on one node talk through cni0 without any routing;
#   2. across nodes nothing works until each node has a route to the other's
#      pod CIDR via the other's underlay address (a routed network, like
#      flannel's host-gw or Calico without encapsulation), and the underlay
#      then carries the pod addresses unchanged;
#   3. the routes are removed and replaced by a VXLAN overlay programmed the
#      way flannel's vxlan backend does it (a flannel.1 VTEP per node, one
#      onlink route, one permanent neighbour entry and one FDB entry per
#      remote node), and the underlay carries UDP 8472 between node addresses;
#   4. the overlay costs 50 bytes: the pod's 1500-byte MTU meets a 1450-byte
#      VTEP.
#
# host-local keeps its state in a scratch directory the lab creates and
# removes (never /var/lib/cni). Everything lands in the lab's namespaces; the
# root namespace is not touched. Run as root: sudo bash labs/pod-to-pod.sh

source "$(dirname "$0")/lib.sh"
CNI_BIN=${CNI_BIN:-/usr/lib/cni}   # Debian's path; upstream tarballs use /opt/cni/bin
require jq tcpdump bridge ping "$CNI_BIN/bridge" "$CNI_BIN/host-local"

# The CNI configurations, results and host-local's state go to a scratch directory.
lab_tmpdir

N1_IP=192.168.50.11
N2_IP=192.168.50.12

# mtu NS DEV: the device's MTU, read inside NS.
mtu() { ip -n "$1" -o link show dev "$2" | sed -n 's/.* mtu \([0-9]*\) .*/\1/p'; }

# netconf NODE SUBNET: the CNI network configuration a node uses for its pods.
netconf() {
  cat >"$WORK/$1.json" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "podnet",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipMasq": false,
  "ipam": {
    "type": "host-local",
    "dataDir": "$WORK/ipam-$1",
    "ranges": [[{"subnet": "$2"}]],
    "routes": [{"dst": "0.0.0.0/0"}]
  }
}
EOF
}

# cni_add NODE POD: run the bridge plugin inside NODE, as a runtime would, to
# wire POD; print the addresses of the result, and wait for the pod's eth0.
cni_add() {
  printf '$ ip netns exec %s env CNI_COMMAND=ADD CNI_CONTAINERID=%s CNI_NETNS=/run/netns/%s CNI_IFNAME=eth0 CNI_PATH=%s %s/bridge < %s.json | jq -c .ips\n' \
    "$1" "$2" "$2" "$CNI_BIN" "$CNI_BIN" "$1"
  ip netns exec "$1" env CNI_COMMAND=ADD CNI_CONTAINERID="$2" CNI_NETNS="/run/netns/$2" \
    CNI_IFNAME=eth0 CNI_PATH="$CNI_BIN" "$CNI_BIN/bridge" <"$WORK/$1.json" >"$WORK/$2.result" \
    || { cat "$WORK/$2.result"; fail "CNI ADD for $2 failed"; }
  jq -c .ips "$WORK/$2.result"
  wait_up "$2" eth0
}

step "Two nodes on one underlay link"
make_ns p2p-n1 p2p-n2 p2p-a p2p-b p2p-c
show ip -n p2p-n1 link add eth0 type veth peer name eth0 netns p2p-n2
ip -n p2p-n1 address add "$N1_IP/24" dev eth0
ip -n p2p-n2 address add "$N2_IP/24" dev eth0
ip -n p2p-n1 link set eth0 up
ip -n p2p-n2 link set eth0 up
show ip netns exec p2p-n1 sysctl -w net.ipv4.ip_forward=1
ip netns exec p2p-n2 sysctl -qw net.ipv4.ip_forward=1
wait_up p2p-n1 eth0
wait_up p2p-n2 eth0
expect_ping p2p-n1 "$N2_IP"

step "Each node has a pod CIDR of its own; the CNI configuration carries it"
netconf p2p-n1 10.244.1.0/24
netconf p2p-n2 10.244.2.0/24
show cat "$WORK/p2p-n1.json"

step "The runtime asks the bridge plugin to attach two pods on node 1 and one on node 2"
cni_add p2p-n1 p2p-a
cni_add p2p-n1 p2p-b
cni_add p2p-n2 p2p-c
show ip -n p2p-n1 -4 -br address
show ip -n p2p-n1 -br link show master cni0
show ip -n p2p-n1 route
show ls "$WORK/ipam-p2p-n1/podnet"
show ip -n p2p-a -4 -br address show dev eth0
show ip -n p2p-a route

step "On one node: pod to pod through the cni0 bridge, no routing involved"
show ip -n p2p-a route get 10.244.1.3
expect_ping p2p-a 10.244.1.3
show ip -n p2p-a neigh show dev eth0
show ip -n p2p-a route get 10.244.2.2
ok "a pod on the same /24 is a neighbour; anything else goes to the gateway 10.244.1.1 on cni0"

step "Across nodes: node 1 knows no route to node 2's pod CIDR"
if show ip -n p2p-n1 route get 10.244.2.2 2>&1; then fail "p2p-n1 has a route to 10.244.2.2"; fi
expect_no_ping p2p-a 10.244.2.2

step "(a) Routed: each node routes the other's pod CIDR via the other's underlay address"
show ip -n p2p-n1 route add 10.244.2.0/24 via "$N2_IP" dev eth0
show ip -n p2p-n2 route add 10.244.1.0/24 via "$N1_IP" dev eth0
show ip -n p2p-n1 route
expect_ping p2p-a 10.244.2.2
expect_ping p2p-c 10.244.1.3
capture p2p-n2 "$WORK/cap.out" -lni eth0 -c 2 icmp
tcpdump=$!
expect_ping p2p-a 10.244.2.2
wait "$tcpdump" || fail "tcpdump on node 2's underlay did not see the request and the reply"
printf '$ ip netns exec p2p-n2 tcpdump -lni eth0 -c 2 icmp\n'
sed 's/^[0-9:.]* //' "$WORK/cap.out"
grep -q 'IP 10.244.1.2 > 10.244.2.2: ICMP echo request' "$WORK/cap.out" || fail "the underlay did not carry the pod addresses"
ok "the underlay carried the packet with the pod addresses, unchanged"

step "Remove the routes: the pods are cut off again"
show ip -n p2p-n1 route del 10.244.2.0/24 via "$N2_IP" dev eth0
show ip -n p2p-n2 route del 10.244.1.0/24 via "$N1_IP" dev eth0
expect_no_ping p2p-a 10.244.2.2

step "(b) Overlay: a VXLAN device per node, the way flannel's vxlan backend builds it"
for n in 1 2; do
  node=p2p-n$n
  ip_var=N${n}_IP
  show ip -n "$node" link add flannel.1 type vxlan id 1 local "${!ip_var}" dev eth0 dstport 8472 nolearning
  show ip -n "$node" address add "10.244.$n.0/32" dev flannel.1
  ip -n "$node" link set flannel.1 up
done
show ip -n p2p-n1 -d link show flannel.1
V1=$(mac p2p-n1 flannel.1)
V2=$(mac p2p-n2 flannel.1)

step "Per remote node: an onlink route, a permanent neighbour entry and an FDB entry"
show ip -n p2p-n1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
show ip -n p2p-n1 neigh add 10.244.2.0 lladdr "$V2" dev flannel.1 nud permanent
show bridge -n p2p-n1 fdb append "$V2" dev flannel.1 dst "$N2_IP"
show ip -n p2p-n2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
show ip -n p2p-n2 neigh add 10.244.1.0 lladdr "$V1" dev flannel.1 nud permanent
show bridge -n p2p-n2 fdb append "$V1" dev flannel.1 dst "$N1_IP"
show ip -n p2p-n1 route
show ip -n p2p-n1 neigh show dev flannel.1
show bridge -n p2p-n1 fdb show dev flannel.1
expect_ping p2p-a 10.244.2.2
expect_ping p2p-c 10.244.1.3

step "On the underlay: UDP 8472 between the node addresses, the pod packet inside"
capture p2p-n2 "$WORK/cap.out" -lni eth0 -c 2 -T vxlan udp port 8472
tcpdump=$!
expect_ping p2p-a 10.244.2.2
wait "$tcpdump" || fail "tcpdump on node 2's underlay did not see the request and the reply"
printf '$ ip netns exec p2p-n2 tcpdump -lni eth0 -c 2 -T vxlan udp port 8472\n'
sed 's/^[0-9:.]* //' "$WORK/cap.out"
grep -q "IP $N1_IP.[0-9]* > $N2_IP.8472: VXLAN, flags \[I\] (0x08), vni 1" "$WORK/cap.out" \
  || fail "no VXLAN packet from node 1 to node 2 in the capture"
grep -q 'IP 10.244.1.2 > 10.244.2.2: ICMP echo request' "$WORK/cap.out" || fail "no inner pod packet in the capture"
ok "outer: node to node, UDP 8472, VNI 1; inner: pod to pod"

step "MTU: the overlay takes 50 bytes"
printf 'pod eth0:   mtu %s\nflannel.1:  mtu %s\nunderlay:   mtu %s\n' \
  "$(mtu p2p-a eth0)" "$(mtu p2p-n1 flannel.1)" "$(mtu p2p-n1 eth0)"
[[ $(mtu p2p-n1 flannel.1) == 1450 ]] || fail "flannel.1 has MTU $(mtu p2p-n1 flannel.1), expected 1450"
[[ $(mtu p2p-a eth0) == 1500 ]] || fail "the pod's eth0 has MTU $(mtu p2p-a eth0), expected 1500"
if show ip netns exec p2p-a ping -c 1 -W 1 -M "do" -s 1472 10.244.2.2 2>&1; then
  fail "a 1500-byte packet crossed a 1450-byte VTEP"
fi
ok "node 1 routes the packet into flannel.1, finds it too big, and tells the pod with ICMP"
show ip -n p2p-a route get 10.244.2.2
show ip netns exec p2p-a ping -c 1 -W 1 -M "do" -s 1422 10.244.2.2
ok "a 1450-byte packet fits"
show ip -n p2p-a link set dev eth0 mtu 1450
if show ip netns exec p2p-a ping -c 1 -W 1 -M "do" -s 1472 10.244.2.2 2>&1; then
  fail "the pod sent a 1500-byte packet on a 1450-byte interface"
fi
ok "with the pod's MTU at 1450, as the plugin would set it, the limit is known before sending"

pass
