#!/usr/bin/env bash
# Lab: shaping with HTB, and ingress shaping through an ifb device
# (chapter "Traffic control").
#
# Two namespaces, tc-snd and tc-rcv, are joined by a veth pair. The lab
# measures a TCP transfer before any shaping, then installs an HTB tree on the
# sender's veth: a parent class capped at 10 mbit, a 1 mbit class that a u32
# filter fills with traffic to port 5001, and a default class with a rate of
# 2 mbit that may borrow up to the parent's 10 mbit. It measures each class
# and reads the counters with `tc -s class show`. Finally it removes the
# egress shaping and limits what the receiver accepts instead, the way the CNI
# bandwidth plugin does: an ingress qdisc redirects every arriving packet to
# an ifb device, and a tbf qdisc on the ifb device shapes it.
#
# Every transfer is bounded in bytes and in time. The rates are checked with
# generous margins, so a busy machine still passes. Nothing in the root
# namespace is touched. Run as root: sudo bash labs/tc-htb.sh

source "$(dirname "$0")/lib.sh"
require tc socat ss awk ping
# The receiver's counts go to a scratch directory.
lab_tmpdir

# measure PORT WINDOW: send at most 100 MB from tc-snd to tc-rcv:PORT for at
# most WINDOW seconds and set RATE to the receiver's goodput in Mbit/s. The
# receiver counts the bytes it gets between accepting the connection and the
# end of the window (or of the data, whichever comes first).
measure() {
  local port=$1 win=$2 out="$WORK/rx.$1"
  : >"$out"
  lab_bg ip netns exec tc-rcv timeout $((win + 10)) socat -u "TCP-LISTEN:$port,reuseaddr" \
    SYSTEM:"s=\$(date +%s%N); n=\$(timeout $win cat | wc -c); e=\$(date +%s%N); echo \$n \$s \$e" \
    >"$out" 2>/dev/null
  local rx=$!
  wait_listening tc-rcv "$port"
  ip netns exec tc-snd timeout $((win + 1)) \
    sh -c "head -c 100000000 /dev/zero | socat -u - TCP:10.0.0.2:$port" 2>/dev/null || true
  wait "$rx" || true
  read -r BYTES START END <"$out" || fail "no measurement for port $port"
  RATE=$(awk -v b="$BYTES" -v s="$START" -v e="$END" 'BEGIN { printf "%.1f", b * 8 / ((e - s) / 1e9) / 1e6 }')
  printf 'port %s: %s bytes in %s s = %s Mbit/s\n' "$port" "$BYTES" \
    "$(awk -v s="$START" -v e="$END" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')" "$RATE"
}

# between RATE LOW HIGH: is LOW <= RATE <= HIGH?
between() { awk -v r="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(r >= lo && r <= hi) }'; }

step "Two namespaces on a veth pair"
make_ns tc-snd tc-rcv
show ip -n tc-snd link add eth0 type veth peer name eth0 netns tc-rcv
ip -n tc-snd address add 10.0.0.1/24 dev eth0
ip -n tc-rcv address add 10.0.0.2/24 dev eth0
ip -n tc-snd link set eth0 up
ip -n tc-rcv link set eth0 up
wait_up tc-snd eth0
wait_up tc-rcv eth0
expect_ping tc-snd 10.0.0.2

step "A veth starts with the noqueue qdisc: no queue, no shaping"
show ip netns exec tc-snd tc qdisc show dev eth0
[[ $(ip netns exec tc-snd tc qdisc show dev eth0) == *noqueue* ]] || fail "eth0 does not use noqueue"
ok "veth devices ignore net.core.default_qdisc and get noqueue"

step "Unshaped: how fast does a bounded TCP transfer go?"
measure 5001 2
# The classes below ask for 1 and 10 mbit; the baseline only has to beat the
# slowest of them clearly. The lab VM, emulated on a busy machine, may not reach 10.
between "$RATE" 4 1000000 || fail "unshaped transfer ran at only $RATE Mbit/s"
ok "unshaped rate is above 4 Mbit/s, four times what class 1:10 will allow"

step "Install an HTB tree on the sender's eth0"
show ip netns exec tc-snd tc qdisc add dev eth0 root handle 1: htb default 20
show ip netns exec tc-snd tc class add dev eth0 parent 1: classid 1:1 htb rate 10mbit ceil 10mbit
show ip netns exec tc-snd tc class add dev eth0 parent 1:1 classid 1:10 htb rate 1mbit ceil 1mbit
show ip netns exec tc-snd tc class add dev eth0 parent 1:1 classid 1:20 htb rate 2mbit ceil 10mbit
show ip netns exec tc-snd tc filter add dev eth0 parent 1: protocol ip prio 1 \
  u32 match ip dport 5001 0xffff flowid 1:10
show ip netns exec tc-snd tc class show dev eth0
show ip netns exec tc-snd tc filter show dev eth0

step "Port 5001 is classified into 1:10 and held to 1 mbit"
measure 5001 3
between "$RATE" 0.2 2 || fail "class 1:10 ran at $RATE Mbit/s, expected about 1"
ok "shaped rate is below 2 Mbit/s"

step "Other traffic falls into the default class 1:20 and borrows up to its ceil"
measure 5002 3
between "$RATE" 4 12 || fail "class 1:20 ran at $RATE Mbit/s, expected between its rate (2) and ceil (10)"
ok "class 1:20 ran well above its 2 mbit rate and below its 10 mbit ceil: it borrowed from 1:1"

step "The counters say which class carried what, and who borrowed"
show ip netns exec tc-snd tc -s class show dev eth0
borrowed=$(ip netns exec tc-snd tc -s class show dev eth0 classid 1:20 | sed -n 's/.*borrowed: \([0-9]*\).*/\1/p')
[[ ${borrowed:-0} -gt 0 ]] || fail "class 1:20 never borrowed"
ok "class 1:20 borrowed $borrowed times from its parent"

step "Ingress: the receiver redirects arriving packets to an ifb device and shapes them there"
show ip netns exec tc-snd tc qdisc del dev eth0 root
show ip -n tc-rcv link add ifb0 type ifb
show ip -n tc-rcv link set ifb0 up
show ip netns exec tc-rcv tc qdisc add dev eth0 handle ffff: ingress
show ip netns exec tc-rcv tc filter add dev eth0 parent ffff: protocol all prio 1 \
  u32 match u32 0 0 action mirred egress redirect dev ifb0
show ip netns exec tc-rcv tc qdisc add dev ifb0 root handle 1: tbf rate 1mbit burst 16kb latency 25ms
show ip netns exec tc-rcv tc qdisc show
measure 5003 3
between "$RATE" 0.2 2 || fail "ingress-shaped transfer ran at $RATE Mbit/s, expected about 1"
ok "the receiver held its incoming traffic below 2 Mbit/s without touching the sender"
show ip netns exec tc-rcv tc -s qdisc show dev ifb0

pass
