# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/cni-bridge-plugin.sh` keeps: the node
# cni-node with the bridge cni0 (10.22.0.1/24, no ports left) and an empty pod
# namespace cni-pod. The exercises keep their files in the kept run's directory,
# /run/labs/cni-bridge-plugin, which --clean-up removes.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").
# Each step runs in a bash of its own with `set -e`, which stops it if a cd fails.
# shellcheck disable=SC2164

#: exercise leaked-address
#: setup
cd /run/labs/cni-bridge-plugin
# A network "tiny" on the same bridge, whose range holds two addresses.
cat >tiny.json <<'EOF'
{
  "cniVersion": "1.0.0",
  "name": "tiny",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipam": {
    "type": "host-local",
    "dataDir": "/run/labs/cni-bridge-plugin/ipam",
    "ranges": [[{"subnet": "10.22.0.0/24", "rangeStart": "10.22.0.2", "rangeEnd": "10.22.0.3", "gateway": "10.22.0.1"}]],
    "routes": [{"dst": "0.0.0.0/0"}]
  }
}
EOF
# pod-1 gets eth0 in cni-pod, and the first address; its result is kept for later.
ip netns exec cni-node env CNI_COMMAND=ADD CNI_CONTAINERID=pod-1 CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <tiny.json >pod-1.json
#: break
cd /run/labs/cni-bridge-plugin
# pod-2 (its interface is eth1 in the same namespace) gets the second address...
ip netns exec cni-node env CNI_COMMAND=ADD CNI_CONTAINERID=pod-2 CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <tiny.json >/dev/null
# ...and its sandbox vanishes in a crash: no DEL ever runs.
ip -n cni-pod link del eth1
#: check
cd /run/labs/cni-bridge-plugin
# One more pod, "probe", asks for an address and leaves again. Its DEL runs even
# after a failed ADD, as a runtime's does, to take away what the ADD had made.
ip netns exec cni-node env CNI_COMMAND=ADD CNI_CONTAINERID=probe CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <tiny.json >probe.json || true
ip netns exec cni-node env CNI_COMMAND=DEL CNI_CONTAINERID=probe CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <tiny.json
# The probe's result lists the address it got; an error has no "ips".
jq -c ".ips // ." probe.json
jq -e .ips probe.json >/dev/null
#: fix
cd /run/labs/cni-bridge-plugin
ip netns exec cni-node env CNI_COMMAND=DEL CNI_CONTAINERID=pod-2 CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth1 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <tiny.json

#: exercise check-drift
#: setup
cd /run/labs/cni-bridge-plugin
# What CHECK gets: pod-1's configuration, with the result of its ADD as prevResult.
jq --slurpfile r pod-1.json '. + {prevResult: $r[0]}' tiny.json >pod-1-check.json
#: break
ip -n cni-pod route del default
#: check
cd /run/labs/cni-bridge-plugin
ip netns exec cni-node env CNI_COMMAND=CHECK CNI_CONTAINERID=pod-1 CNI_NETNS=/run/netns/cni-pod \
  CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge <pod-1-check.json
#: fix
ip -n cni-pod route add default via 10.22.0.1 dev eth0
