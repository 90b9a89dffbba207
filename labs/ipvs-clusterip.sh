#!/usr/bin/env bash
# Lab: a ClusterIP in the shape of kube-proxy's IPVS mode (chapter "kube-proxy
# and its replacements").
#
# A node namespace, ipvs-node, holds the bridge cbr0 for the pod network
# 10.244.1.0/24; the backend pods ipvs-a and ipvs-b answer with their name on
# TCP 8080, and ipvs-client is the client pod. The Service has ClusterIP
# 10.96.0.100, port 80. As kube-proxy does in IPVS mode, the node puts the
# ClusterIP on a dummy device, kube-ipvs0, so that the address is local, and
# ipvsadm creates a virtual server for 10.96.0.100:80 with round-robin
# scheduling and the two pods as real servers, reached by masquerading (NAT).
#
# You will see the ClusterIP answer ping (the node answers: the address is its
# own), connections alternate between the two pods, and IPVS's counters and
# its connection table, which it keeps apart from conntrack.
#
# Everything, IPVS included, lives in namespaces the lab creates: IPVS keeps a
# table per network namespace. Nothing in the root namespace is created or
# changed. Needs the ip_vs, ip_vs_rr, dummy and br_netfilter kernel modules.
# Run as root: sudo bash labs/ipvs-clusterip.sh

source "$(dirname "$0")/lib.sh"
require_module ip_vs ip_vs_rr dummy
# br_netfilter is built in on some kernels, where only its sysctls show it.
[[ -e /proc/sys/net/bridge ]] || require_module br_netfilter
require ipvsadm socat ss ping

N=(ip netns exec ipvs-node)
CLUSTER_IP=10.96.0.100
declare -A IP=([a]=10.244.1.11 [b]=10.244.1.12 [client]=10.244.1.20)

# ask: one TCP connection from ipvs-client to the ClusterIP's port 80; prints the answer.
ask() {
  ip netns exec ipvs-client timeout 20 socat -T 10 -u "TCP:$CLUSTER_IP:80,connect-timeout=5" - 2>/dev/null
}

step "A node with a bridge, two backend pods and a client pod"
make_ns ipvs-node ipvs-a ipvs-b ipvs-client
ip -n ipvs-node link add cbr0 type bridge
ip -n ipvs-node address add 10.244.1.1/24 dev cbr0
ip -n ipvs-node link set cbr0 up
for p in a b client; do
  veth_pair ipvs-node "veth-$p" - "ipvs-$p" eth0 "${IP[$p]}/24"
  ip -n ipvs-node link set "veth-$p" master cbr0
  ip -n "ipvs-$p" route add default via 10.244.1.1
done
"${N[@]}" sysctl -qw net.ipv4.ip_forward=1
# A pod's reply to the client pod crosses the bridge without being routed; IPVS
# must see it to rewrite its source back to the ClusterIP, and its hooks see
# bridged packets only with this on. kube-proxy needs it for the same reason.
"${N[@]}" sysctl -qw net.bridge.bridge-nf-call-iptables=1
expect_ping ipvs-client "${IP[a]}"

step "Each backend pod answers with its own name on TCP 8080"
for p in a b; do
  lab_bg ip netns exec "ipvs-$p" timeout 300 socat TCP-LISTEN:8080,reuseaddr,fork \
    SYSTEM:"echo pod-$p answered \$SOCAT_PEERADDR"
  wait_listening "ipvs-$p" 8080
done
printf '$ ip netns exec ipvs-client socat -u TCP:%s:8080 -\n' "${IP[b]}"
ip netns exec ipvs-client timeout 20 socat -T 10 -u "TCP:${IP[b]}:8080" - || fail "ipvs-client cannot reach pod-b directly"

step "kube-ipvs0: a dummy device that makes the ClusterIP an address of the node"
show ip -n ipvs-node link add kube-ipvs0 type dummy
show ip -n ipvs-node address add "$CLUSTER_IP/32" dev kube-ipvs0
show ip -n ipvs-node -br address show dev kube-ipvs0
show ip -n ipvs-node route show table local dev kube-ipvs0
ok "kube-ipvs0 stays DOWN, as kube-proxy leaves it: the local route is all IPVS needs"
expect_ping ipvs-client "$CLUSTER_IP"
ok "the ClusterIP answers ping: the node itself replies, unlike in iptables mode"

step "An IPVS virtual server for the Service, with the pods as real servers"
show "${N[@]}" ipvsadm -A -t "$CLUSTER_IP:80" -s rr
show "${N[@]}" ipvsadm -a -t "$CLUSTER_IP:80" -r "${IP[a]}:8080" -m
show "${N[@]}" ipvsadm -a -t "$CLUSTER_IP:80" -r "${IP[b]}:8080" -m
show "${N[@]}" ipvsadm -Ln
ok "-m is masquerading (NAT): IPVS rewrites the destination to the pod, and the source of the replies back"

step "Six connections to the ClusterIP: round robin alternates between the pods"
printf '$ ip netns exec ipvs-client socat -u TCP:%s:80 -    # 6 times\n' "$CLUSTER_IP"
answers=()
for i in 1 2 3 4 5 6; do
  answer=$(ask) || fail "connection $i to $CLUSTER_IP:80 failed"
  [[ $answer == "pod-"[ab]" answered ${IP[client]}" ]] || fail "connection $i: unexpected answer: $answer"
  echo "$answer"
  answers+=("${answer%% *}")
done
for i in 1 2 3 4 5; do
  [[ ${answers[i]} != "${answers[i - 1]}" ]] || fail "connections $i and $((i + 1)) both went to ${answers[i]}"
done
ok "the pods took turns, and each saw the client pod's own address: no source NAT on the way in"

step "IPVS's counters and connection table"
# The kernel adds up its per-CPU counters for ipvsadm on a timer (every 2 s):
# the totals can lag the connections by that much.
conns_of() { awk -v rs="${IP[$1]}:8080" '$2 == rs { print $3 }' <<<"$("${N[@]}" ipvsadm -Ln --stats)"; }
counted_three_each() { [[ $(conns_of a) == 3 && $(conns_of b) == 3 ]]; }
wait_for 5 "IPVS's counters to reach 3 connections per real server" counted_three_each
show "${N[@]}" ipvsadm -Ln --stats
ok "each real server counted 3 of the 6 connections"
show "${N[@]}" ipvsadm -Lnc
[[ $("${N[@]}" ipvsadm -Lnc) =~ TIME_WAIT\ +${IP[client]}:[0-9]+\ +$CLUSTER_IP:80\ +10\.244\.1\.1[12]:8080 ]] \
  || fail "no client -> ClusterIP -> pod entry in IPVS's connection table"
ok "IPVS keeps its own connection table, apart from conntrack: client, virtual address, real server"

pass
