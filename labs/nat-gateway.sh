#!/usr/bin/env bash
# Lab: a NAT gateway built from three namespaces (chapter "Netfilter: iptables and nftables").
#
# A private network (nat-priv, 10.10.0.0/24) sits behind a gateway (nat-gw)
# whose other leg is on a public-looking network (nat-out, 203.0.113.0/24, a
# documentation range that exists only inside these namespaces). nat-out has
# no route back to 10.10.0.0/24, so forwarding alone is not enough: the lab
# shows the failure, adds a MASQUERADE rule, reads the translated tuple from
# the connection-tracking table, publishes a port with DNAT the way
# `docker run -p 8080:80` does, and lists the same rules through nft.
#
# Every rule lives in nat-gw: nothing in the root namespace is created or
# changed. Run as root: sudo bash labs/nat-gateway.sh

source "$(dirname "$0")/lib.sh"
require iptables iptables-save iptables-legacy-save nft conntrack socat ss ping

# connect NS ADDRESS PORT: open a TCP connection from NS, print and keep in REPLY what the server says.
connect() {
  printf '$ ip netns exec %s socat -u TCP:%s:%s -\n' "$1" "$2" "$3"
  REPLY=$(ip netns exec "$1" timeout 5 socat -T 3 -u "TCP:$2:$3" - 2>&1) || { echo "$REPLY"; return 1; }
  echo "$REPLY"
}

# The root namespace's rules, without comments and counters, to compare at the end.
root_rules() { iptables-save | sed -e '/^#/d' -e 's/\[[0-9]*:[0-9]*\]//g'; }
ROOT_RULES_BEFORE=$(root_rules)

step "Three namespaces: a private network, a gateway and the outside"
make_ns nat-priv nat-gw nat-out
veth_pair nat-gw priv0 10.10.0.1/24 nat-priv eth0 10.10.0.2/24
veth_pair nat-gw out0 203.0.113.1/24 nat-out eth0 203.0.113.2/24
ip -n nat-priv route add default via 10.10.0.1
show ip -n nat-gw -br -4 address
show ip -n nat-priv route
show ip -n nat-out route
expect_ping nat-gw 10.10.0.2
expect_ping nat-gw 203.0.113.2

step "Forwarding alone is not enough: nat-out has no route back to 10.10.0.0/24"
show ip netns exec nat-gw sysctl -w net.ipv4.ip_forward=1
expect_no_ping nat-priv 203.0.113.2
if show ip -n nat-out route get 10.10.0.2 2>&1; then fail "nat-out has a route to 10.10.0.2"; fi
ok "the echo request arrives, but the reply has nowhere to go"

step "Masquerade what leaves through out0 (iptables here is iptables-nft)"
show ip netns exec nat-gw iptables -V
show ip netns exec nat-gw iptables -t nat -A POSTROUTING -s 10.10.0.0/24 -o out0 -j MASQUERADE
expect_ping nat-priv 203.0.113.2

step "Only the first packet of a flow goes through the nat table"
ip netns exec nat-gw iptables -t nat -Z
ip netns exec nat-gw conntrack -F 2>/dev/null
show ip netns exec nat-priv ping -c 3 -i 0.2 -W 1 -q 203.0.113.2
show ip netns exec nat-gw iptables -t nat -L POSTROUTING -v -n -x
pkts=$(ip netns exec nat-gw iptables -t nat -L POSTROUTING -v -n -x | awk '$3 == "MASQUERADE" {print $1}')
[[ $pkts == 1 ]] || fail "the MASQUERADE rule counted $pkts packets for one ping flow of 3 requests"
ok "3 echo requests and 3 replies, 1 packet seen by the MASQUERADE rule"

step "The conntrack entry holds both tuples: the reply goes to 203.0.113.1"
show ip netns exec nat-gw conntrack -L -p icmp
# Capture first, then search: with pipefail, a reader that stops early would fail the pipeline.
entries=$(ip netns exec nat-gw conntrack -L -p icmp 2>/dev/null)
entry=$(grep -m 1 'src=10.10.0.2 dst=203.0.113.2' <<<"$entries" || true)
[[ $entry == *"src=203.0.113.2 dst=203.0.113.1 "* ]] || fail "no translated reply tuple in: $entry"
ok "original 10.10.0.2 -> 203.0.113.2, reply 203.0.113.2 -> 203.0.113.1"

