#!/usr/bin/env bash
# Lab: an Open vSwitch bridge and a flow that drops ICMP (chapter "Open vSwitch").
#
# The lab starts its own Open vSwitch: ovsdb-server with a fresh database made
# by ovsdb-tool from the installed schema, and ovs-vswitchd, both inside the
# namespace ovs-node, with their database, sockets, pid files and logs in a
# scratch directory (OVS_RUNDIR, OVS_DBDIR, OVS_LOGDIR point there), not in
# /etc/openvswitch or /run/openvswitch. No system service is used or touched.
#
# ovs-vsctl creates the bridge br0 and adds two ports, the node ends of veth
# pairs whose other ends are eth0 in ovs-a and ovs-b. With the bridge's one
# default flow (actions=NORMAL: behave like a learning switch) the two ping
# each other. Then ovs-ofctl adds a higher-priority flow that drops ICMP
# arriving from ovs-a: ping fails while TCP between the same two still works,
# the kernel datapath caches the drop as a megaflow, and the flow's n_packets
# counter shows what it dropped.
#
# Nothing in the root namespace is created or changed. At exit the daemons are
# stopped and the kernel datapath (ovs-system, br0 and its ports) is deleted.
# Needs the openvswitch kernel module. Run as root: sudo bash labs/ovs-bridge.sh

source "$(dirname "$0")/lib.sh"
require_module openvswitch
require ovsdb-tool ovsdb-server ovs-vsctl ovs-ofctl ovs-appctl ovs-dpctl socat ping
# Debian installs ovs-vswitchd outside PATH, for its init scripts to start.
VSWITCHD=$(command -v ovs-vswitchd || echo /usr/lib/openvswitch-switch/ovs-vswitchd)
[[ -x $VSWITCHD ]] || skip "ovs-vswitchd is missing: apt-get install openvswitch-switch"
SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
[[ -r $SCHEMA ]] || skip "$SCHEMA is missing: apt-get install openvswitch-switch"

lab_tmpdir
# Every Open vSwitch program finds the database socket, the bridges' OpenFlow
# sockets (br0.mgmt), pid files and logs through these.
export OVS_RUNDIR=$WORK OVS_DBDIR=$WORK OVS_LOGDIR=$WORK OVS_SYSCONFDIR=$WORK

# ovs COMMAND...: show and run an Open vSwitch client, bounded: ovs-vsctl waits
# for ovs-vswitchd to apply each change, and would wait forever for a daemon
# that died.
ovs() {
  printf '$ %s\n' "$*"
  timeout 60 "$@" || fail "$* failed"
}
# ovs_out COMMAND...: the same, and the output is kept in OUT for checks.
ovs_out() {
  printf '$ %s\n' "$*"
  OUT=$(timeout 60 "$@") || fail "$* failed"
  printf '%s\n' "$OUT"
}

# n_packets MATCH: the packet counter of the flow whose line contains MATCH.
n_packets() {
  timeout 60 ovs-ofctl --names dump-flows br0 | grep -F -- "$1" | sed -n 's/.*n_packets=\([0-9]*\).*/\1/p'
}
# counted MATCH N: has that flow counted at least N packets?
counted() { (($(n_packets "$1") >= $2)); }

step "A node namespace for the switch, and two hosts wired to it by veth pairs"
make_ns ovs-node ovs-a ovs-b
veth_pair ovs-node veth-a - ovs-a eth0 10.0.0.1/24
veth_pair ovs-node veth-b - ovs-b eth0 10.0.0.2/24
expect_no_ping ovs-a 10.0.0.2
ok "veth-a and veth-b are not joined to anything yet"

step "Start Open vSwitch in ovs-node: a database, ovsdb-server, ovs-vswitchd"
printf '$ ovsdb-tool create %s %s\n' '$OVS_DBDIR/conf.db' "$SCHEMA"
ovsdb-tool create "$WORK/conf.db" "$SCHEMA"
lab_bg ip netns exec ovs-node timeout 600 ovsdb-server "$WORK/conf.db" \
  --remote="punix:$WORK/db.sock" --pidfile --log-file >"$WORK/ovsdb-server.out" 2>&1
