# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/troubleshoot-mtu.sh` keeps: ts-a,
# the routers ts-r1 and ts-r2 joined by the 1400-byte link, ts-b with the
# server that sends 20000 bytes on port 8000 (for an hour), and on both routers
# the table inet ts-fw: the chain that drops outgoing ICMP "fragmentation
# needed" and the chain that clamps the MSS.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise clamp-gone
#: break
ip netns exec ts-r1 nft delete chain inet ts-fw clamp
ip netns exec ts-r2 nft delete chain inet ts-fw clamp
#: check
bytes=$(ip netns exec ts-a timeout 5 socat -T 3 -u TCP:10.2.0.2:8000,connect-timeout=2 - | wc -c)
echo "$bytes bytes"
[[ $bytes == 20000 ]]
#: fix
# No clamp, and still no ICMP: give both ends the MTU of the narrowest link,
# as a network plugin gives its pods the MTU of the overlay.
ip -n ts-a link set eth0 mtu 1400
ip -n ts-b link set eth0 mtu 1400

#: exercise icmp-one-way
#: setup
# A healthy path again: no firewall, no clamp, MTU 1500 at both ends.
ip netns exec ts-r1 nft delete table inet ts-fw
ip netns exec ts-r2 nft delete table inet ts-fw
ip -n ts-a link set eth0 mtu 1500
ip -n ts-b link set eth0 mtu 1500
#: break
# Only ts-r2 drops the "fragmentation needed" errors it sends.
ip netns exec ts-r2 nft add table inet ts-fw
ip netns exec ts-r2 nft add chain inet ts-fw out '{ type filter hook output priority 0; }'
ip netns exec ts-r2 nft add rule inet ts-fw out icmp type destination-unreachable icmp code frag-needed counter drop
# ts-b forgets the path MTU it learnt from the downloads before.
ip netns exec ts-b ip route flush cache
#: check
bytes=$(ip netns exec ts-a timeout 5 socat -T 3 -u TCP:10.2.0.2:8000,connect-timeout=2 - | wc -c)
echo "$bytes bytes"
[[ $bytes == 20000 ]]
#: fix
ip netns exec ts-r2 nft delete table inet ts-fw
