#!/usr/bin/env bash
# Lab: pod traffic between two nodes through a WireGuard tunnel (chapter
# "Encryption between nodes").
#
# Two node namespaces, wg-node-a and wg-node-b, share an underlay link
# (192.0.2.1 and 192.0.2.2, the node addresses). Behind each sits a pod
# namespace on a veth pair: wg-pod-a (10.244.1.2, pod CIDR 10.244.1.0/24) and
# wg-pod-b (10.244.2.2, pod CIDR 10.244.2.0/24). Each node gets a WireGuard
# device wg0 with a key pair made by `wg genkey` and `wg pubkey`, the other
# node as its one peer (its public key, its pod CIDR as allowed-ips, its
# underlay address as endpoint), and a route that sends the other node's pod
# CIDR into wg0, as a CNI agent does when it turns on WireGuard.
#
# The reader sees:
#   - the pods ping each other, while tcpdump on the underlay sees only UDP
#     to port 51820: a handshake initiation (148 bytes), its response (92),
#     then each ICMP packet as a 128-byte encrypted message, no ICMP at all;
#   - on wg-node-b's wg0 the same ping in clear, decrypted;
#   - `wg show` with the latest handshake and the bytes each way;
#   - the MTU: the kernel's 1420 by default, 1440 (1500 - 60) here where the
#     underlay is IPv4; a DF ping that makes a 1440-byte packet crosses as a
#     1500-byte UDP datagram, one byte more is refused by wg-node-a with ICMP
#     "fragmentation needed".
#
# Nothing in the root namespace is created or changed: wg0 is created inside
# each node namespace, so its UDP socket lives there too.
# Needs the wireguard kernel module (Linux 5.6 and later have it in mainline)
# and wireguard-tools. Run as root: sudo bash labs/wireguard-nodes.sh

source "$(dirname "$0")/lib.sh"
require_module wireguard
require wg tcpdump ping sysctl

lab_tmpdir

# pod_side NODE POD POD_GW POD_ADDR: a pod behind its node: a veth pair, the
# pod's default route to the node, and forwarding on in the node.
pod_side() {
  veth_pair "$1" veth-pod "$3/24" "$2" eth0 "$4/24"
  ip -n "$2" route add default via "$3"
  ip netns exec "$1" sysctl -q -w net.ipv4.ip_forward=1
}

# transfer NODE: the bytes wg0 received from and sent to its peer ("RX TX").
transfer() { ip netns exec "$1" wg show wg0 transfer | awk '{print $2, $3}'; }
# handshake NODE: has wg0 completed a handshake with its peer?
handshake() { [[ $(ip netns exec "$1" wg show wg0 latest-handshakes | awk '{print $2}') != 0 ]]; }

step "Two nodes on an underlay link, a pod behind each"
make_ns wg-node-a wg-node-b wg-pod-a wg-pod-b
veth_pair wg-node-a eth0 192.0.2.1/24 wg-node-b eth0 192.0.2.2/24
pod_side wg-node-a wg-pod-a 10.244.1.1 10.244.1.2
pod_side wg-node-b wg-pod-b 10.244.2.1 10.244.2.2
expect_ping wg-node-a 192.0.2.2
expect_no_ping wg-pod-a 10.244.2.2
ok "the nodes reach each other; no node has a route to the other's pods yet"

step "A key pair for each node: wg genkey makes the private key, wg pubkey derives the public one"
cd "$WORK"
for n in a b; do
  printf '$ wg genkey > %s.key\n$ wg pubkey < %s.key > %s.pub\n' "$n" "$n" "$n"
  # The private key is a secret: readable by root only, as wg warns otherwise.
  (umask 077 && wg genkey >"$n.key")
  wg pubkey <"$n.key" >"$n.pub"
done
show cat a.pub b.pub
cd - >/dev/null
[[ $(wc -c <"$WORK/a.pub") -eq 45 ]] || fail "a public key is not 44 base64 characters"
ok "each key is 32 bytes, written as 44 base64 characters; only the public ones are shared"

step "wg0 on each node: its private key, a UDP port, and the other node as its peer"
# wire NODE ME PEER PEER_UNDERLAY_ADDR PEER_POD_CIDR: wg0 in NODE, keyed and peered.
wire() {
  show ip -n "$1" link add wg0 type wireguard
  show ip netns exec "$1" wg set wg0 listen-port 51820 private-key "$WORK/$2.key" \
    peer "$(cat "$WORK/$3.pub")" allowed-ips "$5" endpoint "$4:51820"
  ip -n "$1" link set wg0 up
  # The other node's pods are reached through the tunnel: the CNI agent's route.
  show ip -n "$1" route add "$5" dev wg0
}
wire wg-node-a a b 192.0.2.2 10.244.2.0/24
wire wg-node-b b a 192.0.2.1 10.244.1.0/24
show ip -n wg-node-a -d link show wg0
[[ $(ip -n wg-node-a link show wg0) == *"mtu 1420 "* ]] || fail "wg0 did not start with the kernel's default MTU of 1420"
ok "wg0 starts with MTU 1420: 1500 minus 80, the overhead over an IPv6 underlay"

