# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/ovs-bridge.sh` keeps: ovsdb-server
# and ovs-vswitchd running in ovs-node (for an hour), the bridge br0 with
# veth-a (OpenFlow port 1) and veth-b (port 2), its two flows (priority 100:
# ICMP from veth-a is dropped; priority 0: NORMAL), and a TCP server on
# 10.0.0.2:8080 in ovs-b. The daemons' sockets are in the lab's scratch
# directory: every OVS command finds them through OVS_RUNDIR.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise allow-above-drop
#: break
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
# "Let all IP through": a flow for every IPv4 packet, at priority 200.
ovs-ofctl add-flow br0 "priority=200,ip,actions=NORMAL"
#: check
# The lab's policy: TCP from ovs-a reaches ovs-b's server, a ping does not.
ip netns exec ovs-a timeout 30 socat -T 10 -u TCP:10.0.0.2:8080,connect-timeout=10 -
! ip netns exec ovs-a ping -c 1 -W 5 10.0.0.2
#: fix
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-ofctl --strict del-flows br0 "priority=200,ip"

#: exercise no-flows-left
#: break
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-ofctl del-flows br0
#: check
ip netns exec ovs-a timeout 30 socat -T 10 -u TCP:10.0.0.2:8080,connect-timeout=10 -
! ip netns exec ovs-a ping -c 1 -W 5 10.0.0.2
#: fix
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-ofctl add-flow br0 "priority=0,actions=NORMAL"
ovs-ofctl --names add-flow br0 "priority=100,icmp,in_port=veth-a,actions=drop"

#: exercise renumbered-port
#: setup
# Forward by OpenFlow port number, as a controller or a CNI plugin does, above the NORMAL flow.
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-ofctl add-flow br0 "priority=10,in_port=1,actions=output:2"
ovs-ofctl add-flow br0 "priority=10,in_port=2,actions=output:1"
#: break
# Take veth-b off the bridge and put it back, as a restarted agent might.
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-vsctl del-port br0 veth-b
ovs-vsctl add-port br0 veth-b
#: check
ip netns exec ovs-a timeout 30 socat -T 10 -u TCP:10.0.0.2:8080,connect-timeout=10 -
! ip netns exec ovs-a ping -c 1 -W 5 10.0.0.2
#: fix
# The lab's daemons have their sockets in its scratch directory, /tmp/ovs-bridge.XXXXXX.
OVS_RUNDIR=$(echo /tmp/ovs-bridge.*) && export OVS_RUNDIR
ovs-vsctl set interface veth-b ofport_request=2
