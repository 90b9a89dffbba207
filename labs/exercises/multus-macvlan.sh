# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/multus-macvlan.sh` keeps: the node
# mn-node with its uplink eth1 (192.168.50.1/24), the bridge cni0 and its own
# macvlan mv-shim (192.168.50.2, route to 192.168.50.16/28), the storage server
# mn-storage (192.168.50.10) and the pod namespace mn-pod, empty after the
# lab's DEL. The exercises keep their files in the kept run's directory,
# /run/labs/multus-macvlan, which --clean-up removes.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").
# Each step runs in a bash of its own with `set -e`, which stops it if a cd fails.
# shellcheck disable=SC2164

#: exercise parent-down
#: setup
cd /run/labs/multus-macvlan
# The pod's two networks again, as the lab made them, with IPAM state of their own.
cat >cluster.json <<'JSON'
{"cniVersion": "1.0.0", "name": "cluster", "type": "bridge", "bridge": "cni0", "isGateway": true,
 "ipam": {"type": "host-local", "dataDir": "/run/labs/multus-macvlan/ipam",
          "ranges": [[{"subnet": "10.22.0.0/24", "gateway": "10.22.0.1"}]], "routes": [{"dst": "0.0.0.0/0"}]}}
JSON
cat >storage.json <<'JSON'
{"cniVersion": "1.0.0", "name": "storage", "type": "macvlan", "master": "eth1", "mode": "bridge",
 "ipam": {"type": "host-local", "dataDir": "/run/labs/multus-macvlan/ipam",
          "ranges": [[{"subnet": "192.168.50.0/24", "rangeStart": "192.168.50.20", "rangeEnd": "192.168.50.29"}]]}}
JSON
# eth0 first, then net1: the same container ID and namespace, as Multus calls them.
ip netns exec mn-node env CNI_COMMAND=ADD CNI_CONTAINERID=pod-1 CNI_NETNS=/run/netns/mn-pod \
  CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <cluster.json >eth0.json
ip netns exec mn-node env CNI_COMMAND=ADD CNI_CONTAINERID=pod-1 CNI_NETNS=/run/netns/mn-pod \
  CNI_IFNAME=net1 CNI_PATH=/usr/lib/cni /usr/lib/cni/macvlan <storage.json >net1.json
ip -n mn-pod -br addr
#: break
# The node's uplink goes down: a pulled cable, a switch port shut down.
ip -n mn-node link set eth1 down
#: check
ip -n mn-pod link show net1
ip netns exec mn-pod ping -c 1 -W 3 192.168.50.10
#: fix
ip -n mn-node link set eth1 up

#: exercise private-mode
#: break
# The node's own macvlan switches to private mode; the pod's net1 stays in bridge mode.
ip -n mn-node link set mv-shim type macvlan mode private
ip -n mn-node -d link show mv-shim
#: check
ip netns exec mn-node ping -c 1 -W 3 192.168.50.20
#: fix
ip -n mn-node link set mv-shim type macvlan mode bridge

#: exercise master-renamed
#: break
# On this node the uplink has another name, as NIC naming differs between servers.
ip -n mn-node link set eth1 down
ip -n mn-node link set eth1 name ens1f0
ip -n mn-node link set ens1f0 up
#: check
cd /run/labs/multus-macvlan
# A new pod, "probe", asks for the storage network, then leaves again.
ip netns exec mn-node env CNI_COMMAND=ADD CNI_CONTAINERID=probe CNI_NETNS=/run/netns/mn-pod \
  CNI_IFNAME=net2 CNI_PATH=/usr/lib/cni /usr/lib/cni/macvlan <storage.json >probe.json || true
ip netns exec mn-node env CNI_COMMAND=DEL CNI_CONTAINERID=probe CNI_NETNS=/run/netns/mn-pod \
  CNI_IFNAME=net2 CNI_PATH=/usr/lib/cni /usr/lib/cni/macvlan <storage.json
# Its result lists the address it got; an error has none.
jq -c '.ips // .' probe.json
jq -e .ips probe.json >/dev/null
#: fix
ip -n mn-node link set ens1f0 down
ip -n mn-node link set ens1f0 name eth1
ip -n mn-node link set eth1 up
