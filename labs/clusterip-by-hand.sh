#!/usr/bin/env bash
# Lab: a ClusterIP by hand, in kube-proxy's iptables mode (chapter "kube-proxy
# and its replacements").
#
# A node namespace (svc-node) holds a bridge, cbr0, for the pod network
# 10.244.1.0/24. Three backend pods (svc-a, svc-b, svc-c) answer with their
# name on TCP 8080 and UDP 5353; a fourth pod, svc-client, is the client. The
# Service shop/web has ClusterIP 10.96.0.100 (80/TCP to 8080, 53/UDP to 5353),
# an address nobody owns. The lab writes by hand the nat-table rules kube-proxy
# would write on the node, with readable names instead of hashes: KUBE-SERVICES
# matches the ClusterIP, KUBE-SVC-* picks an endpoint with `-m statistic`,
# KUBE-SEP-* DNATs to it, KUBE-MARK-MASQ and KUBE-POSTROUTING masquerade.
#
# You will see the Service fail without br_netfilter (the pod's reply skips the
# node), 60 connections spread over the three pods, the translations in
# conntrack, a pod reaching itself only with hairpin mode, and a UDP flow that
# keeps a deleted backend until its conntrack entry goes, which is the clean-up
# kube-proxy does when a UDP endpoint goes away. The lab clusterip-nftables
# builds the same Service in the shape of kube-proxy's nftables mode.
#
# Nothing in the root namespace is created or changed; bridge-nf-call-iptables
# is set inside svc-node, where it is per namespace since Linux 5.3.
# Run as root: sudo bash labs/clusterip-by-hand.sh

source "$(dirname "$0")/lib.sh"
require iptables iptables-save iptables-restore conntrack socat ss ping bridge

N=(ip netns exec svc-node)
CLUSTER_IP=10.96.0.100
PODS=(a b c)
declare -A IP=([a]=10.244.1.11 [b]=10.244.1.12 [c]=10.244.1.13 [client]=10.244.1.20)
declare -A UDP_PID=()

# ask NS: one TCP connection to the ClusterIP's port 80; prints the answer.
# Given up after 1 s without an answer to the SYN (longer in the lab VM, where
# starting socat alone can take a second: LAB_WAIT_SCALE, from lib.sh).
ask() {
  local s=${LAB_WAIT_SCALE:-1}
  ip netns exec "$1" timeout $((5 * s)) socat -T $((3 * s)) -u "TCP:$CLUSTER_IP:80,connect-timeout=$s" - 2>/dev/null
}

# ask_udp: one datagram from svc-client's fixed source port 40053 to the
# ClusterIP's port 53; prints the answer (waiting 2 s for it, longer in the lab
# VM: UDP has no end of stream). The fixed port keeps the 5-tuple, and so the
# conntrack entry, the same from one datagram to the next; so a datagram lost
# on a busy machine can be sent again without changing what is shown.
ask_udp() {
  local s=${LAB_WAIT_SCALE:-1} answer _
  for _ in 1 2; do
    answer=$(echo hello | ip netns exec svc-client timeout $((5 * s)) \
      socat -t $((2 * s)) -T $((2 * s)) - "UDP:$CLUSTER_IP:53,sourceport=40053,reuseaddr" 2>/dev/null) || answer=
    [[ -n $answer ]] && { echo "$answer"; return 0; }
  done
  return 1
}

step "A node with a bridge, three backend pods and a client pod"
make_ns svc-node svc-a svc-b svc-c svc-client
ip -n svc-node link add cbr0 type bridge
ip -n svc-node address add 10.244.1.1/24 dev cbr0
ip -n svc-node link set cbr0 up
for p in a b c client; do
  veth_pair svc-node "veth-$p" - "svc-$p" eth0 "${IP[$p]}/24"
  ip -n svc-node link set "veth-$p" master cbr0
  ip -n "svc-$p" route add default via 10.244.1.1
done
"${N[@]}" sysctl -qw net.ipv4.ip_forward=1
show ip -n svc-node -br address show dev cbr0
show ip -n svc-client route
expect_ping svc-client 10.244.1.11

