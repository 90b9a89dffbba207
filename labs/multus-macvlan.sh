#!/usr/bin/env bash
# Lab: a pod with two networks, wired the way Multus wires it
# (chapter "More than one network").
#
# The lab plays Multus. It creates a "node" namespace (mn-node) whose second
# uplink, eth1, leads to a storage server (mn-storage, 192.168.50.10) on a
# network of its own, and an empty "pod" namespace (mn-pod). Like Multus, it
# first calls the cluster network's plugin for eth0 (the reference `bridge`
# plugin with host-local IPAM), then reads a NetworkAttachmentDefinition and
# calls the plugin named in its spec.config, `macvlan`, for net1 on eth1,
# with the same container ID and network namespace. It shows both interfaces
# and the pod's routes, checks that each network reaches its own peer, builds
# the network-status annotation Multus would write from the two results, then
# shows the macvlan pitfall: the node cannot reach its own macvlan child until
# it gets a macvlan interface of its own. Finally DEL, in reverse order,
# removes both interfaces and both address reservations.
#
# host-local keeps its state in a scratch directory that the lab creates and
# removes (never /var/lib/cni). Everything the plugins create lands in
# mn-node or mn-pod; the root namespace is not touched.
# Run as root: sudo bash labs/multus-macvlan.sh

source "$(dirname "$0")/lib.sh"
CNI_BIN=${CNI_BIN:-/usr/lib/cni}   # Debian's path; upstream tarballs use /opt/cni/bin
require jq ping "$CNI_BIN/bridge" "$CNI_BIN/macvlan" "$CNI_BIN/host-local"

lab_tmpdir
cd "$WORK"

CID=mn-pod-0001           # the pod sandbox's ID: one ID for every delegate
CLUSTER_IP=10.22.0.2
STORAGE_IP=192.168.50.20

# delegate PLUGIN VERB IFNAME CONFIG [OUT]: call a CNI plugin the way Multus
# calls each delegate, inside mn-node, and show the command line first. The
# plugin's stdout (result or error JSON) is printed compactly, and kept in OUT
# if given; the plugin's exit status is returned.
delegate() {
  local type=$1 verb=$2 ifname=$3 conf=$4 out=${5:-$WORK/last-output} rc=0
  printf '$ ip netns exec mn-node env CNI_COMMAND=%s CNI_CONTAINERID=%s CNI_NETNS=/run/netns/mn-pod CNI_IFNAME=%s CNI_PATH=%s %s/%s < %s\n' \
    "$verb" "$CID" "$ifname" "$CNI_BIN" "$CNI_BIN" "$type" "$conf"
  ip netns exec mn-node env CNI_COMMAND="$verb" CNI_CONTAINERID="$CID" \
    CNI_NETNS=/run/netns/mn-pod CNI_IFNAME="$ifname" CNI_PATH="$CNI_BIN" \
    "$CNI_BIN/$type" <"$conf" >"$out" || rc=$?
  if [[ -s $out ]]; then jq -c . "$out"; fi
  return "$rc"
}

step "A node with a second uplink to a storage network, and an empty pod"
make_ns mn-node mn-pod mn-storage
veth_pair mn-node eth1 192.168.50.1/24 mn-storage eth0 192.168.50.10/24
# A kernel with macvlan built in may show no trace of it in /sys/module: try it.
if ip -n mn-node link add probe0 link eth1 type macvlan 2>/dev/null; then
  ip -n mn-node link del probe0
else
  require_module macvlan
fi
show ip -n mn-node -br addr show eth1
show ip -n mn-pod -br link

step "eth0: Multus calls the cluster network's plugin first"
jq -n --arg dir "$WORK/ipam" '{
  cniVersion: "1.0.0",
  name: "cluster",
  type: "bridge",
  bridge: "cni0",
  isGateway: true,
  ipam: {
    type: "host-local",
    dataDir: $dir,
    ranges: [[{subnet: "10.22.0.0/24", gateway: "10.22.0.1"}]],
    routes: [{dst: "0.0.0.0/0"}]
  }
}' >cluster.json
delegate bridge ADD eth0 cluster.json eth0-result.json || fail "the bridge plugin's ADD failed"
wait_up mn-pod eth0
jq -e --arg ip "$CLUSTER_IP/24" '.ips[] | select(.address == $ip)' eth0-result.json >/dev/null \
  || fail "the bridge result does not list $CLUSTER_IP/24"
ok "eth0 has $CLUSTER_IP/24 on the cluster network"

step "The NetworkAttachmentDefinition the pod's annotation names"
# What `kubectl get net-attach-def storage -o yaml` would show, trimmed. Its
# spec.config is a whole CNI configuration; host-local's dataDir points at the
# lab's scratch directory instead of /var/lib/cni/networks.
cat >storage-nad.yaml <<EOF
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: storage
  namespace: default
spec:
  config: |
    {
      "cniVersion": "1.0.0",
      "name": "storage",
      "type": "macvlan",
      "master": "eth1",
      "mode": "bridge",
      "ipam": {
        "type": "host-local",
        "dataDir": "$WORK/ipam",
        "ranges": [[{"subnet": "192.168.50.0/24", "rangeStart": "192.168.50.20", "rangeEnd": "192.168.50.29"}]]
      }
    }
