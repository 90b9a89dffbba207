# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/wireguard-nodes.sh` keeps: the node
# namespaces wg-node-a (192.0.2.1) and wg-node-b (192.0.2.2) on their underlay
# link, each with wg0 (MTU 1440, UDP port 51820) peered with the other, the
# pods wg-pod-a (10.244.1.2) and wg-pod-b (10.244.2.2) behind them, and the
# routes that send each node's pod CIDR into wg0 on the other node.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise wrong-allowed-ips
#: break
# A typo on node b: the pods it expects from node a are 10.244.10.0/24, not 10.244.1.0/24.
ip netns exec wg-node-b wg set wg0 peer "$(ip netns exec wg-node-a wg show wg0 public-key)" allowed-ips 10.244.10.0/24
#: check
ip netns exec wg-pod-a ping -c 1 -W 5 10.244.2.2
#: fix
ip netns exec wg-node-b wg set wg0 peer "$(ip netns exec wg-node-a wg show wg0 public-key)" allowed-ips 10.244.1.0/24

#: exercise new-key-not-shared
#: break
# Node b makes itself a new key pair, as an agent does on a reinstalled node, and nobody tells node a.
ip netns exec wg-node-b wg set wg0 private-key <(wg genkey)
#: check
ip netns exec wg-pod-a ping -c 1 -W 5 10.244.2.2
#: fix
# Node a learns the new public key: the old peer goes, the new one takes its allowed-ips and endpoint.
old=$(ip netns exec wg-node-a wg show wg0 peers)
new=$(ip netns exec wg-node-b wg show wg0 public-key)
ip netns exec wg-node-a wg set wg0 peer "$old" remove peer "$new" allowed-ips 10.244.2.0/24 endpoint 192.0.2.2:51820

#: exercise mtu-too-large
#: break
# wg0 on node a gets the underlay's MTU, as if encryption cost nothing.
ip -n wg-node-a link set wg0 mtu 1500
# The pod forgets the path MTU it learnt in the lab, as a new pod would not know it.
ip -n wg-pod-a route flush cache
#: check
# The largest packet the tunnel can carry whole goes through; one byte more is refused, not sent.
ip netns exec wg-pod-a ping -c 1 -W 5 -Mdo -s 1412 10.244.2.2
! ip netns exec wg-pod-a ping -c 1 -W 5 -Mdo -s 1413 10.244.2.2
#: fix
ip -n wg-node-a link set wg0 mtu 1440
