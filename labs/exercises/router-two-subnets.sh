# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/router-two-subnets.sh` keeps: rt-a
# (10.1.0.2 and 10.1.0.3, default via 10.1.0.1), the router rt-r (veth-a
# 10.1.0.1, veth-b 10.2.0.1, ip_forward=1, no rule of its own left) and rt-b
# (10.2.0.2, with a route to 10.1.0.0/24 via 10.2.0.1 instead of a default).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise interface-forwarding
#: break
ip netns exec rt-r sysctl -w net.ipv4.conf.veth-a.forwarding=0
#: check
ip netns exec rt-a ping -c 1 -W 1 10.2.0.2
#: fix
ip netns exec rt-r sysctl -w net.ipv4.conf.veth-a.forwarding=1

#: exercise rule-without-selector
#: break
# Meant for 10.1.0.3 only, like the lab's rule, with a prohibit route this time.
ip -n rt-r route add prohibit 10.2.0.0/24 table 100
ip -n rt-r rule add lookup 100 priority 100
#: check
ip netns exec rt-a ping -c 1 -W 1 10.2.0.2
#: fix
ip -n rt-r rule del priority 100
ip -n rt-r rule add from 10.1.0.3 lookup 100 priority 100