EOF
show cat storage-nad.yaml
# Multus takes spec.config as it is; its "type" names the plugin to call.
sed -n '/^  config: |$/,$p' storage-nad.yaml | tail -n +2 | sed 's/^    //' >storage.json
type=$(jq -r .type storage.json) || fail "spec.config is not valid JSON"
[[ $type == macvlan ]] || fail "spec.config names the plugin '$type', not macvlan"
ok "the pod annotation k8s.v1.cni.cncf.io/networks: storage selects type $type, master eth1"

step "net1: the same pod, the same container ID, the next interface name"
delegate macvlan ADD net1 storage.json net1-result.json || fail "the macvlan plugin's ADD failed"
wait_up mn-pod net1
jq -e --arg ip "$STORAGE_IP/24" '.ips[] | select(.address == $ip)' net1-result.json >/dev/null \
  || fail "the macvlan result does not list $STORAGE_IP/24"
ok "net1 has $STORAGE_IP/24 on the storage network"

step "The pod now has two interfaces, and a route for each network"
show ip -n mn-pod -br addr
show ip -n mn-pod route
show ip -n mn-pod -d link show net1
[[ $(ip -n mn-pod -d link show net1) == *"macvlan mode bridge"* ]] || fail "net1 is not a macvlan in bridge mode"
[[ $(mac mn-pod net1) != "$(mac mn-node eth1)" ]] || fail "net1 has the uplink's MAC address"
ok "net1 is a macvlan child of the node's eth1, with a MAC address of its own"

step "Each network reaches its own peer, through its own interface"
show ip -n mn-pod route get 10.22.0.1
show ip -n mn-pod route get 192.168.50.10
[[ $(ip -n mn-pod route get 10.22.0.1) == *" dev eth0 "* ]] || fail "the cluster network is not reached via eth0"
[[ $(ip -n mn-pod route get 192.168.50.10) == *" dev net1 "* ]] || fail "the storage server is not reached via net1"
expect_ping mn-pod 10.22.0.1
expect_ping mn-pod 192.168.50.10
show ip -n mn-storage neigh show 192.168.50.20
[[ $(ip -n mn-storage neigh show 192.168.50.20) == *"lladdr $(mac mn-pod net1) "* ]] \
  || fail "the storage server does not know 192.168.50.20 by net1's MAC address"
ok "the storage server saw the pod's own MAC address on the wire, not the node's"

step "What Multus writes back: the network-status annotation"
# Built here from the two results the way Multus builds it, one entry per
# attachment, the first marked as the default network.
jq -n --slurpfile a eth0-result.json --slurpfile b net1-result.json '
  def entry($r; $name; $ifn; $default):
    ($r.interfaces | map(.sandbox != null and .sandbox != "") | index(true)) as $i
    | {name: $name, interface: $ifn,
       ips: [$r.ips[] | select(.interface == $i) | .address | sub("/.*"; "")],
       mac: $r.interfaces[$i].mac}
    + (if $default then {default: true} else {} end) + {dns: {}};
  [entry($a[0]; "cluster"; "eth0"; true), entry($b[0]; "default/storage"; "net1"; false)]
' >network-status.json
show cat network-status.json
[[ $(jq -r '.[1].mac' network-status.json) == "$(mac mn-pod net1)" ]] || fail "network-status has the wrong MAC for net1"
ok "k8s.v1.cni.cncf.io/network-status lists eth0 (default) and net1"

step "The pitfall: the node cannot reach its own macvlan child"
expect_ping mn-node 192.168.50.10
expect_no_ping mn-node "$STORAGE_IP"
# eth1's own frames leave on the wire: they never come back up to a child.

step "The fix: give the node a macvlan of its own on eth1"
show ip -n mn-node link add mv-shim link eth1 type macvlan mode bridge
show ip -n mn-node addr add 192.168.50.2/32 dev mv-shim
show ip -n mn-node link set mv-shim up
show ip -n mn-node route add 192.168.50.16/28 dev mv-shim
wait_up mn-node mv-shim
show ip -n mn-node route get "$STORAGE_IP"
expect_ping mn-node "$STORAGE_IP"
ok "sibling macvlans in bridge mode reach each other inside the kernel"

step "DEL, in reverse order: net1 first, then eth0"
jq --slurpfile r net1-result.json '. + {prevResult: $r[0]}' storage.json >storage-del.json
jq --slurpfile r eth0-result.json '. + {prevResult: $r[0]}' cluster.json >cluster-del.json
delegate macvlan DEL net1 storage-del.json || fail "the macvlan plugin's DEL failed"
delegate bridge DEL eth0 cluster-del.json || fail "the bridge plugin's DEL failed"
show ip -n mn-pod -br link
if ip -n mn-pod link show net1 >/dev/null 2>&1; then fail "net1 is still in the pod"; fi
if ip -n mn-pod link show eth0 >/dev/null 2>&1; then fail "eth0 is still in the pod"; fi
show ls "$WORK/ipam/cluster" "$WORK/ipam/storage"
[[ ! -e $WORK/ipam/cluster/$CLUSTER_IP && ! -e $WORK/ipam/storage/$STORAGE_IP ]] \
  || fail "an address reservation is still on disk"
ok "both interfaces and both reservations are gone"
show ip -n mn-node -br link
[[ $(ip -n mn-node -br link show eth1) == eth1@* ]] || fail "the node lost its uplink"
ok "the node keeps eth1, cni0 and mv-shim for the next pod"

pass