step "The outside sees the gateway's address, not 10.10.0.2"
lab_bg ip netns exec nat-out timeout 60 socat TCP-LISTEN:7,reuseaddr \
  SYSTEM:'echo "nat-out saw a connection from $SOCAT_PEERADDR"'
wait_listening nat-out 7
connect nat-priv 203.0.113.2 7 || fail "nat-priv could not connect to 203.0.113.2:7"
[[ $REPLY == "nat-out saw a connection from 203.0.113.1" ]] || fail "unexpected reply: $REPLY"
ok "the source address was rewritten to nat-gw's outside address"

step "Publish a port: 203.0.113.1:8080 on nat-gw leads to 10.10.0.2:80 in nat-priv"
lab_bg ip netns exec nat-priv timeout 60 socat TCP-LISTEN:80,reuseaddr,fork \
  SYSTEM:'echo "nat-priv:80 answers $SOCAT_PEERADDR"'
wait_listening nat-priv 80
if connect nat-out 203.0.113.1 8080; then
  fail "port 8080 answered before any DNAT rule"
fi
ok "nothing listens on 203.0.113.1:8080 yet"
show ip netns exec nat-gw iptables -t nat -A PREROUTING -d 203.0.113.1 -p tcp --dport 8080 \
  -j DNAT --to-destination 10.10.0.2:80
connect nat-out 203.0.113.1 8080 || fail "nat-out could not connect to 203.0.113.1:8080"
[[ $REPLY == "nat-priv:80 answers 203.0.113.2" ]] || fail "unexpected reply: $REPLY"
ok "nat-out reached nat-priv:80, and the server saw the real client address"
show ip netns exec nat-gw conntrack -L -p tcp --orig-port-dst 8080
entries=$(ip netns exec nat-gw conntrack -L -p tcp --orig-port-dst 8080 2>/dev/null)
entry=${entries%%$'\n'*}
[[ $entry == *"dst=203.0.113.1 sport="*" dport=8080 src=10.10.0.2 dst=203.0.113.2 sport=80 "* ]] \
  || fail "no DNAT reply tuple in: $entry"
ok "original tuple to 203.0.113.1:8080, reply tuple from 10.10.0.2:80"

step "PREROUTING does not see the gateway's own connections: that needs OUTPUT"
if connect nat-gw 203.0.113.1 8080; then
  fail "nat-gw reached its own port 8080 without an OUTPUT rule"
fi
ok "a connection made on nat-gw itself skips PREROUTING"
show ip netns exec nat-gw iptables -t nat -A OUTPUT -d 203.0.113.1 -p tcp --dport 8080 \
  -j DNAT --to-destination 10.10.0.2:80
connect nat-gw 203.0.113.1 8080 || fail "nat-gw could not connect to 203.0.113.1:8080"
[[ $REPLY == "nat-priv:80 answers 203.0.113.1" ]] || fail "unexpected reply: $REPLY"
ok "with a DNAT rule in OUTPUT too, the published port works from the gateway itself"

step "The same rules, as nf_tables sees them"
show ip netns exec nat-gw iptables-save -t nat
# nft writes its "managed by iptables-nft" warnings to stderr; show them too.
printf '$ ip netns exec nat-gw nft list ruleset\n'
ip netns exec nat-gw nft list ruleset 2>&1
ruleset=$(ip netns exec nat-gw nft list ruleset 2>/dev/null)
[[ $ruleset == *masquerade* ]] || fail "nft does not show the masquerade rule"
[[ $ruleset == *"dnat to 10.10.0.2:80"* ]] || fail "nft does not show the DNAT rule"
ok "iptables-nft stored its rules as nf_tables objects in nat-gw"
show ip netns exec nat-gw iptables-legacy-save
[[ -z $(ip netns exec nat-gw iptables-legacy-save) ]] || fail "iptables-legacy sees rules in nat-gw"
ok "the legacy x_tables backend holds nothing: iptables-legacy cannot see these rules"

step "The root namespace's rules did not change"
[[ $(root_rules) == "$ROOT_RULES_BEFORE" ]] || fail "iptables-save in the root namespace changed"
ok "iptables-save in the root namespace is as it was"

pass
