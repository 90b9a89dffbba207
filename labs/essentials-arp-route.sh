#!/usr/bin/env bash
# Lab: networking essentials (chapter "Networking essentials for containers").
#
# Two namespaces on one veth pair share the subnet 10.0.0.0/24. The lab shows
# the neighbour table filling in through ARP (and the frames that do it), the
# connected route that an address brings with it, what `ip route get` answers,
# why an off-link address is "Network is unreachable" until there is a default
# route, how the error changes once there is one, and listening sockets with ss.
#
# Nothing in the root namespace is created or changed. Run as root:
#   sudo bash labs/essentials-arp-route.sh

source "$(dirname "$0")/lib.sh"
require ping ss socat tcpdump
lab_tmpdir

# lladdr NS ADDRESS: the MAC address the neighbour table of NS holds for ADDRESS.
lladdr() { ip -n "$1" -4 neigh show "$2" dev eth0 | sed -n 's/.*lladdr \([0-9a-f:]*\).*/\1/p'; }

step "Two namespaces, one veth pair, one subnet: 10.0.0.1/24 and 10.0.0.2/24"
make_ns ess-a ess-b
show ip -n ess-a link add eth0 type veth peer name eth0 netns ess-b
show ip -n ess-a address add 10.0.0.1/24 dev eth0
show ip -n ess-b address add 10.0.0.2/24 dev eth0
show ip -n ess-a link set eth0 up
show ip -n ess-b link set eth0 up
wait_up ess-a eth0
wait_up ess-b eth0
show ip -n ess-a -br link show dev eth0
show ip -n ess-b -br link show dev eth0

step "The neighbour table of ess-a starts empty"
show ip -n ess-a -4 neigh show dev eth0
[[ -z $(ip -n ess-a -4 neigh show dev eth0) ]] || fail "ess-a already has neighbour entries"
ok "no IPv4 neighbours yet: ess-a does not know any MAC address"

step "The first ping needs ARP: a broadcast request, then a unicast reply"
capture ess-b "$WORK/capture.txt" -l -n -e -t -i eth0 -c 4 'arp or icmp'
tcpdump=$!
expect_ping ess-a 10.0.0.2
wait "$tcpdump" || fail "tcpdump did not see the four packets: $(cat "$WORK/capture.txt.err")"
printf '$ %s\n' "ip netns exec ess-b tcpdump -n -e -t -i eth0 -c 4 'arp or icmp'"
cat "$WORK/capture.txt"
grep -q 'ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806).*Request who-has 10.0.0.2 tell 10.0.0.1' "$WORK/capture.txt" \
  || fail "no broadcast ARP request in the capture"
grep -q "Reply 10.0.0.2 is-at $(mac ess-b eth0)" "$WORK/capture.txt" || fail "no ARP reply with ess-b's MAC"
ok "ARP asked everyone on the link, and only 10.0.0.2 answered"

step "Both neighbour tables now hold the peer's MAC address"
show ip -n ess-a -4 neigh show dev eth0
show ip -n ess-b link show dev eth0
[[ $(lladdr ess-a 10.0.0.2) == "$(mac ess-b eth0)" ]] || fail "ess-a holds the wrong MAC for 10.0.0.2"
ok "ess-a maps 10.0.0.2 to the MAC of eth0 in ess-b"
show ip -n ess-b -4 neigh show dev eth0
[[ $(lladdr ess-b 10.0.0.1) == "$(mac ess-a eth0)" ]] || fail "ess-b did not learn 10.0.0.1 from the request"
ok "ess-b learned 10.0.0.1 from the request itself, without asking"

step "Adding an address added a connected route; ip route get shows the choice"
show ip -n ess-a route
show ip -n ess-a route get 10.0.0.2

step "An off-link address with no route is unreachable before any packet leaves"
if show ip -n ess-a route get 192.0.2.10 2>&1; then fail "ess-a has a route to 192.0.2.10"; fi
if show ip netns exec ess-a ping -c 1 -W 1 192.0.2.10 2>&1; then fail "ess-a reached 192.0.2.10"; fi
ok "no matching route: the kernel refuses at once (ENETUNREACH)"

step "A default route sends it to a gateway, which does not forward: silence"
# A new namespace copies the host's ip_forward, which is 1 on a Docker host or a
# node: make ess-b a plain host whatever the machine running the lab does.
ip netns exec ess-b sysctl -qw net.ipv4.ip_forward=0
show ip -n ess-a route add default via 10.0.0.2
show ip -n ess-a route
show ip -n ess-a route get 192.0.2.10
out=$(ip netns exec ess-a ping -c 1 -W 1 192.0.2.10 2>&1) && fail "ess-a reached 192.0.2.10"
printf '$ %s\n%s\n' "ip netns exec ess-a ping -c 1 -W 1 192.0.2.10" "$out"
grep -q '1 packets transmitted, 0 received' <<<"$out" || fail "unexpected ping result: $out"
ok "the packet left ess-a; ess-b does not forward, so it dropped it without a word"

step "Make ess-b a router with no route onward: now it answers with an ICMP error"
show ip netns exec ess-b sysctl -w net.ipv4.ip_forward=1
out=$(ip netns exec ess-a ping -c 1 -W 1 192.0.2.10 2>&1) && fail "ess-a reached 192.0.2.10"
printf '$ %s\n%s\n' "ip netns exec ess-a ping -c 1 -W 1 192.0.2.10" "$out"
grep -q 'From 10.0.0.2 icmp_seq=1 Destination Net Unreachable' <<<"$out" || fail "no ICMP error from 10.0.0.2: $out"
ok "the error now comes from the gateway 10.0.0.2, not from ess-a's own kernel"

step "Ports and sockets: one server on 0.0.0.0:8080, one on 127.0.0.1:8081"
lab_bg ip netns exec ess-b timeout 60 socat TCP-LISTEN:8080,bind=0.0.0.0,reuseaddr,fork SYSTEM:'echo hello from ess-b'
lab_bg ip netns exec ess-b timeout 60 socat TCP-LISTEN:8081,bind=127.0.0.1,reuseaddr,fork SYSTEM:'echo hello from loopback'
wait_listening ess-b 8080
wait_listening ess-b 8081
show ip netns exec ess-b ss -tlnp
show ip netns exec ess-a ss -tln
[[ -z $(ip netns exec ess-a ss -Htln) ]] || fail "ess-a has listening TCP sockets"
ok "the listening sockets exist only in ess-b's namespace"
show ip netns exec ess-a timeout 5 socat -u TCP:10.0.0.2:8080 -
[[ $(ip netns exec ess-a timeout 5 socat -u TCP:10.0.0.2:8080 -) == "hello from ess-b" ]] || fail "no answer on 10.0.0.2:8080"
ok "ess-a reached the server on 10.0.0.2:8080"
out=$(ip netns exec ess-a timeout 5 socat -u TCP:10.0.0.2:8081 - 2>&1) && fail "ess-a reached the loopback-only server"
printf '$ %s\n%s\n' "ip netns exec ess-a timeout 5 socat -u TCP:10.0.0.2:8081 -" "$out"
grep -q 'Connection refused' <<<"$out" || fail "expected 'Connection refused', got: $out"
ok "a server bound to 127.0.0.1 is invisible from the peer: the port is closed on 10.0.0.2"
show ip netns exec ess-b timeout 5 socat -u TCP:127.0.0.1:8081 -

pass
