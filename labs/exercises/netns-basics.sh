# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/netns-basics.sh` keeps: netns-host
# and netns-other, each with only lo, up (netns-ctr went at the lab's end).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise loopback-down
#: break
ip -n netns-other link set lo down
#: check
ip netns exec netns-other ping -c 1 -W 1 127.0.0.1
#: fix
ip -n netns-other link set lo up

#: exercise moved-end
#: setup
ip -n netns-host link add veth-other type veth peer name eth0 netns netns-other
ip -n netns-host address add 10.0.1.1/24 dev veth-other
ip -n netns-other address add 10.0.1.2/24 dev eth0
ip -n netns-host link set veth-other up
ip -n netns-other link set eth0 up
#: break
ip -n netns-other link set eth0 netns netns-host
#: check
ip netns exec netns-other ping -c 1 -W 1 10.0.1.1
#: fix
ip -n netns-host link set eth0 netns netns-other
ip -n netns-other address add 10.0.1.2/24 dev eth0
ip -n netns-other link set eth0 up
