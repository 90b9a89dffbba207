# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/pod-to-pod.sh` keeps: the nodes
# p2p-n1 and p2p-n2 joined by the VXLAN overlay of the lab's last part
# (flannel.1 on each, with its route, neighbour and FDB entries), the pods
# p2p-a (MTU 1450 since the lab's last step) and p2p-b on node 1, p2p-c on node 2.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise stale-fdb-entry
#: break
# Node 1's FDB entry for node 2's VTEP (its flannel.1 MAC address) now points at
# 192.168.50.13, as if it still named a node that was replaced.
vtep=$(ip -n p2p-n2 -br link show dev flannel.1 | awk '{print $3}')
bridge -n p2p-n1 fdb replace "$vtep" dev flannel.1 dst 192.168.50.13
#: check
ip netns exec p2p-a ping -c 1 -W 1 10.244.2.2
#: fix
vtep=$(ip -n p2p-n2 -br link show dev flannel.1 | awk '{print $3}')
bridge -n p2p-n1 fdb replace "$vtep" dev flannel.1 dst 192.168.50.12

#: exercise forwarding-off
#: break
ip netns exec p2p-n2 sysctl -w net.ipv4.ip_forward=0
#: check
ip netns exec p2p-a ping -c 1 -W 1 10.244.2.2
#: fix
ip netns exec p2p-n2 sysctl -w net.ipv4.ip_forward=1
