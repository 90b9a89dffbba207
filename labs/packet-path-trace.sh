#!/usr/bin/env bash
# Lab: the path of a packet through the Linux stack (chapter "The path of a packet").
#
# Three namespaces in a row: pp-a -- pp-router -- pp-b. The router carries an
# nftables table with a counting rule at every IPv4 netfilter hook
# (prerouting, input, forward, output, postrouting), a NAT chain, and a
# netdev-family chain at the ingress hook of its first interface. The lab
# shows that a ping forwarded through the router crosses prerouting, forward
# and postrouting but never input; that a ping to the router itself crosses
# prerouting and input, and its reply output and postrouting, but never
# forward; that only the first packet of a flow visits a NAT chain; and it
# traces single packets hook by hook with `nft monitor trace`.
#
# Nothing in the root namespace is created or changed. Run as root:
#   sudo bash labs/packet-path-trace.sh

source "$(dirname "$0")/lib.sh"
require nft conntrack ping
lab_tmpdir

HOOKS=(prerouting input forward output postrouting)

# count CHAIN [FAMILY TABLE]: the packet counter of the single rule in chain
# CHAIN of the router's table (inet pp unless given).
count() {
  local chain
  chain=$(ip netns exec pp-router nft list chain "${2:-inet}" "${3:-pp}" "$1")
  [[ $chain =~ counter\ packets\ ([0-9]+) ]] || fail "no counter in chain $1"
  echo "${BASH_REMATCH[1]}"
}

declare -A BEFORE
snapshot() {
  local c
  for c in "${HOOKS[@]}" srcnat; do BEFORE[$c]=$(count "$c"); done
  BEFORE[ingress]=$(count ingress netdev ppdev)
}

# report: how many ICMP packets each hook saw since the last snapshot, in hook order.
declare -A DELTA
report() {
  local c now
  for c in ingress "${HOOKS[@]}" srcnat; do
    if [[ $c == ingress ]]; then now=$(count ingress netdev ppdev); else now=$(count "$c"); fi
    DELTA[$c]=$((now - BEFORE[$c]))
    printf '  %-12s %s\n' "$c" "${DELTA[$c]}"
  done
}

# expect_delta HOOK N: the hook saw exactly N ICMP packets in the last step.
expect_delta() {
  [[ ${DELTA[$1]} -eq $2 ]] || fail "$1 counted ${DELTA[$1]} packets, expected $2"
}

step "Three namespaces in a row: pp-a -- pp-router -- pp-b"
make_ns pp-a pp-router pp-b
show ip -n pp-router link add eth-a type veth peer name eth0 netns pp-a
show ip -n pp-router link add eth-b type veth peer name eth0 netns pp-b
ip -n pp-router address add 10.0.1.1/24 dev eth-a
ip -n pp-router address add 10.0.2.1/24 dev eth-b
ip -n pp-a address add 10.0.1.2/24 dev eth0
ip -n pp-b address add 10.0.2.2/24 dev eth0
for dev in eth-a eth-b; do ip -n pp-router link set "$dev" up; done
for ns in pp-a pp-b; do ip -n "$ns" link set eth0 up; done
wait_up pp-router eth-a eth-b
ip -n pp-a route add default via 10.0.1.1
ip -n pp-b route add default via 10.0.2.1
show ip netns exec pp-router sysctl -w net.ipv4.ip_forward=1
show ip -n pp-router -br address

step "Counting rules at every hook of the router (and NAT for traffic leaving eth-b)"
ip netns exec pp-router nft -f - <<'EOF'
table netdev ppdev {
  chain ingress {
    type filter hook ingress device "eth-a" priority 0;
    ip protocol icmp counter meta nftrace set 1
  }
}
table inet pp {
  chain prerouting {
    type filter hook prerouting priority filter;
    ip protocol icmp counter
  }
  chain input {
    type filter hook input priority filter;
    ip protocol icmp counter
  }
  chain forward {
    type filter hook forward priority filter;
    ip protocol icmp counter
  }
  chain output {
    type filter hook output priority filter;
    ip protocol icmp counter meta nftrace set 1
  }
  chain postrouting {
    type filter hook postrouting priority filter;
    ip protocol icmp counter
  }
  chain srcnat {
    type nat hook postrouting priority srcnat;
    oifname "eth-b" ip protocol icmp counter masquerade
  }
}
EOF
show ip netns exec pp-router nft list chain inet pp forward
expect_ping pp-a 10.0.1.1
expect_ping pp-b 10.0.2.1

