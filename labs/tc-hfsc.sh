#!/usr/bin/env bash
# Lab: HFSC, a real-time guarantee for one flow and link-sharing for another
# (chapter "Traffic control").
#
# Two namespaces, hfsc-snd and hfsc-rcv, are joined by a veth pair. The
# sender's eth0 gets an HFSC tree: class 1:1 stands for a 2 mbit link (ls and
# ul curves of 2 mbit); under it, class 1:10 has only a real-time curve of
# 1500 kbit and takes TCP port 5001, and class 1:20, the default, has only a
# link-share curve (2 mbit, so link-sharing alone would give it everything).
# Two bounded TCP transfers run at once, one per class. The lab reads the bytes
# each class sent over the same few seconds from `tc -s class show`: the
# real-time class gets its guarantee, about three quarters of the link, and
# 1:20 the rest. Then the port 5001 transfer stops and 1:20 gets the whole link.
# Finally HFSC's own counters show that every byte of 1:10 was sent under the
# real-time criterion (rtwork equals work) and none of 1:20's.
#
# Nothing is checked against an absolute rate, only shares of the same window,
# so a slow or busy machine (the lab VM runs programs at a few MIPS) still
# passes. Nothing in the root namespace is touched. Needs the sch_hfsc kernel
# module. Run as root: sudo bash labs/tc-hfsc.sh

source "$(dirname "$0")/lib.sh"
require_module sch_hfsc
require tc socat ss awk ping
S=(ip netns exec hfsc-snd)

# class_bytes CLASSID: the bytes the class has sent so far ("Sent N bytes").
class_bytes() { sent | awk -v c="$1" '$1 == c { print $2 }'; }
# sent: "CLASSID BYTES" for every class, from one reading of the counters.
sent() { "${S[@]}" tc -s class show dev eth0 | awk '$1 == "class" { c = $3 } $1 == "Sent" { print c, $2 }'; }

# sending PORT: start a transfer from hfsc-snd to hfsc-rcv:PORT (at most 100 MB
# and 120 s) and its receiver; $! is the sender's PID afterwards.
sending() {
  lab_bg ip netns exec hfsc-rcv timeout 130 socat -u "TCP-LISTEN:$1,reuseaddr" /dev/null
  wait_listening hfsc-rcv "$1"
  lab_bg ip netns exec hfsc-snd timeout 120 \
    sh -c "head -c 100000000 /dev/zero | socat -u - TCP:10.0.0.2:$1" 2>/dev/null
}

# grows CLASSID: does the class send (its byte counter grows within half a second)?
grows() {
  local before
  before=$(class_bytes "$1")
  sleep 0.5
  (($(class_bytes "$1") > before))
}

# window SECONDS: set D10 and D20 to the bytes classes 1:10 and 1:20 sent in
# the next SECONDS, and SECS to the time between the two readings (the middle
# of each: a reading takes a while on a slow machine).
window() {
  local before after t0 t1
  t0=${EPOCHREALTIME//[!0-9]/}
  before=$(sent)
  t0=$(((t0 + ${EPOCHREALTIME//[!0-9]/}) / 2))
  sleep "$1"
  t1=${EPOCHREALTIME//[!0-9]/}
  after=$(sent)
  t1=$(((t1 + ${EPOCHREALTIME//[!0-9]/}) / 2))
  SECS=$(awk -v us=$((t1 - t0)) 'BEGIN { printf "%.1f", us / 1e6 }')
  D10=$(($(awk '$1 == "1:10" { print $2 }' <<<"$after") - $(awk '$1 == "1:10" { print $2 }' <<<"$before")))
  D20=$(($(awk '$1 == "1:20" { print $2 }' <<<"$after") - $(awk '$1 == "1:20" { print $2 }' <<<"$before")))
}

# report CLASS BYTES: one line with the class's bytes and rate in the window.
report() {
  printf 'class %s sent %s bytes in %s s = %s kbit/s\n' "$1" "$2" "$SECS" \
    "$(awk -v b="$2" -v s="$SECS" 'BEGIN { printf "%.0f", b * 8 / s / 1000 }')"
}

# more_than A FACTOR B: is A > FACTOR * B?
more_than() { awk -v a="$1" -v f="$2" -v b="$3" 'BEGIN { exit !(a > f * b) }'; }

step "Two namespaces on a veth pair"
make_ns hfsc-snd hfsc-rcv
veth_pair hfsc-snd eth0 10.0.0.1/24 hfsc-rcv eth0 10.0.0.2/24
expect_ping hfsc-snd 10.0.0.2

step "An HFSC tree on the sender's eth0: a 2 mbit link, a real-time class and a link-sharing class"
show "${S[@]}" tc qdisc add dev eth0 root handle 1: hfsc default 20
show "${S[@]}" tc class add dev eth0 parent 1: classid 1:1 hfsc ls m2 2mbit ul m2 2mbit
show "${S[@]}" tc class add dev eth0 parent 1:1 classid 1:10 hfsc rt m2 1500kbit
show "${S[@]}" tc class add dev eth0 parent 1:1 classid 1:20 hfsc ls m2 2mbit
show "${S[@]}" tc filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip dport 5001 0xffff flowid 1:10
show "${S[@]}" tc class show dev eth0
expect_ping hfsc-snd 10.0.0.2
ok "unclassified traffic such as ping goes to the default class 1:20 (without a default, HFSC would drop it)"

step "Both classes busy: the real-time curve holds 1:10 at 1500 kbit, link-sharing gives 1:20 the rest"
sending 5002
sending 5001
RT_SENDER=$!
wait_for 60 "class 1:20 to send" grows 1:20
wait_for 60 "class 1:10 to send" grows 1:10
# Let both queues fill before measuring.
sleep 2
window 5
report 1:10 "$D10"
report 1:20 "$D20"
SHARED20=$D20
echo "class 1:10 sent $((100 * D10 / (D10 + D20)))% of the bytes"
more_than "$D10" 1.5 "$D20" || fail "class 1:10 sent $D10 bytes, not well above class 1:20's $D20: its real-time curve did not hold"
ok "1:10 got about its 1500 kbit of the 2 mbit link, although 1:20's link-share curve asks for all of it"

step "Only 1:20 busy: link-sharing gives it the whole link"
stop_bg "$RT_SENDER"
sleep 2
window 5
report 1:20 "$D20"
more_than "$D20" 1.5 "$SHARED20" || fail "class 1:20 sent $D20 bytes alone, not well above the $SHARED20 it sent beside 1:10"
ok "1:20 now sends at about the full 2 mbit: real-time service is reserved only while 1:10 has packets"

step "HFSC's counters: work is what a class sent, rtwork what it sent under the real-time criterion"
show "${S[@]}" tc -s class show dev eth0
stats() { "${S[@]}" tc -s class show dev eth0 classid "$1"; }
work10=$(stats 1:10 | sed -n 's/.* work \([0-9]*\) bytes.*/\1/p')
rtwork10=$(stats 1:10 | sed -n 's/.* rtwork \([0-9]*\) bytes.*/\1/p')
[[ -n $work10 && $work10 == "$rtwork10" ]] || fail "class 1:10: work ${work10:-?} and rtwork ${rtwork10:-?} differ"
[[ $(stats 1:20) != *rtwork* ]] || fail "class 1:20 has real-time work, but no real-time curve"
ok "1:10's work equals its rtwork: it has no link-share curve, so all it sent was real-time service"
ok "1:20 has no rtwork: everything it sent came from link-sharing"

pass
