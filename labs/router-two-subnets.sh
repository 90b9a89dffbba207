#!/usr/bin/env bash
# Lab: a namespace as a router between two subnets (chapter "Routing and forwarding").
#
# rt-a (10.1.0.0/24) and rt-b (10.2.0.0/24) are joined only through rt-r,
# which has a leg in each subnet. Shows that rt-r drops packets for rt-b until
# net.ipv4.ip_forward is switched on in rt-r (and only there); asks the kernel
# with `ip route get` how rt-a and rt-r route a packet; shows longest-prefix
# match choosing between a default route, a /16 and a /24; shows that the
# reply needs a route back from rt-b; and uses a policy-routing rule in rt-r
# to send one source address to a blackhole in a table of its own.
#
# Nothing in the root namespace is created or changed: ip_forward is read in
# the root namespace (a new namespace starts with a copy of it) but set only
# inside rt-r. Run as root: sudo bash labs/router-two-subnets.sh

source "$(dirname "$0")/lib.sh"
require ping

# snmp NS PROTO NAME: a counter of NS from /proc/net/snmp, e.g. Ip InAddrErrors
# (received packets that were not for this host and were not forwarded) or
# Icmp InEchos and OutEchoReps (echo requests received, echo replies sent).
snmp() {
  ip netns exec "$1" awk -v proto="$2:" -v name="$3" \
    '$1 == proto { if (!col) { for (i = 2; i <= NF; i++) if ($i == name) col = i } else print $col }' /proc/net/snmp
}

# ping_from NS SOURCE DEST: one echo request from address SOURCE in NS, answered within a second?
ping_from() { ip netns exec "$1" ping -c 1 -W 1 -I "$2" "$3" >/dev/null 2>&1; }

step "Two subnets and a router: rt-a -- rt-r -- rt-b"
make_ns rt-a rt-r rt-b
show ip -n rt-r link add veth-a type veth peer name eth0 netns rt-a
show ip -n rt-r link add veth-b type veth peer name eth0 netns rt-b
show ip -n rt-r address add 10.1.0.1/24 dev veth-a
show ip -n rt-r address add 10.2.0.1/24 dev veth-b
show ip -n rt-a address add 10.1.0.2/24 dev eth0
show ip -n rt-b address add 10.2.0.2/24 dev eth0
ip -n rt-r link set veth-a up
ip -n rt-r link set veth-b up
ip -n rt-a link set eth0 up
ip -n rt-b link set eth0 up
show ip -n rt-a route add default via 10.1.0.1
show ip -n rt-b route add default via 10.2.0.1
wait_up rt-a eth0
wait_up rt-b eth0
show ip -n rt-a route
show ip -n rt-r route
show ip -n rt-r route show table local

step "A new namespace copies the root namespace's IPv4 settings, ip_forward included"
root_forward=$(cat /proc/sys/net/ipv4/ip_forward)
inherit=$(cat /proc/sys/net/core/devconf_inherit_init_net 2>/dev/null || echo 0)
echo "root namespace: net.ipv4.ip_forward = $root_forward (read only, never changed here)"
show ip netns exec rt-r sysctl net.ipv4.ip_forward
if [[ $inherit != 2 ]]; then
  [[ $(ip netns exec rt-r cat /proc/sys/net/ipv4/ip_forward) == "$root_forward" ]] \
    || fail "rt-r did not start with the root namespace's ip_forward"
  ok "rt-r started with the root namespace's value"
fi
show ip netns exec rt-r sysctl -w net.ipv4.ip_forward=0

step "Without forwarding, rt-r drops what is not for itself"
expect_ping rt-a 10.1.0.1
expect_ping rt-a 10.2.0.1
ok "rt-r answers on both of its addresses, from either side"
errors_before=$(snmp rt-r Ip InAddrErrors)
expect_no_ping rt-a 10.2.0.2
errors_after=$(snmp rt-r Ip InAddrErrors)
(( errors_after > errors_before )) || fail "rt-r's InAddrErrors did not move ($errors_before -> $errors_after)"
ok "rt-r counted the dropped packet in InAddrErrors ($errors_before -> $errors_after) and sent no ICMP error"
if show ip -n rt-r route get 10.2.0.2 from 10.1.0.2 iif veth-a 2>&1; then
  fail "rt-r found a route for a packet it may not forward"
fi
ok "asked about a packet arriving on veth-a, rt-r says: no route to host"