step "A forwarded ping: pp-a -> pp-b through the router"
snapshot
show ip netns exec pp-a ping -c 3 -i 0.2 -W 1 10.0.2.2
echo "ICMP packets seen by each hook of pp-router:"
report
expect_delta ingress 3
expect_delta prerouting 6
expect_delta forward 6
expect_delta postrouting 6
expect_delta input 0
expect_delta output 0
ok "3 requests and 3 replies crossed prerouting, forward and postrouting; input and output saw nothing"
expect_delta srcnat 1
ok "the NAT chain saw only the first packet of the flow; conntrack handled the other 5"

step "Connection tracking remembers the flow and its NAT (pp-b saw 10.0.2.1, not 10.0.1.2)"
show ip netns exec pp-router conntrack -L -p icmp 2>/dev/null
[[ $(ip netns exec pp-router conntrack -L -p icmp 2>/dev/null) == *"src=10.0.1.2 dst=10.0.2.2 "*" src=10.0.2.2 dst=10.0.2.1 "* ]] \
  || fail "no conntrack entry with the masqueraded reply tuple"
ok "the reply tuple points at the router's address: that is the source NAT"

step "A ping to the router itself: pp-a -> 10.0.1.1"
snapshot
show ip netns exec pp-a ping -c 1 -W 1 10.0.1.1
echo "ICMP packets seen by each hook of pp-router:"
report
expect_delta prerouting 1
expect_delta input 1
expect_delta output 1
expect_delta postrouting 1
expect_delta forward 0
ok "the request went prerouting -> input, the reply output -> postrouting; forward saw nothing"

step "Trace single packets hook by hook with nft monitor trace"
lab_bg ip netns exec pp-router timeout 60 nft monitor trace >"$WORK/trace" 2>&1
# nft monitor says nothing when it starts listening. pp-b pings the router
# until the router's own (traced) reply to it shows up; from then on the
# monitor sees every traced packet. Those replies are left out below.
monitor_listens() {
  ip netns exec pp-b ping -c 1 -W 1 10.0.2.1 >/dev/null
  grep -q 'daddr 10.0.2.2 .*echo-reply' "$WORK/trace"
}
wait_for 10 "nft monitor to listen" monitor_listens
# New ICMP ids, so both are new connections again and the first one meets the NAT chain.
ip netns exec pp-a ping -c 1 -W 1 10.0.2.2 >/dev/null || fail "pp-a cannot reach 10.0.2.2"
ip netns exec pp-a ping -c 1 -W 1 10.0.1.1 >/dev/null || fail "pp-a cannot reach 10.0.1.1"
# paths: one line per traced packet, the chains it visited, in order.
paths() {
  awk -v skip="echo-reply to 10.0.2.2" '$1 == "trace" && $7 == "packet:" {
    id = $3
    if (!(id in seen)) { seen[id] = 1; order[++n] = id; match($0, /ip daddr [0-9.]+/)
      what[id] = ($0 ~ /echo-request/ ? "echo-request" : "echo-reply") " to " substr($0, RSTART + 9, RLENGTH - 9) }
    path[id] = path[id] (path[id] == "" ? "" : " -> ") $4 ":" $6
  }
  END { for (i = 1; i <= n; i++) if (what[order[i]] != skip) printf "%-26s %s\n", what[order[i]], path[order[i]] }' "$WORK/trace"
}
# The router's reply to the second ping is the last packet traced, postrouting its last hook.
reply_traced() { [[ $(paths) == *"echo-reply to 10.0.1.2 "*"-> inet:postrouting"* ]]; }
wait_for 10 "nft monitor to report the router's reply" reply_traced
paths=$(paths)
echo "$paths"
grep -q '^echo-request to 10.0.2.2 *netdev:ingress -> inet:prerouting -> inet:forward -> inet:postrouting -> inet:srcnat$' <<<"$paths" \
  || fail "the forwarded request did not take the expected path"
grep -q '^echo-request to 10.0.1.1 *netdev:ingress -> inet:prerouting -> inet:input$' <<<"$paths" \
  || fail "the request to the router did not take the expected path"
grep -q '^echo-reply to 10.0.1.2 *inet:output -> inet:postrouting$' <<<"$paths" \
  || fail "the router's own reply did not take the expected path"
ok "forwarded: ingress, prerouting, forward, postrouting (+NAT); local: ingress, prerouting, input; reply: output, postrouting"

pass
