#!/usr/bin/env bash
# Lab: a ClusterIP in the shape of kube-proxy's nftables mode (chapter
# "kube-proxy and its replacements").
#
# The node, pods and Service of clusterip-by-hand once more: svc-node holds the
# bridge cbr0 for the pod network 10.244.1.0/24, the backends svc-a, svc-b and
# svc-c answer with their name on TCP 8080, svc-client is the client, and the
# Service shop/web has ClusterIP 10.96.0.100, port 80. This time the node's
# rules are one nftables table, written the way kube-proxy's nftables mode
# writes it: the verdict map service-ips finds the Service with one lookup per
# packet, and the Service's chain picks an endpoint with one `numgen` expression
# instead of a cascade of probability rules.
#
# You will see the map and the chains as nft lists them, and 30 connections
# spread over the three pods with not one iptables rule on the node.
#
# Nothing in the root namespace is created or changed; bridge-nf-call-iptables
# is set inside svc-node, where it is per namespace since Linux 5.3.
# Run as root: sudo bash labs/clusterip-nftables.sh

source "$(dirname "$0")/lib.sh"
require nft iptables-save conntrack socat ss ping

N=(ip netns exec svc-node)
CLUSTER_IP=10.96.0.100
PODS=(a b c)
declare -A IP=([a]=10.244.1.11 [b]=10.244.1.12 [c]=10.244.1.13 [client]=10.244.1.20)

# ask NS: one TCP connection to the ClusterIP's port 80; prints the answer.
# Given up after 1 s without an answer to the SYN.
ask() {
  ip netns exec "$1" timeout 5 socat -T 3 -u "TCP:$CLUSTER_IP:80,connect-timeout=1" - 2>/dev/null
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
# The pods' replies cross the bridge; the node's hooks see them only with this on.
"${N[@]}" sysctl -qw net.bridge.bridge-nf-call-iptables=1
show ip -n svc-node -br address show dev cbr0
expect_ping svc-client "${IP[a]}"

step "Each backend pod answers with its own name on TCP 8080"
for p in "${PODS[@]}"; do
  lab_bg ip netns exec "svc-$p" timeout 120 socat TCP-LISTEN:8080,reuseaddr,fork \
    SYSTEM:"echo pod-$p answered \$SOCAT_PEERADDR"
  wait_listening "svc-$p" 8080
done
printf '$ ip netns exec svc-client socat -u TCP:%s:8080 -\n' "${IP[b]}"
ip netns exec svc-client timeout 5 socat -T 3 -u "TCP:${IP[b]}:8080" - || fail "svc-client cannot reach pod-b directly"

step "kube-proxy's nftables table for shop/web, in svc-node"
# Readable stand-ins for the hashes kube-proxy puts into chain names.
SVC=service-LABWEB01-shop/web/tcp/http
EP() { printf 'endpoint-LABEP0%s-shop/web/tcp/http__%s/8080' "$1" "${IP[$2]}"; }
"${N[@]}" nft -f - <<NFT
table ip kube-proxy {
  comment "rules for kube-proxy"
  map service-ips {
    type ipv4_addr . inet_proto . inet_service : verdict
    elements = { $CLUSTER_IP . tcp . 80 : goto $SVC }
  }
  chain nat-prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    jump services
  }
  chain nat-output {
    type nat hook output priority -100; policy accept;
    jump services
  }
  chain nat-postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    jump masquerading
  }
  chain services {
    ip daddr . meta l4proto . th dport vmap @service-ips
  }
  chain mark-for-masquerade {
    mark set mark or 0x4000
  }
  chain masquerading {
    mark and 0x4000 == 0 return
    mark set mark xor 0x4000
    masquerade fully-random
  }
  chain $SVC {
    ip daddr $CLUSTER_IP tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade
    numgen random mod 3 vmap { 0 : goto $(EP 1 a), 1 : goto $(EP 2 b), 2 : goto $(EP 3 c) }
  }
  chain $(EP 1 a) {
    ip saddr ${IP[a]} jump mark-for-masquerade
    meta l4proto tcp dnat to ${IP[a]}:8080
  }
  chain $(EP 2 b) {
    ip saddr ${IP[b]} jump mark-for-masquerade
    meta l4proto tcp dnat to ${IP[b]}:8080
  }
  chain $(EP 3 c) {
    ip saddr ${IP[c]} jump mark-for-masquerade
    meta l4proto tcp dnat to ${IP[c]}:8080
  }
}
NFT
show "${N[@]}" nft list chain ip kube-proxy services
show "${N[@]}" nft list map ip kube-proxy service-ips
show "${N[@]}" nft list chain ip kube-proxy "$SVC"

step "30 new connections: one map lookup finds the Service, one numgen picks the pod"
[[ -z $("${N[@]}" iptables-save -t nat | grep -e '^-A' || true) ]] || fail "svc-node has iptables rules"
ok "svc-node has no iptables rule: the table above is all there is"
declare -A HITS=([a]=0 [b]=0 [c]=0)
for i in $(seq 30); do
  answer=$(ask svc-client) || fail "connection $i to $CLUSTER_IP:80 failed"
  pod=${answer%% *}
  [[ $pod =~ ^pod-[abc]$ ]] || fail "connection $i: unexpected answer: $answer"
  HITS[${pod#pod-}]=$((HITS[${pod#pod-}] + 1))
done
printf '$ ip netns exec svc-client socat -u TCP:%s:80 -    # 30 times\n' "$CLUSTER_IP"
for p in "${PODS[@]}"; do echo "pod-$p answered ${HITS[$p]} of 30"; done
for p in "${PODS[@]}"; do
  (( HITS[$p] >= 1 )) || fail "pod-$p never answered in 30 connections"
done
ok "every backend answered: no iptables rule involved"
# conntrack keeps each translation just as in iptables mode.
printf '$ ip netns exec svc-node conntrack -L -p tcp --orig-dst %s | head -n 1\n' "$CLUSTER_IP"
entries=$("${N[@]}" conntrack -L -p tcp --orig-dst "$CLUSTER_IP" 2>/dev/null)
sed -n 1p <<<"$entries"
[[ $entries =~ dst=$CLUSTER_IP\ sport=[0-9]+\ dport=80\ src=10\.244\.1\.1[123]\ dst=10\.244\.1\.20\ sport=8080 ]] \
  || fail "no DNATed tuple in conntrack"
ok "original tuple to $CLUSTER_IP:80, reply tuple from a pod's :8080"

pass
