# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/tc-htb.sh` keeps: tc-snd and tc-rcv
# joined by a veth pair, the sender's eth0 back on noqueue (the lab removed its
# HTB tree), and on the receiver an ingress hook that redirects every arriving
# packet to ifb0, shaped there by a 1 mbit tbf.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise forgotten-ceil
#: setup
# The lab's HTB tree on the sender's eth0 again.
ip netns exec tc-snd tc qdisc add dev eth0 root handle 1: htb default 20
ip netns exec tc-snd tc class add dev eth0 parent 1: classid 1:1 htb rate 10mbit ceil 10mbit
ip netns exec tc-snd tc class add dev eth0 parent 1:1 classid 1:10 htb rate 1mbit ceil 1mbit
ip netns exec tc-snd tc class add dev eth0 parent 1:1 classid 1:20 htb rate 2mbit ceil 10mbit
ip netns exec tc-snd tc filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip dport 5001 0xffff flowid 1:10
#: break
# Change the default class's rate, and say nothing about its ceil.
ip netns exec tc-snd tc class change dev eth0 parent 1:1 classid 1:20 htb rate 2mbit
#: check
# 300 kB of UDP to port 5002, which lands in the default class 1:20: does 1:20 borrow meanwhile?
borrowed() { ip netns exec tc-snd tc -s class show dev eth0 classid 1:20 | sed -n 's/.*borrowed: \([0-9]*\).*/\1/p'; }
before=$(borrowed)
ip netns exec tc-snd sh -c 'head -c 300000 /dev/zero | socat -u -b 1400 - UDP-SENDTO:10.0.0.2:5002'
after=$(borrowed)
echo "class 1:20 borrowed from 1:1 $((after - before)) times"
((after > before))
#: fix
ip netns exec tc-snd tc class change dev eth0 parent 1:1 classid 1:20 htb rate 2mbit ceil 10mbit

#: exercise default-class-gone
#: break
ip netns exec tc-snd tc class del dev eth0 classid 1:20
#: check
# The same 300 kB to port 5002: does any of it leave without going through a class?
direct() { ip netns exec tc-snd tc -s qdisc show dev eth0 | sed -n 's/.*direct_packets_stat \([0-9]*\).*/\1/p'; }
before=$(direct)
ip netns exec tc-snd sh -c 'head -c 300000 /dev/zero | socat -u -b 1400 - UDP-SENDTO:10.0.0.2:5002'
after=$(direct)
echo "$((after - before)) packets left unshaped (direct_packets_stat)"
((after == before))
#: fix
ip netns exec tc-snd tc class add dev eth0 parent 1:1 classid 1:20 htb rate 2mbit ceil 10mbit

#: exercise small-burst
#: break
# The receiver's tbf on ifb0: the same rate, with a bucket of 1000 bytes instead of 16 kB.
ip netns exec tc-rcv tc qdisc change dev ifb0 root handle 1: tbf rate 1mbit burst 1000 latency 25ms
#: check
# One full-size echo request: 1400 bytes of data, a 1442-byte frame.
ip netns exec tc-snd ping -c 1 -W 2 -s 1400 10.0.0.2
#: fix
ip netns exec tc-rcv tc qdisc change dev ifb0 root handle 1: tbf rate 1mbit burst 16kb latency 25ms