step "Switch forwarding on in rt-r, and only there"
show ip netns exec rt-r sysctl -w net.ipv4.ip_forward=1
show ip netns exec rt-r sysctl net.ipv4.conf.veth-a.forwarding net.ipv4.conf.veth-b.forwarding
expect_ping rt-a 10.2.0.2
expect_ping rt-b 10.1.0.2
show ip -n rt-a route get 10.2.0.2
show ip -n rt-r route get 10.2.0.2 from 10.1.0.2 iif veth-a
show ip -n rt-r route get 10.1.0.1
reply=$(ip netns exec rt-a ping -c 1 -W 1 10.2.0.2 | grep 'bytes from')
echo "$ ip netns exec rt-a ping -c 1 -W 1 10.2.0.2 | grep 'bytes from'"
echo "$reply"
[[ $reply == *"ttl=63"* ]] || fail "expected a reply with ttl=63, got: $reply"
ok "the reply arrives with TTL 63: rt-b sent it with 64, and rt-r, forwarding it, took one off"

step "Longest-prefix match: the most specific route wins"
# 10.1.0.254 is a gateway nobody answers for: traffic routed there goes nowhere.
show ip -n rt-a route add 10.2.0.0/16 via 10.1.0.254
show ip -n rt-a route get fibmatch 10.2.0.2
expect_no_ping rt-a 10.2.0.2
show ip -n rt-a route add 10.2.0.0/24 via 10.1.0.1
show ip -n rt-a route
show ip -n rt-a route get fibmatch 10.2.0.2
show ip -n rt-a route get fibmatch 10.2.9.9
show ip -n rt-a route get fibmatch 10.3.0.1
[[ $(ip -n rt-a route get fibmatch 10.2.0.2) == "10.2.0.0/24 via 10.1.0.1"* ]] || fail "10.2.0.2 did not match the /24"
[[ $(ip -n rt-a route get fibmatch 10.2.9.9) == "10.2.0.0/16 via 10.1.0.254"* ]] || fail "10.2.9.9 did not match the /16"
[[ $(ip -n rt-a route get fibmatch 10.3.0.1) == "default via 10.1.0.1"* ]] || fail "10.3.0.1 did not match the default route"
ok "10.2.0.2 matches the /24, 10.2.9.9 the /16, 10.3.0.1 only the default route"
expect_ping rt-a 10.2.0.2
show ip -n rt-a route del 10.2.0.0/24
show ip -n rt-a route del 10.2.0.0/16

step "The reply needs a route back: remove rt-b's default route"
show ip -n rt-b route del default
show ip -n rt-b route
in_before=$(snmp rt-b Icmp InEchos)
out_before=$(snmp rt-b Icmp OutEchoReps)
expect_no_ping rt-a 10.2.0.2
in_after=$(snmp rt-b Icmp InEchos)
out_after=$(snmp rt-b Icmp OutEchoReps)
(( in_after > in_before )) || fail "rt-b did not receive the echo request"
(( out_after == out_before )) || fail "rt-b sent an echo reply without a route back"
ok "rt-b received the request (InEchos $in_before -> $in_after) and sent no reply (OutEchoReps stays at $out_after)"
if show ip -n rt-b route get 10.1.0.2 2>&1; then fail "rt-b still has a route to 10.1.0.2"; fi
ok "rt-b has no route back to 10.1.0.2"
show ip -n rt-b route add 10.1.0.0/24 via 10.2.0.1
expect_ping rt-a 10.2.0.2

step "Policy routing in rt-r: one source address goes to a blackhole table"
show ip -n rt-a address add 10.1.0.3/24 dev eth0
show ip -n rt-r route add blackhole 10.2.0.0/24 table 100
show ip -n rt-r rule add from 10.1.0.3 lookup 100 priority 100
show ip -n rt-r rule
show ip -n rt-r route show table 100
if show ip -n rt-r route get 10.2.0.2 from 10.1.0.3 iif veth-a 2>&1; then
  fail "rt-r routes 10.1.0.3's packets although table 100 is a blackhole"
fi
show ip -n rt-r route get 10.2.0.2 from 10.1.0.2 iif veth-a
ping_from rt-a 10.1.0.2 10.2.0.2 || fail "rt-a cannot reach 10.2.0.2 from 10.1.0.2"
ok "from 10.1.0.2, rt-a reaches 10.2.0.2 (the main table)"
if ping_from rt-a 10.1.0.3 10.2.0.2; then fail "rt-a reaches 10.2.0.2 from 10.1.0.3, but should not"; fi
ok "from 10.1.0.3, rt-a cannot reach 10.2.0.2 (table 100: blackhole)"

step "Restore: delete the rule, and 10.1.0.3 is routed by the main table again"
show ip -n rt-r rule del priority 100
show ip -n rt-r route flush table 100
ping_from rt-a 10.1.0.3 10.2.0.2 || fail "rt-a cannot reach 10.2.0.2 from 10.1.0.3 after the rule is gone"
ok "from 10.1.0.3, rt-a reaches 10.2.0.2 again"

pass
