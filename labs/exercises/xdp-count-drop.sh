# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/xdp-count-drop.sh` keeps: xdp-client
# and xdp-server joined by a veth pair, the UDP server on xdp-server's port 9000
# (for an hour), and the program count_and_drop attached at the XDP hook of
# xdp-server's eth0, with its maps proto_count and udp_deny (empty).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise tcpdump-blind
#: break
# The rule of the lab again: UDP port 9000 (bytes 28 23 00 00) is dropped.
bpftool map update name udp_deny key hex 28 23 00 00 value hex 00 00 00 00 00 00 00 00
#: check
# One datagram to port 9000 must be answered.
answer=$(echo hello | ip netns exec xdp-client timeout 20 socat -t 8 -T 8 - UDP:10.0.0.2:9000)
[[ $answer == "xdp-server got: hello" ]]
#: fix
bpftool map delete name udp_deny key hex 28 23 00 00

#: exercise byte-order
#: setup
# Start from a working rule: UDP port 9000 is dropped.
bpftool map update name udp_deny key hex 28 23 00 00 value hex 00 00 00 00 00 00 00 00
#: break
# The rule written again the way the port looks on the wire: 9000 is 0x2328, big-endian.
bpftool map delete name udp_deny key hex 28 23 00 00
bpftool map update name udp_deny key hex 00 00 23 28 value hex 00 00 00 00 00 00 00 00
#: check
# The rule must hold: a datagram to port 9000 gets no answer, and ping still works.
answer=$(echo hello | ip netns exec xdp-client timeout 20 socat -t 8 -T 8 - UDP:10.0.0.2:9000 || true)
[[ -z $answer ]]
ip netns exec xdp-client ping -c 1 -W 5 10.0.0.2
#: fix
bpftool map delete name udp_deny key hex 00 00 23 28
bpftool map update name udp_deny key hex 28 23 00 00 value hex 00 00 00 00 00 00 00 00
