#!/usr/bin/env bash
# Lab: chain the CNI bridge and portmap plugins (chapter "Chaining plugins").
#
# The lab plays the container runtime for a network configuration list
# (conflist) with two plugins: `bridge` (with `host-local` IPAM) creates the
# pod's interface, then `portmap` publishes the pod's port 80 as port 8080 of
# the node. Like libcni, the lab runs the plugins in order on ADD, hands each
# one the previous plugin's result as prevResult, gives portmap the
# `portMappings` capability argument as runtimeConfig, and runs them in
# reverse order on DEL.
#
# Three namespaces: cnp-node (where the plugins run, the bridge and the
# iptables rules live), cnp-pod (the pod, with a small TCP server on port 80
# bounded by timeout) and cnp-client (a machine next to the node, joined to
# it by a veth pair). The client reaches 203.0.113.1:8080 and gets the pod's
# answer; after DEL the port mapping is gone.
#
# host-local keeps its state in a scratch directory that the lab creates and
# removes. Nothing in the root namespace is touched.
# Run as root: sudo bash labs/cni-portmap.sh

source "$(dirname "$0")/lib.sh"
CNI_BIN=${CNI_BIN:-/usr/lib/cni}   # Debian's path; upstream tarballs use /opt/cni/bin
require jq socat ss iptables conntrack "$CNI_BIN/bridge" "$CNI_BIN/portmap" "$CNI_BIN/host-local"

# The configuration files, results and host-local's state go to a scratch directory.
lab_tmpdir
cd "$WORK"

CID=cnp-lab-0001
CNI_ARGS_VALUE='IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web'
POD_IP=10.23.0.2
NODE_IP=203.0.113.1

# shell COMMAND: show a command line that needs quotes, then run it.
shell() { printf '$ %s\n' "$1"; eval "$1"; }

# run_plugin VERB TYPE CONFIG OUT: execute one plugin of the chain inside
# cnp-node with the CNI_* variables, show the command line, and keep its
# standard output in OUT.
run_plugin() {
  local verb=$1 type=$2 conf=$3 out=$4
  printf '$ ip netns exec cnp-node env CNI_COMMAND=%s CNI_CONTAINERID=%s CNI_NETNS=/run/netns/cnp-pod CNI_IFNAME=eth0 CNI_ARGS="'"%s"'" CNI_PATH=%s %s/%s < %s\n' \
    "$verb" "$CID" "$CNI_ARGS_VALUE" "$CNI_BIN" "$CNI_BIN" "$type" "$conf"
  ip netns exec cnp-node env CNI_COMMAND="$verb" CNI_CONTAINERID="$CID" \
    CNI_NETNS=/run/netns/cnp-pod CNI_IFNAME=eth0 CNI_ARGS="$CNI_ARGS_VALUE" \
    CNI_PATH="$CNI_BIN" "$CNI_BIN/$type" <"$conf" >"$out" \
    || { cat "$out"; fail "$type $verb failed"; }
}

# plugin_config INDEX PREV OUT: what libcni gives plugin INDEX of the list:
# its own object, plus the list's name and cniVersion, plus prevResult (if
# PREV names a file) and runtimeConfig for each capability it declares.
plugin_config() {
  local i=$1 prev=$2 out=$3
  jq --argjson i "$i" --slurpfile rc runtime.json --arg prev "$prev" \
    --slurpfile pr "${prev:-/dev/null}" '
    .plugins[$i] as $p
    | $p + {name: .name, cniVersion: .cniVersion}
    | if $prev != "" then . + {prevResult: $pr[0]} else . end
    | ($p.capabilities // {} | to_entries | map(select(.value) | .key)) as $caps
    | ($rc[0] | with_entries(select(.key as $k | $caps | index($k)))) as $given
    | if ($given | length) > 0 then . + {runtimeConfig: $given} else . end
  ' portnet.conflist >"$out"
}

step "Three namespaces: a node, a pod, and a client next to the node"
make_ns cnp-node cnp-pod cnp-client
show ip -n cnp-node link add eth0 type veth peer name eth0 netns cnp-client
ip -n cnp-node address add "$NODE_IP/24" dev eth0
ip -n cnp-client address add 203.0.113.2/24 dev eth0
ip -n cnp-node link set eth0 up
ip -n cnp-client link set eth0 up
wait_up cnp-node eth0
wait_up cnp-client eth0
show ip -n cnp-node -br addr show eth0

step "The conflist: bridge first, then portmap"
jq -n --arg dir "$WORK/ipam" '{
  cniVersion: "1.0.0",
  name: "portnet",
  plugins: [
    {
      type: "bridge",
      bridge: "cni0",
      isGateway: true,
      ipam: {
        type: "host-local",
        dataDir: $dir,
        ranges: [[{subnet: "10.23.0.0/24", gateway: "10.23.0.1"}]],
        routes: [{dst: "0.0.0.0/0"}]
      }
    },
    {
      type: "portmap",
      capabilities: {portMappings: true},
      snat: true
    }
  ]
}' >portnet.conflist
shell "jq -c '.plugins[] | {type, capabilities}' portnet.conflist"
# What kubelet would derive from the pod's hostPort, as capability arguments.
echo '{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}]}' >runtime.json
show cat runtime.json

