# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/packet-path-trace.sh` keeps: pp-a
# (10.0.1.2) -- pp-router (eth-a 10.0.1.1, eth-b 10.0.2.1, ip_forward=1, the
# counting tables inet pp and netdev ppdev) -- pp-b (10.0.2.2), and
# `nft monitor trace` in pp-router (for an hour).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise forwarding-off
#: break
ip netns exec pp-router sysctl -w net.ipv4.ip_forward=0
#: check
ip netns exec pp-a ping -c 1 -W 1 10.0.2.2
#: fix
ip netns exec pp-router sysctl -w net.ipv4.ip_forward=1

#: exercise ingress-drop
#: break
ip netns exec pp-router nft add table netdev guard
ip netns exec pp-router nft add chain netdev guard ingress '{ type filter hook ingress device "eth-a" priority -10; }'
ip netns exec pp-router nft add rule netdev guard ingress ip protocol icmp drop
#: check
ip netns exec pp-a ping -c 1 -W 1 10.0.2.2
#: fix
ip netns exec pp-router nft delete table netdev guard