step "Each backend pod answers with its own name (TCP 8080, UDP 5353)"
for p in "${PODS[@]}"; do
  lab_bg ip netns exec "svc-$p" timeout 180 socat TCP-LISTEN:8080,reuseaddr,fork \
    SYSTEM:"echo pod-$p answered \$SOCAT_PEERADDR"
  lab_bg ip netns exec "svc-$p" timeout 180 socat UDP-RECVFROM:5353,fork SYSTEM:"read line; echo pod-$p"
  UDP_PID[$p]=$!
  wait_listening "svc-$p" 8080
  wait_listening "svc-$p" 5353 udp
done
printf '$ ip netns exec svc-client socat -u TCP:10.244.1.12:8080 -\n'
ip netns exec svc-client timeout 5 socat -T 3 -u TCP:10.244.1.12:8080 - \
  || fail "svc-client cannot reach pod-b directly"

step "Before any rule, the ClusterIP is an address nobody has"
printf '$ ip netns exec svc-client socat -u TCP:%s:80 -\n' "$CLUSTER_IP"
if ask svc-client; then fail "$CLUSTER_IP answered before any rule existed"; fi
ok "no answer: no interface, no route, no listener has $CLUSTER_IP"
show ip -n svc-node route get "$CLUSTER_IP" || true

step "Write the rules kube-proxy's iptables mode would write (nat table of svc-node)"
"${N[@]}" iptables-restore --noflush <<EOF
*nat
:KUBE-SERVICES - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-SVC-LAB - [0:0]
:KUBE-SEP-A - [0:0]
:KUBE-SEP-B - [0:0]
:KUBE-SEP-C - [0:0]
:KUBE-SVC-LABUDP - [0:0]
:KUBE-SEP-AUDP - [0:0]
:KUBE-SEP-BUDP - [0:0]
:KUBE-SEP-CUDP - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -d $CLUSTER_IP/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-LAB
-A KUBE-SERVICES -d $CLUSTER_IP/32 -p udp -m comment --comment "shop/web:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-LABUDP
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-LAB ! -s 10.244.0.0/16 -d $CLUSTER_IP/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-LAB -m comment --comment "shop/web:http -> 10.244.1.11:8080" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-A
-A KUBE-SVC-LAB -m comment --comment "shop/web:http -> 10.244.1.12:8080" -m statistic --mode random --probability 0.5 -j KUBE-SEP-B
-A KUBE-SVC-LAB -m comment --comment "shop/web:http -> 10.244.1.13:8080" -j KUBE-SEP-C
-A KUBE-SEP-A -s 10.244.1.11/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-A -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.11:8080
-A KUBE-SEP-B -s 10.244.1.12/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-B -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.12:8080
-A KUBE-SEP-C -s 10.244.1.13/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-C -p tcp -m comment --comment "shop/web:http" -m tcp -j DNAT --to-destination 10.244.1.13:8080
-A KUBE-SVC-LABUDP -m comment --comment "shop/web:dns -> 10.244.1.11:5353" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-AUDP
-A KUBE-SVC-LABUDP -m comment --comment "shop/web:dns -> 10.244.1.12:5353" -m statistic --mode random --probability 0.5 -j KUBE-SEP-BUDP
-A KUBE-SVC-LABUDP -m comment --comment "shop/web:dns -> 10.244.1.13:5353" -j KUBE-SEP-CUDP
-A KUBE-SEP-AUDP -s 10.244.1.11/32 -m comment --comment "shop/web:dns" -j KUBE-MARK-MASQ
-A KUBE-SEP-AUDP -p udp -m comment --comment "shop/web:dns" -m udp -j DNAT --to-destination 10.244.1.11:5353
-A KUBE-SEP-BUDP -s 10.244.1.12/32 -m comment --comment "shop/web:dns" -j KUBE-MARK-MASQ
-A KUBE-SEP-BUDP -p udp -m comment --comment "shop/web:dns" -m udp -j DNAT --to-destination 10.244.1.12:5353
-A KUBE-SEP-CUDP -s 10.244.1.13/32 -m comment --comment "shop/web:dns" -j KUBE-MARK-MASQ
-A KUBE-SEP-CUDP -p udp -m comment --comment "shop/web:dns" -m udp -j DNAT --to-destination 10.244.1.13:5353
COMMIT
EOF
printf '$ ip netns exec svc-node iptables -t nat -S | grep -v UDP\n'
"${N[@]}" iptables -t nat -S | grep -v UDP
ok "iptables stored the probabilities as it will use them: 1/3 and 1/2 of 2^31, rounded"