wait_for 60 "ovsdb-server to listen on db.sock" test -S "$WORK/db.sock"
timeout 60 ovs-vsctl --no-wait init
lab_bg ip netns exec ovs-node timeout 600 "$VSWITCHD" --pidfile --log-file >"$WORK/ovs-vswitchd.out" 2>&1
# The kernel datapath outlives ovs-vswitchd by design (a restart must not stop
# traffic): delete it once the daemons are stopped.
on_exit 'ip netns exec ovs-node ovs-dpctl del-dp ovs-system 2>/dev/null'
wait_for 60 "ovs-vswitchd to answer" ovs-appctl -t ovs-vswitchd -T 5 version
ok "both daemons run in ovs-node, with their files in the lab's scratch directory"

step "A bridge with two ports: ovs-vsctl writes the database, ovs-vswitchd applies it"
ovs ovs-vsctl add-br br0
ovs ovs-vsctl add-port br0 veth-a -- set interface veth-a ofport_request=1
ovs ovs-vsctl add-port br0 veth-b -- set interface veth-b ofport_request=2
ovs ovs-vsctl list-ports br0
ovs_out ovs-vsctl get interface veth-a ofport -- get interface veth-b ofport
[[ $OUT == $'1\n2' ]] || fail "veth-a and veth-b did not get the OpenFlow port numbers 1 and 2"
show ip -n ovs-node -br link show type openvswitch
show ip -n ovs-node -br link show master ovs-system
ports=$(ip -n ovs-node -o link show master ovs-system)
[[ $ports == *veth-a* && $ports == *veth-b* ]] || fail "veth-a and veth-b are not ports of the datapath ovs-system"
ok "ovs-system is the kernel datapath, br0 its internal port, and both veths are attached to it"

step "The default flow, actions=NORMAL: a learning switch"
# The first packets of each kind go up to ovs-vswitchd (upcalls), slow on a slow machine.
wait_for 30 "ovs-a to reach ovs-b through br0" ip netns exec ovs-a ping -c 1 -W 2 10.0.0.2
expect_ping ovs-a 10.0.0.2
expect_ping ovs-b 10.0.0.1
ovs ovs-ofctl --names dump-flows br0
ovs ovs-appctl fdb/show br0
ok "br0 learned each host's MAC on its port, like a Linux bridge"

step "A flow that drops ICMP from ovs-a, above the NORMAL flow"
ovs ovs-ofctl --names add-flow br0 "priority=100,icmp,in_port=veth-a,actions=drop"
# The kernel still caches what the old table decided: wait until ovs-vswitchd
# has checked every cached megaflow against the new table.
timeout 60 ovs-appctl revalidator/wait
expect_no_ping ovs-a 10.0.0.2
# The echo request from ovs-b passes; the reply comes in on veth-a and is dropped.
expect_no_ping ovs-b 10.0.0.1
# Idle megaflows leave the cache after 10 s: look at once.
ovs_out ovs-appctl dpctl/dump-flows
grep -q 'proto=1.*actions:drop' <<<"$OUT" || fail "no megaflow drops ICMP in the kernel datapath"
ok "the first ICMP packet went up to ovs-vswitchd; the megaflow it installed drops the rest in the kernel"

step "TCP between the same two hosts still flows"
lab_bg ip netns exec ovs-b timeout 120 socat TCP-LISTEN:8080,reuseaddr,fork SYSTEM:'echo hello over TCP from ovs-b'
wait_listening ovs-b 8080
printf '$ ip netns exec ovs-a socat -u TCP:10.0.0.2:8080 -\n'
ip netns exec ovs-a timeout 20 socat -T 10 -u TCP:10.0.0.2:8080 - || fail "TCP from ovs-a to ovs-b failed"
ok "the drop flow matches ICMP only: TCP takes the NORMAL flow"

step "The flow's counter shows what it dropped"
# ovs-vswitchd reads the datapath's counters into the OpenFlow flows every half second or so.
wait_for 30 "the drop flow to count two packets" counted "actions=drop" 2
ovs_out ovs-ofctl --names dump-flows br0
dropped=$(grep -F 'actions=drop' <<<"$OUT" | sed -n 's/.*n_packets=\([0-9]*\).*/\1/p')
echo "the drop flow counted $dropped packets: the echo request from ovs-a and the reply to ovs-b"

pass