step "The underlay is IPv4: 60 bytes of overhead, so wg0 can carry 1440"
for n in wg-node-a wg-node-b; do show ip -n "$n" link set wg0 mtu 1440; done
show ip netns exec wg-node-a wg show wg0
ok "no handshake yet: WireGuard makes one when the first packet needs it"

step "A ping between the pods; tcpdump on the underlay sees only UDP to port 51820"
# Every IPv4 packet on the underlay (ip: not the veth's own IPv6 and ARP chatter).
capture wg-node-a "$WORK/underlay" -l -n -t -i eth0 -c 8 ip
capture wg-node-b "$WORK/inner" -l -n -t -i wg0 -c 6 icmp
show ip netns exec wg-pod-a ping -c 3 -i 0.5 -W 5 10.244.2.2
for pid in "${LAB_PIDS[@]}"; do wait "$pid" || fail "a capture ended before it had all its packets"; done
printf '$ ip netns exec wg-node-a tcpdump -n -t -i eth0 -c 8 ip     # the underlay\n'
cat "$WORK/underlay"
[[ $(grep -c 'UDP' "$WORK/underlay") -eq 8 ]] || fail "not every packet on the underlay was UDP"
[[ $(cat "$WORK/underlay") != *ICMP* ]] || fail "ICMP showed on the underlay in clear"
grep -q '192.0.2.1.51820 > 192.0.2.2.51820: UDP, length 148' "$WORK/underlay" || fail "no handshake initiation (148 bytes) from node a"
grep -q '192.0.2.2.51820 > 192.0.2.1.51820: UDP, length 92' "$WORK/underlay" || fail "no handshake response (92 bytes) from node b"
[[ $(grep -c 'UDP, length 128' "$WORK/underlay") -eq 6 ]] || fail "the six ICMP packets did not cross as six 128-byte messages"
ok "a handshake (148 + 92 bytes), then 6 data messages of 128 bytes; no ICMP on the underlay"
printf '$ ip netns exec wg-node-b tcpdump -n -t -i wg0 -c 6 icmp   # inside the tunnel\n'
cat "$WORK/inner"
[[ $(grep -c 'ICMP echo' "$WORK/inner") -eq 6 ]] || fail "node b's wg0 did not show the pings in clear"
ok "wg0 on node b shows the same pings decrypted, with the pods' own addresses"

step "wg show: the handshake and the bytes each way"
wait_for 5 "a handshake on node a" handshake wg-node-a
show ip netns exec wg-node-a wg show wg0
read -r rx tx <<<"$(transfer wg-node-a)"
((rx > 0 && tx > 0)) || fail "wg show counted no traffic on node a"
ok "node a received $rx and sent $tx bytes through its peer (the UDP payloads, handshake included)"

step "The MTU: the largest DF ping that fits, and one byte more"
# 1412 bytes of data + 8 (ICMP) + 20 (IP) = 1440, wg0's MTU.
capture wg-node-a "$WORK/big" -l -n -t -i eth0 -c 1 -v 'udp and src host 192.0.2.1 and greater 1000'
show ip netns exec wg-pod-a ping -c 1 -W 5 -M "do" -s 1412 10.244.2.2
wait "$!" || fail "the 1440-byte packet did not show on the underlay"
printf '$ ip netns exec wg-node-a tcpdump -n -t -v -i eth0 -c 1 %s\n' "'udp and src host 192.0.2.1 and greater 1000'"
cat "$WORK/big"
grep -q 'length 1500' "$WORK/big" || fail "the outer packet was not 1500 bytes"
grep -q 'UDP, length 1472' "$WORK/big" || fail "the UDP payload was not 1472 bytes"
ok "inner 1440 + 16 (WireGuard header) + 16 (tag) = 1472 bytes of UDP; + 8 + 20 = 1500 on the underlay"
out=$(ip netns exec wg-pod-a ping -c 1 -W 5 -M "do" -s 1413 10.244.2.2 2>&1) && fail "a 1441-byte DF packet went into a 1440 tunnel"
printf '$ ip netns exec wg-pod-a ping -c 1 -W 5 -M do -s 1413 10.244.2.2\n%s\n' "$out"
grep -q 'Frag needed and DF set (mtu = 1440)' <<<"$out" || fail "wg-node-a did not answer 'fragmentation needed' with mtu 1440"
show ip -n wg-pod-a route get 10.244.2.2
ok "one byte more: wg-node-a refused it with ICMP 'fragmentation needed', and the pod cached the path MTU"

pass