step "On a bridged pod network the reply skips the node unless br_netfilter is on"
# Each namespace has its own copy of this sysctl (Linux 5.3+), starting at 1.
show "${N[@]}" sysctl -w net.bridge.bridge-nf-call-iptables=0
printf '$ ip netns exec svc-client socat -u TCP:%s:80 -\n' "$CLUSTER_IP"
if ask svc-client; then fail "the Service worked with bridge-nf-call-iptables=0"; fi
ok "no answer: the pod's reply went straight over the bridge, from its own address, and never met the node's conntrack"
show "${N[@]}" conntrack -L -p tcp --orig-dst "$CLUSTER_IP"
show "${N[@]}" sysctl -w net.bridge.bridge-nf-call-iptables=1
"${N[@]}" conntrack -F 2>/dev/null
printf '$ ip netns exec svc-client socat -u TCP:%s:80 -\n' "$CLUSTER_IP"
answer=$(ask svc-client) || fail "no answer from $CLUSTER_IP with bridge-nf-call-iptables=1"
echo "$answer"
[[ $answer == "pod-"*" answered 10.244.1.20" ]] || fail "unexpected answer: $answer"
ok "with bridged frames passing the node's hooks, conntrack rewrites the reply's source back to $CLUSTER_IP"

step "60 new connections, one random choice each"
"${N[@]}" iptables -t nat -Z
declare -A HITS=([a]=0 [b]=0 [c]=0)
for i in $(seq 60); do
  answer=$(ask svc-client) || fail "connection $i to $CLUSTER_IP:80 failed"
  pod=${answer%% *}
  [[ $pod =~ ^pod-[abc]$ ]] || fail "connection $i: unexpected answer: $answer"
  HITS[${pod#pod-}]=$((HITS[${pod#pod-}] + 1))
done
for p in "${PODS[@]}"; do echo "pod-$p answered ${HITS[$p]} of 60"; done
for p in "${PODS[@]}"; do
  (( HITS[$p] >= 1 )) || fail "pod-$p never answered in 60 connections"
done
ok "every backend answered at least once"
show "${N[@]}" iptables -t nat -L KUBE-SVC-LAB -v -n -x
jumps=$("${N[@]}" iptables -t nat -L KUBE-SVC-LAB -v -n -x | awk '$3 ~ /^KUBE-SEP-/ {s += $1} END {print s}')
[[ $jumps == 60 ]] || fail "the three KUBE-SEP jumps counted $jumps packets, expected 60"
ok "the KUBE-SEP jumps counted 60 packets: one per connection, the first packet only"

step "conntrack holds the translation of every connection"
printf '$ ip netns exec svc-node conntrack -L -p tcp --orig-dst %s | head -n 3\n' "$CLUSTER_IP"
entries=$("${N[@]}" conntrack -L -p tcp --orig-dst "$CLUSTER_IP" 2>/dev/null)
sed -n 1,3p <<<"$entries"
entry=$(sed -n 1p <<<"$entries")
[[ $entry =~ src=10\.244\.1\.20\ dst=$CLUSTER_IP\ sport=[0-9]+\ dport=80\ src=10\.244\.1\.1[123]\ dst=10\.244\.1\.20\ sport=8080 ]] \
  || fail "no DNATed tuple in: $entry"
ok "original tuple to $CLUSTER_IP:80, reply tuple from a pod's :8080"
show "${N[@]}" conntrack -C

step "Hairpin: a pod reaches itself through its own Service"
# When svc-a's connection is DNATed to svc-a itself, the bridge has to send the
# frame back out of the port it came in on, which it refuses by default.
# A dropped SYN takes its conntrack entry with it (an entry is confirmed only
# when its first packet leaves the node), so TCP's retransmission one second
# later would be balanced afresh and could land on another pod. Each attempt
# here gives up before that retransmission: every self-hit counts as a failure.
fails=0
for _ in $(seq 30); do
  ip netns exec svc-a timeout $((5 * ${LAB_WAIT_SCALE:-1})) \
    socat -T 3 -u "TCP:$CLUSTER_IP:80,connect-timeout=0.8" - >/dev/null 2>&1 || fails=$((fails + 1))
done
echo "without hairpin mode, $fails of svc-a's 30 connections to its own Service got no answer"
(( fails >= 1 )) || fail "all 30 connections worked without hairpin mode; expected the self-hits to fail"
ok "the connections that landed on svc-a itself were dropped by the bridge"
# The CNI bridge plugin's hairpinMode (or the kubelet) turns this on for every pod port.
for p in a b c client; do ip -n svc-node link set "veth-$p" type bridge_slave hairpin on; done
printf '$ ip -n svc-node link set veth-a type bridge_slave hairpin on\n'
printf '$ bridge -n svc-node -d link show dev veth-a | grep -o "hairpin [a-z]*"\n'
bridge -n svc-node -d link show dev veth-a | grep -o "hairpin [a-z]*"
"${N[@]}" iptables -t nat -Z KUBE-SEP-A
self=0 other=0
for i in $(seq 30); do
  answer=$(ask svc-a) || fail "svc-a's connection $i to its own Service failed"
  case $answer in
    "pod-a answered 10.244.1.1") self=$((self + 1)) ;;
    "pod-b answered 10.244.1.11" | "pod-c answered 10.244.1.11") other=$((other + 1)) ;;
    *) fail "unexpected answer to svc-a: $answer" ;;
  esac
