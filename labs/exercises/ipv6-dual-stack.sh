# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/ipv6-dual-stack.sh` keeps: v6-a
# (10.10.1.10, fd00:10:1::a) and v6-b (10.10.1.11, fd00:10:1::b) on the
# bridge br0 of the router v6-r (10.10.1.1, fd00:10:1::1, link-local
# fe80::ff:fe00:1), v6-a with default routes via 10.10.1.1 and
# fe80::ff:fe00:1; behind v6-r, v6-c (10.10.2.12, and fd00:10:2::ff:fe00:c
# from SLAAC, radvd still advertising), its server on port 8080, and the table
# `inet lab` in v6-r refusing port 8080 in both families.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise icmpv6-filter
#: break
# "No ping to the router": one rule for both families, in a new input chain.
ip netns exec v6-r nft add chain inet lab input '{ type filter hook input priority filter; policy accept; }'
ip netns exec v6-r nft add rule inet lab input meta l4proto '{ icmp, ipv6-icmp }' counter drop
# v6-a forgets its neighbours, as it would after a reboot or a quiet while.
ip -n v6-a neigh flush dev eth0
#: check
ip netns exec v6-a ping -c 1 -W 2 fd00:10:2::ff:fe00:c
#: fix
# Neighbour discovery, router discovery and Packet Too Big are ICMPv6 too: let them in.
ip netns exec v6-r nft insert rule inet lab input icmpv6 type '{ nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit, nd-router-advert, packet-too-big }' accept
ip netns exec v6-r nft list chain inet lab input

#: exercise missing-v6-route
#: break
ip -n v6-a -6 route del default
#: check
ip netns exec v6-a ping -c 1 -W 2 fd00:10:2::ff:fe00:c
#: fix
ip -n v6-a -6 route add default via fe80::ff:fe00:1 dev eth0

#: exercise duplicate-address
#: break
# v6-b is given v6-a's IPv6 address as well, as a copied configuration would.
ip -n v6-b address add fd00:10:1::a/64 dev eth0
#: check
# No address of v6-b failed duplicate address detection.
[ -z "$(ip -n v6-b -6 address show dadfailed)" ]
#: fix
ip -n v6-b address del fd00:10:1::a/64 dev eth0
