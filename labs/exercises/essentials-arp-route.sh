# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/essentials-arp-route.sh` keeps:
# ess-a (10.0.0.1/24, default via 10.0.0.2) and ess-b (10.0.0.2/24, forwarding
# on) on one veth pair, and in ess-b the servers on 0.0.0.0:8080 and
# 127.0.0.1:8081 (for an hour).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise wrong-gateway
#: setup
# 192.0.2.10 becomes an address of ess-b: something to reach through the gateway.
ip -n ess-b address add 192.0.2.10/32 dev lo
#: break
ip -n ess-a route replace default via 10.0.0.3
#: check
ip netns exec ess-a ping -c 1 -W 1 192.0.2.10
#: fix
ip -n ess-a route replace default via 10.0.0.2

#: exercise new-mac
#: break
# ess-b's eth0 gets another MAC address, as a recreated container would.
ip -n ess-b link set eth0 address 02:00:00:00:00:02
#: check
ip netns exec ess-a ping -c 1 -W 1 10.0.0.2
#: fix
ip -n ess-a neigh del 10.0.0.2 dev eth0
