# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/docker-overlay-by-hand.sh` keeps:
# the hosts dko-h1 and dko-h2 on their underlay, the overlay namespaces dko-ov1
# and dko-ov2 with br0 and vxlan0, the containers dko-c1 and dko-c2 (dko-ov1
# lost its entries for dko-c2 at the lab's end), and the macvlan container
# dko-m1, which dko-h1 reaches through its own mv-host.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise stale-vtep
#: setup
# Write again what the gossip delivered about dko-c2: its MAC, and the host it lives on.
C2=$(ip netns exec dko-c2 cat /sys/class/net/eth0/address)
ip -n dko-ov1 neigh replace 10.0.1.3 lladdr "$C2" dev vxlan0 nud permanent
bridge -n dko-ov1 fdb replace "$C2" dev vxlan0 dst 192.168.50.2 self permanent
#: break
# A record that should have changed: dko-c2 is said to live on 192.168.50.3.
C2=$(ip netns exec dko-c2 cat /sys/class/net/eth0/address)
bridge -n dko-ov1 fdb replace "$C2" dev vxlan0 dst 192.168.50.3 self permanent
#: check
ip netns exec dko-c1 ping -c 1 -W 2 10.0.1.3
#: fix
C2=$(ip netns exec dko-c2 cat /sys/class/net/eth0/address)
bridge -n dko-ov1 fdb replace "$C2" dev vxlan0 dst 192.168.50.2 self permanent

#: exercise underlay-mtu
#: break
# The underlay link shrinks to 1400 bytes, as on a VPN; the overlay keeps 1450.
ip -n dko-h1 link set eth0 mtu 1400
ip -n dko-h2 link set eth0 mtu 1400
#: check
# A full-size packet of the overlay: 1422 bytes of data, 8 of ICMP, 20 of IP, not to be fragmented.
ip netns exec dko-c1 ping -c 1 -W 2 -Mdo -s 1422 10.0.1.3
#: fix
ip -n dko-h1 link set eth0 mtu 1500
ip -n dko-h2 link set eth0 mtu 1500
# dko-c1 remembers the path MTU it was told for ten minutes: forget it.
ip -n dko-c1 route flush cache

#: exercise macvlan-private
#: break
ip -n dko-m1 link set eth0 type macvlan mode private
#: check
ip netns exec dko-h1 ping -c 1 -W 2 192.168.50.10
#: fix
ip -n dko-m1 link set eth0 type macvlan mode bridge
