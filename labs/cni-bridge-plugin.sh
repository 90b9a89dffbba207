#!/usr/bin/env bash
# Lab: run the real CNI bridge and host-local plugins by hand
# (chapter "The Container Network Interface").
#
# The lab plays the container runtime. It creates a "node" namespace
# (cni-node) and a "pod" namespace (cni-pod), writes a network configuration
# for the reference `bridge` plugin with `host-local` IPAM, and executes
# /usr/lib/cni/bridge inside cni-node with the CNI_* environment variables
# and the configuration on standard input, exactly as containerd or CRI-O
# would. It prints the result JSON, pings the pod from the node over the
# cni0 bridge, looks at the addresses, routes and the IPAM reservation on
# disk, runs CHECK, and finally DEL: the pod's eth0 and the reservation go,
# while the bridge stays in the node namespace.
#
# host-local keeps its state in a scratch directory that the lab creates and
# removes (never /var/lib/cni). Everything the plugin creates lands in
# cni-node or cni-pod; the root namespace is not touched.
# Run as root: sudo bash labs/cni-bridge-plugin.sh

source "$(dirname "$0")/lib.sh"
CNI_BIN=${CNI_BIN:-/usr/lib/cni}   # Debian's path; upstream tarballs use /opt/cni/bin
require jq "$CNI_BIN/bridge" "$CNI_BIN/host-local"

# The configuration files and host-local's state go to a scratch directory.
lab_tmpdir
cd "$WORK"

CID=cni-lab-0001          # the container ID a runtime would generate
POD_IP=10.22.0.2

# plugin VERB CONFIG [OUT]: run the bridge plugin the way a runtime does,
# inside cni-node, and show the command line first. The plugin's stdout
# (result or error JSON) is printed, and also kept in OUT if given; the
# plugin's exit status is returned.
plugin() {
  local verb=$1 conf=$2 out=${3:-$WORK/last-output} rc=0
  printf '$ ip netns exec cni-node env CNI_COMMAND=%s CNI_CONTAINERID=%s CNI_NETNS=/run/netns/cni-pod CNI_IFNAME=eth0 CNI_PATH=%s %s/bridge < %s\n' \
    "$verb" "$CID" "$CNI_BIN" "$CNI_BIN" "$conf"
  ip netns exec cni-node env CNI_COMMAND="$verb" CNI_CONTAINERID="$CID" \
    CNI_NETNS=/run/netns/cni-pod CNI_IFNAME=eth0 CNI_PATH="$CNI_BIN" \
    "$CNI_BIN/bridge" <"$conf" >"$out" || rc=$?
  if [[ -s $out ]]; then cat "$out"; echo; fi
  return "$rc"
}

step "Which CNI spec versions do Debian's plugins speak?"
printf '$ CNI_COMMAND=VERSION %s/bridge < /dev/null\n' "$CNI_BIN"
CNI_COMMAND=VERSION "$CNI_BIN/bridge" </dev/null | jq -c .
newest=$(CNI_COMMAND=VERSION "$CNI_BIN/bridge" </dev/null | jq -r '.supportedVersions[-1]')
ok "the bridge plugin supports spec versions up to $newest"

step "A 'node' and an empty 'pod' namespace"
make_ns cni-node cni-pod
show ip -n cni-pod -br link

step "The network configuration: bridge plus host-local IPAM"
jq -n --arg dir "$WORK/ipam" '{
  cniVersion: "1.0.0",
  name: "labnet",
  type: "bridge",
  bridge: "cni0",
  isGateway: true,
  ipMasq: false,
  ipam: {
    type: "host-local",
    dataDir: $dir,
    ranges: [[{subnet: "10.22.0.0/24", gateway: "10.22.0.1"}]],
    routes: [{dst: "0.0.0.0/0"}]
  },
  dns: {nameservers: ["10.22.0.1"]}
}' >bridge.json
show cat bridge.json

step "ADD: the plugin wires the pod and prints a result"
plugin ADD bridge.json result.json || fail "ADD failed"
wait_up cni-pod eth0
jq -e --arg ip "$POD_IP/24" '.ips[] | select(.address == $ip)' result.json >/dev/null \
  || fail "the result does not list $POD_IP/24"
idx=$(jq -r '.ips[0].interface' result.json)
[[ $(jq -r ".interfaces[$idx].name" result.json) == eth0 ]] || fail "ips[0].interface does not point at eth0"
[[ $(jq -r ".interfaces[$idx].sandbox" result.json) == /run/netns/cni-pod ]] || fail "eth0 is not in the pod's sandbox"
ok "the result gives $POD_IP/24 to interfaces[$idx], eth0 in /run/netns/cni-pod"

step "What the plugin built: cni0 and a veth in the node, eth0 in the pod"
show ip -n cni-node addr show cni0
show ip -n cni-node -br link show master cni0
show ip -n cni-pod -br addr show eth0
show ip -n cni-pod route
expect_ping cni-node "$POD_IP"
expect_ping cni-pod 10.22.0.1

step "host-local's state: one file per reserved address"
show ls "$WORK/ipam/labnet"
show cat "$WORK/ipam/labnet/$POD_IP"
echo
[[ $(head -n 1 "$WORK/ipam/labnet/$POD_IP" | tr -d "\r") == "$CID" ]] || fail "the reservation does not name $CID"
ok "$POD_IP is reserved for container $CID"

step "CHECK: the runtime passes the ADD result back as prevResult"
jq --slurpfile r result.json '. + {prevResult: $r[0]}' bridge.json >check.json
plugin CHECK check.json || fail "CHECK failed"
ok "CHECK exited 0 and printed nothing"

step "A configuration asking for spec 1.1.0 is refused with an error JSON"
jq '.cniVersion = "1.1.0"' bridge.json >v110.json
if plugin ADD v110.json error.json; then fail "the plugin accepted cniVersion 1.1.0"; fi
[[ $(jq -r .code error.json) == 1 ]] || fail "expected error code 1"
ok "error code 1: incompatible CNI versions (these plugins know neither GC nor STATUS)"

step "DEL: the pod's interface and the reservation go away"
plugin DEL check.json || fail "DEL failed"
show ip -n cni-pod -br link
if ip -n cni-pod link show eth0 >/dev/null 2>&1; then fail "eth0 is still in the pod"; fi
ok "eth0 is gone from cni-pod"
show ls "$WORK/ipam/labnet"
[[ ! -e $WORK/ipam/labnet/$POD_IP ]] || fail "the reservation of $POD_IP is still on disk"
ok "the reservation of $POD_IP is released"
plugin DEL check.json || fail "a second DEL failed"
ok "a second DEL succeeds too: DEL is idempotent"

step "The bridge stays in the node namespace"
show ip -n cni-node -br link
show ip -n cni-node -br addr show cni0
[[ $(ip -n cni-node -o addr show cni0) == *"inet 10.22.0.1/24 "* ]] || fail "cni0 lost its gateway address"
ok "cni0 is still there, with its gateway address, waiting for the next pod"

pass
