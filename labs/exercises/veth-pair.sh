# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/veth-pair.sh` keeps: veth-a with
# tap0 and tun0, and an empty veth-b (the pair went at the lab's end).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise peer-down
#: setup
ip -n veth-a link add veth0 type veth peer name eth0 netns veth-b
ip -n veth-a address add 10.0.0.1/24 dev veth0
ip -n veth-b address add 10.0.0.2/24 dev eth0
ip -n veth-a link set veth0 up
ip -n veth-b link set eth0 up
#: break
ip -n veth-b link set eth0 down
#: check
ip netns exec veth-a ping -c 1 -W 1 10.0.0.2
#: fix
ip -n veth-b link set eth0 up

#: exercise mtu-mismatch
#: break
ip -n veth-b link set eth0 mtu 1400
#: check
# 1472 bytes of data, 8 of ICMP header, 20 of IP header: a 1500-byte packet, not to be fragmented.
ip netns exec veth-a ping -c 1 -W 1 -Mdo -s 1472 10.0.0.2
#: fix
ip -n veth-b link set eth0 mtu 1500