step "ADD, plugin 1 of 2: bridge gets no prevResult and no runtimeConfig"
plugin_config 0 "" add-0.json
shell "jq -c 'keys' add-0.json"
run_plugin ADD bridge add-0.json result-0.json
shell "jq -c '{ips: [.ips[] | {interface, address}], interfaces: [.interfaces[].name]}' result-0.json"

step "ADD, plugin 2 of 2: portmap gets bridge's result and the port mappings"
plugin_config 1 result-0.json add-1.json
shell "jq -c '{type, prevResult: (.prevResult.ips | map(.address)), runtimeConfig}' add-1.json"
run_plugin ADD portmap add-1.json result-1.json
cmp -s <(jq -S . result-0.json) <(jq -S . result-1.json) || fail "portmap changed the result"
ok "portmap passed the result through unchanged; it is the chain's final result"

step "A server in the pod on port 80"
lab_bg ip netns exec cnp-pod timeout 60 socat TCP-LISTEN:80,reuseaddr,fork \
  SYSTEM:"echo hello from the pod at $POD_IP" 2>/dev/null
wait_listening cnp-pod 80
show ip netns exec cnp-pod ss -Hltn

step "The client reaches the node's port 8080 and gets the pod's answer"
expect_no_ping cnp-client "$POD_IP"
printf '$ ip netns exec cnp-client timeout 5 socat -u TCP:%s:8080 -\n' "$NODE_IP"
answer=$(ip netns exec cnp-client timeout 5 socat -u "TCP:$NODE_IP:8080" -) || fail "no answer on $NODE_IP:8080"
echo "$answer"
[[ $answer == "hello from the pod at $POD_IP" ]] || fail "unexpected answer: $answer"
ok "$NODE_IP:8080 was forwarded to $POD_IP:80"
show ip netns exec cnp-node conntrack -L -p tcp --dport 8080 2>/dev/null
printf '$ ip netns exec cnp-node socat -u TCP:%s:8080 -\n' "$NODE_IP"
answer=$(ip netns exec cnp-node timeout 5 socat -u "TCP:$NODE_IP:8080" -) || fail "the node cannot reach its own port 8080"
echo "$answer"
ok "the node itself reaches the mapping too (the OUTPUT chain)"
show ip netns exec cnp-node sysctl net.ipv4.conf.cni0.route_localnet
printf '$ ip netns exec cnp-node socat -u TCP:127.0.0.1:8080 -\n'
answer=$(ip netns exec cnp-node timeout 5 socat -u TCP:127.0.0.1:8080 -) || fail "127.0.0.1:8080 does not answer on the node"
echo "$answer"
ok "even 127.0.0.1:8080 works: DNAT, route_localnet on cni0, and masquerade (snat: true)"

step "The chains portmap created in the node's nat table"
show ip netns exec cnp-node iptables -t nat -S
dn=$(ip netns exec cnp-node iptables -t nat -S | sed -n 's/^-N \(CNI-DN-[0-9a-f]*\)$/\1/p')
[[ -n $dn ]] || fail "no CNI-DN-… chain"
[[ $(ip netns exec cnp-node iptables -t nat -S "$dn") == *"--to-destination $POD_IP:80"* ]] \
  || fail "$dn does not DNAT to $POD_IP:80"
ok "$dn sends tcp/8080 to $POD_IP:80"

step "DEL runs the chain in reverse: portmap first, then bridge"
plugin_config 1 result-1.json del-1.json
run_plugin DEL portmap del-1.json /dev/null
plugin_config 0 result-1.json del-0.json
run_plugin DEL bridge del-0.json /dev/null
show ip netns exec cnp-node iptables -t nat -S
rules=$(ip netns exec cnp-node iptables -t nat -S)
[[ $rules != *CNI-DN-* ]] || fail "a CNI-DN-… chain survived DEL"
[[ $rules != *"--dport 8080"* ]] || fail "a rule for port 8080 survived DEL"
ok "the per-pod chain and its rules are gone; the empty shared chains stay"
if ip netns exec cnp-client timeout 3 socat -u "TCP:$NODE_IP:8080" - >/dev/null 2>&1; then
  fail "$NODE_IP:8080 still answers after DEL"
fi
ok "$NODE_IP:8080 no longer answers"

pass
