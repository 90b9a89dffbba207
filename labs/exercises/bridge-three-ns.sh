# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/bridge-three-ns.sh` keeps: br-host
# with br0 (10.20.0.1/24) and its ports veth-c1 and veth-c2, the containers
# br-c1, br-c2 and br-c3 (10.20.0.11 to .13, default via 10.20.0.1), and
# veth-c3, up but detached from br0 at the lab's end.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise stp-delay
#: setup
ip -n br-host link set veth-c3 master br0
#: break
ip -n br-host link set br0 type bridge stp_state 1
# br-c3 is unplugged and plugged in again, as a restarted container would be.
ip -n br-host link set veth-c3 nomaster
ip -n br-host link set veth-c3 master br0
#: check
ip netns exec br-c3 ping -c 1 -W 1 10.20.0.1
#: fix
ip -n br-host link set br0 type bridge stp_state 0
# Switching STP off leaves the port where it is: plug it in again.
ip -n br-host link set veth-c3 down
ip -n br-host link set veth-c3 up

#: exercise address-on-port
#: break
ip -n br-host address del 10.20.0.1/24 dev br0
ip -n br-host address add 10.20.0.1/24 dev veth-c1
#: check
ip netns exec br-c1 ping -c 1 -W 1 10.20.0.1
ip netns exec br-c2 ping -c 1 -W 1 10.20.0.1
#: fix
ip -n br-host address del 10.20.0.1/24 dev veth-c1
ip -n br-host address add 10.20.0.1/24 dev br0
