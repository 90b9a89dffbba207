# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/vxlan-overlay.sh` keeps: the hosts
# vx-h1 and vx-h2 (underlay 192.168.100.1 and .2), each with vxlan0 (VNI 42,
# port 4789, nolearning) and the container vx-c1 or vx-c2 (10.42.0.1 and .2,
# MTU 1450) on its bridge br0, and the programmed entries: permanent neighbour
# entries in both containers, and vx-h2's FDB entry for vx-c1's MAC. vx-h1's
# entry for vx-c2's MAC went at the lab's end.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise wrong-port
#: setup
# Put back vx-h1's entry for vx-c2's MAC address.
c2=$(ip netns exec vx-c2 cat /sys/class/net/eth0/address)
bridge -n vx-h1 fdb append "$c2" dev vxlan0 dst 192.168.100.2
#: break
# A control plane that believes vx-h2 listens on the Linux default port.
c2=$(ip netns exec vx-c2 cat /sys/class/net/eth0/address)
bridge -n vx-h1 fdb replace "$c2" dev vxlan0 dst 192.168.100.2 port 8472
#: check
ip netns exec vx-c1 ping -c 1 -W 1 10.42.0.2
#: fix
c2=$(ip netns exec vx-c2 cat /sys/class/net/eth0/address)
bridge -n vx-h1 fdb replace "$c2" dev vxlan0 dst 192.168.100.2

#: exercise neighbour-gone
#: break
ip -n vx-c1 neigh del 10.42.0.2 dev eth0
#: check
ip netns exec vx-c1 ping -c 1 -W 1 10.42.0.2
#: fix
c2=$(ip netns exec vx-c2 cat /sys/class/net/eth0/address)
ip -n vx-c1 neigh replace 10.42.0.2 lladdr "$c2" dev eth0 nud permanent