done
echo "svc-a landed on itself $self times (seen from 10.244.1.1), on pod-b or pod-c $other times (seen from 10.244.1.11)"
(( self >= 1 )) || fail "in 30 connections svc-a never landed on itself"
show "${N[@]}" iptables -t nat -L KUBE-SEP-A -v -n -x
ok "KUBE-SEP-A marked svc-a's own connections, and KUBE-POSTROUTING masqueraded them to the node's address"

step "A UDP flow keeps its backend: the choice lives in the conntrack entry"
"${N[@]}" conntrack -F 2>/dev/null
first=$(ask_udp) || fail "no answer on $CLUSTER_IP:53/udp"
printf '$ echo hello | ip netns exec svc-client socat - UDP:%s:53,sourceport=40053\n%s\n' "$CLUSTER_IP" "$first"
for i in 2 3 4 5; do
  again=$(ask_udp) || fail "datagram $i got no answer"
  [[ $again == "$first" ]] || fail "datagram $i went to $again, the first to $first"
done
ok "5 datagrams from the same source port, all answered by $first"
show "${N[@]}" conntrack -L -p udp --orig-dst "$CLUSTER_IP"

step "The endpoint goes away; kube-proxy rewrites the chain, but the flow still points at it"
gone=${first#pod-}
stop_bg "${UDP_PID[$gone]}"
left=()
for p in "${PODS[@]}"; do [[ $p == "$gone" ]] || left+=("$p"); done
U=${left[0]^^} V=${left[1]^^}
"${N[@]}" iptables-restore --noflush <<EOF
*nat
-F KUBE-SVC-LABUDP
-A KUBE-SVC-LABUDP -m comment --comment "shop/web:dns -> ${IP[${left[0]}]}:5353" -m statistic --mode random --probability 0.5 -j KUBE-SEP-${U}UDP
-A KUBE-SVC-LABUDP -m comment --comment "shop/web:dns -> ${IP[${left[1]}]}:5353" -j KUBE-SEP-${V}UDP
COMMIT
EOF
show "${N[@]}" iptables -t nat -S KUBE-SVC-LABUDP
printf '$ echo hello | ip netns exec svc-client socat - UDP:%s:53,sourceport=40053\n' "$CLUSTER_IP"
if ask_udp; then fail "the flow found a new backend without any conntrack cleanup"; fi
ok "no answer: the conntrack entry still sends the flow to pod-$gone, whose server is gone"
show "${N[@]}" conntrack -D -p udp --orig-dst "$CLUSTER_IP" --reply-src "${IP[$gone]}"
printf '$ echo hello | ip netns exec svc-client socat - UDP:%s:53,sourceport=40053\n' "$CLUSTER_IP"
after=$(ask_udp) || fail "no answer after the stale entry was deleted"
echo "$after"
[[ $after == pod-* && $after != "$first" ]] || fail "after the cleanup the answer came from $after"
ok "with the stale entry deleted, the next datagram went through the nat table again and found $after"

pass
