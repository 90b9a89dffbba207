#!/usr/bin/env bash
# Lab: follow one packet through a two-node "cluster" (chapter "Follow a packet").
#
# A Kubernetes cluster without Kubernetes, built only from namespaces:
#
#   cl-lan     the underlay "switch": a bridge, lan0, for 192.168.50.0/24
#   cl-n1      node 1, eth0 192.168.50.11, pod CIDR 10.244.1.0/24
#   cl-n2      node 2, eth0 192.168.50.12, pod CIDR 10.244.2.0/24
#   cl-client  a machine outside the cluster, 192.168.50.100
#   cl-web1    pod web-1 on node 1     cl-web2  pod web-2 on node 2
#   cl-probe   a client pod on node 1
#
# The lab plays the container runtime (the real CNI bridge plugin), a routed
# pod network, and kube-proxy in iptables mode on both nodes (readable chain
# names): the Service demo/web has ClusterIP 10.96.0.80, port 80 -> 8080,
# NodePort 30080, and the endpoints web-1 and web-2.
#
# You will follow the packets: pod to pod across nodes (no NAT), pod to
# ClusterIP (DNAT on the client's node), and the outside client to node 1's
# NodePort: DNAT to web-2 on node 2 and SNAT to node 1's address, as tcpdump,
# the server's log and conntrack see it; then, with externalTrafficPolicy:
# Local, the client's own address reaching the pod.
#
# Nothing in the root namespace is created or changed.
# Run as root: sudo bash labs/two-node-cluster.sh

source "$(dirname "$0")/lib.sh"
CNI_BIN=${CNI_BIN:-/usr/lib/cni}   # Debian's path; upstream tarballs use /opt/cni/bin
require jq socat ss conntrack tcpdump iptables iptables-restore ping "$CNI_BIN/bridge" "$CNI_BIN/host-local"

# CNI configurations, host-local's state and the servers' logs go to a scratch directory.
lab_tmpdir
cd "$WORK"

N1_IP=192.168.50.11
N2_IP=192.168.50.12
CLIENT_IP=192.168.50.100
CLUSTER_IP=10.96.0.80
NODE_PORT=30080
declare -A POD_CIDR=([cl-n1]=10.244.1.0/24 [cl-n2]=10.244.2.0/24)
declare -A POD_GW=([cl-n1]=10.244.1.1 [cl-n2]=10.244.2.1)
declare -A IP=()

# cni_add NODE POD: run the bridge plugin inside NODE, as the runtime on that
# node would, to give POD an eth0 on NODE's cni0; records the pod's address.
cni_add() {
  local node=$1 pod=$2 out="$WORK/$2.json"
  printf '$ ip netns exec %s env CNI_COMMAND=ADD CNI_CONTAINERID=%s CNI_NETNS=/run/netns/%s CNI_IFNAME=eth0 CNI_PATH=%s %s/bridge < %s.json | jq -c .ips\n' \
    "$node" "$pod" "$pod" "$CNI_BIN" "$CNI_BIN" "$node"
  ip netns exec "$node" env CNI_COMMAND=ADD CNI_CONTAINERID="$pod" \
    CNI_NETNS="/run/netns/$pod" CNI_IFNAME=eth0 CNI_PATH="$CNI_BIN" \
    "$CNI_BIN/bridge" <"$WORK/$node.json" >"$out" || { cat "$out" >&2; fail "CNI ADD for $pod on $node failed"; }
  jq -c .ips "$out"
  IP[$pod]=$(jq -r '.ips[0].address' "$out" | cut -d/ -f1)
  wait_up "$pod" eth0
}

# ask NS HOST PORT: one TCP connection, given up after 1 s without an answer
# to the SYN; prints the answer.
ask() { ip netns exec "$1" timeout 5 socat -T 3 -u "TCP:$2:$3,connect-timeout=1" - 2>/dev/null; }

# ask_until NS HOST PORT POD: connect up to 30 times, until POD answers (each
# connection is a new random choice); show the last answer and keep it in ANSWER.
ask_until() {
  local i
  for i in $(seq 30); do
    ANSWER=$(ask "$1" "$2" "$3") || fail "connection $i to $2:$3 failed"
    [[ $ANSWER == "$4 "* ]] && break
  done
  printf '$ ip netns exec %s socat -u TCP:%s:%s -\n%s\n' "$1" "$2" "$3" "$ANSWER"
}

# expect_route NS WANT ARGS...: show `ip route get ARGS` in NS; the answer must contain WANT.
expect_route() {
  local ns=$1 want=$2 route
  shift 2
  route=$(show ip -n "$ns" route get "$@") || fail "no route in $ns for $*"
  echo "$route"
  [[ $route == *"$want"* ]] || fail "in $ns, the route for $* does not go $want"
}

# first_entry NS ARGS...: show the first entry `conntrack -L ARGS` lists in NS, and keep it in ENTRY.
first_entry() {
  local ns=$1
  shift
  printf '$ ip netns exec %s conntrack -L %s\n' "$ns" "$*"
  ENTRY=$(ip netns exec "$ns" conntrack -L "$@" 2>/dev/null)
  ENTRY=${ENTRY%%$'\n'*}
  echo "$ENTRY"
}

step "The underlay: a switch namespace with a bridge, two nodes and a client outside the cluster"
make_ns cl-lan cl-n1 cl-n2 cl-client cl-web1 cl-web2 cl-probe
ip -n cl-lan link add lan0 type bridge
ip -n cl-lan link set lan0 up
declare -A LAN_IP=([cl-n1]=$N1_IP [cl-n2]=$N2_IP [cl-client]=$CLIENT_IP)
for host in cl-n1 cl-n2 cl-client; do
  veth_pair cl-lan "${host#cl-}" - "$host" eth0 "${LAN_IP[$host]}/24"
  ip -n cl-lan link set "${host#cl-}" master lan0
done
for node in cl-n1 cl-n2; do
  ip netns exec "$node" sysctl -qw net.ipv4.ip_forward=1
  # kube-proxy needs bridged pod traffic to pass the node's netfilter hooks;
  # this copy of the sysctl belongs to the node namespace (Linux 5.3+).
  ip netns exec "$node" sysctl -qw net.bridge.bridge-nf-call-iptables=1
done
show ip -n cl-lan -br link show master lan0
expect_ping cl-client "$N1_IP"
expect_ping cl-n1 "$N2_IP"

step "Pods: the real CNI bridge + host-local plugins, run inside each node"
for node in cl-n1 cl-n2; do
  jq -n --arg dir "$WORK/ipam-$node" --arg subnet "${POD_CIDR[$node]}" --arg gw "${POD_GW[$node]}" '{
    cniVersion: "1.0.0", name: "k8s-pod-network", type: "bridge", bridge: "cni0",
    isGateway: true, ipMasq: false, hairpinMode: true,
    ipam: {type: "host-local", dataDir: $dir,
           ranges: [[{subnet: $subnet, gateway: $gw}]], routes: [{dst: "0.0.0.0/0"}]}
  }' >"$WORK/$node.json"
done
show cat cl-n1.json
cni_add cl-n1 cl-web1
cni_add cl-n1 cl-probe
cni_add cl-n2 cl-web2
[[ ${IP[cl-web1]} == 10.244.1.* && ${IP[cl-probe]} == 10.244.1.* && ${IP[cl-web2]} == 10.244.2.* ]] \
  || fail "unexpected pod addresses: ${IP[*]}"
ok "web-1 ${IP[cl-web1]} and probe ${IP[cl-probe]} on node 1, web-2 ${IP[cl-web2]} on node 2"
show ip -n cl-n1 -br address show dev cni0
show ip -n cl-n1 -br link show master cni0
show ip -n cl-probe route
expect_ping cl-probe "${IP[cl-web1]}"
expect_no_ping cl-probe "${IP[cl-web2]}"

step "Routes between nodes for the pod CIDRs (a routed pod network, no overlay)"
show ip -n cl-n1 route add 10.244.2.0/24 via "$N2_IP" dev eth0
show ip -n cl-n2 route add 10.244.1.0/24 via "$N1_IP" dev eth0
show ip -n cl-n1 route
show ip -n cl-n1 route get "${IP[cl-web2]}"
expect_ping cl-probe "${IP[cl-web2]}"

step "Tiny servers: each pod answers with its name and logs the address it sees"
for pod in web1 web2; do
  lab_bg ip netns exec "cl-$pod" timeout 180 socat TCP-LISTEN:8080,reuseaddr,fork \
    SYSTEM:"echo web-${pod#web} saw \$SOCAT_PEERADDR; echo \$SOCAT_PEERADDR >>$WORK/web-${pod#web}.log"
  wait_listening "cl-$pod" 8080
done

step "Pod to pod across nodes: no NAT, the pod sees the other pod's address"
ask_until cl-probe "${IP[cl-web2]}" 8080 web-2
[[ $ANSWER == "web-2 saw ${IP[cl-probe]}" ]] || fail "unexpected answer: $ANSWER"
ok "web-2 on node 2 saw the probe pod's own address ${IP[cl-probe]}"

step "kube-proxy's rules for demo/web, written on both nodes (iptables mode, nat table)"
# rules: the nat-table rules of kube-proxy's iptables mode for one Service
# with a ClusterIP, a NodePort and externalTrafficPolicy: Cluster. Every node
# gets every endpoint, wherever the pod runs.
rules() {
  cat <<EOF
*nat
:KUBE-SERVICES - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-EXT-DEMOWEB - [0:0]
:KUBE-SVC-DEMOWEB - [0:0]
:KUBE-SEP-WEB1 - [0:0]
:KUBE-SEP-WEB2 - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -d $CLUSTER_IP/32 -p tcp -m comment --comment "demo/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-DEMOWEB
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-NODEPORTS -p tcp -m comment --comment "demo/web:http" -m tcp --dport $NODE_PORT -j KUBE-EXT-DEMOWEB
-A KUBE-EXT-DEMOWEB -m comment --comment "masquerade traffic for demo/web:http external destinations" -j KUBE-MARK-MASQ
-A KUBE-EXT-DEMOWEB -j KUBE-SVC-DEMOWEB
-A KUBE-SVC-DEMOWEB ! -s 10.244.0.0/16 -d $CLUSTER_IP/32 -p tcp -m comment --comment "demo/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-DEMOWEB -m comment --comment "demo/web:http -> ${IP[cl-web1]}:8080" -m statistic --mode random --probability 0.5 -j KUBE-SEP-WEB1
-A KUBE-SVC-DEMOWEB -m comment --comment "demo/web:http -> ${IP[cl-web2]}:8080" -j KUBE-SEP-WEB2
-A KUBE-SEP-WEB1 -s ${IP[cl-web1]}/32 -m comment --comment "demo/web:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-WEB1 -p tcp -m comment --comment "demo/web:http" -m tcp -j DNAT --to-destination ${IP[cl-web1]}:8080
-A KUBE-SEP-WEB2 -s ${IP[cl-web2]}/32 -m comment --comment "demo/web:http" -j KUBE-MARK-MASQ
-A KUBE-SEP-WEB2 -p tcp -m comment --comment "demo/web:http" -m tcp -j DNAT --to-destination ${IP[cl-web2]}:8080
COMMIT
EOF
}
for node in cl-n1 cl-n2; do
  rules | ip netns exec "$node" iptables-restore --noflush
done
for chain in PREROUTING KUBE-SERVICES KUBE-NODEPORTS KUBE-EXT-DEMOWEB KUBE-SVC-DEMOWEB KUBE-SEP-WEB2 KUBE-POSTROUTING; do
  show ip netns exec cl-n1 iptables -t nat -S "$chain"
done
# Compare the rules themselves: iptables-save would add comment lines with the
# time it ran, and counters, which differ from one node to the other.
[[ $(ip netns exec cl-n1 iptables -t nat -S) == "$(ip netns exec cl-n2 iptables -t nat -S)" ]] \
  || fail "the two nodes have different nat rules"
ok "node 1 and node 2 hold the same rules: every node can send to every endpoint"

step "Pod to ClusterIP: DNAT on the client pod's node, to a backend on either node"
declare -A HITS=([web-1]=0 [web-2]=0)
for i in $(seq 20); do
  answer=$(ask cl-probe "$CLUSTER_IP" 80) || fail "connection $i to $CLUSTER_IP:80 failed"
  name=${answer%% *}
  [[ -n ${HITS[$name]+set} ]] || fail "connection $i: unexpected answer: $answer"
  [[ $answer == "$name saw ${IP[cl-probe]}" ]] || fail "connection $i was masqueraded: $answer"
  HITS[$name]=$((HITS[$name] + 1))
done
printf '$ ip netns exec cl-probe socat -u TCP:%s:80 -    # 20 times\n' "$CLUSTER_IP"
for name in web-1 web-2; do echo "$name answered ${HITS[$name]} of 20, and saw ${IP[cl-probe]}"; done
(( HITS[web-1] >= 1 && HITS[web-2] >= 1 )) || fail "20 connections did not reach both pods: ${HITS[*]}"
ok "both web-1 (node 1) and web-2 (node 2) answered, and both saw the probe pod's address"

step "A client outside the cluster has no route to the ClusterIP"
show ip -n cl-client route
if ask cl-client "$CLUSTER_IP" 80 >/dev/null; then fail "cl-client reached the ClusterIP"; fi
ok "10.96.0.80 exists only in the nodes' nat rules; outside the cluster it means nothing"

step "Client -> node 1:$NODE_PORT: the packet on node 2's underlay link"
# tcpdump on node 2's eth0 shows what crosses the underlay for the first
# connection that node 1 sends on to web-2.
capture cl-n2 "$WORK/tcpdump.out" -l -n -t -i eth0 -c 1 "tcp dst port 8080 and tcp[tcpflags] & tcp-syn != 0"
tcpdump=$!
: >"$WORK/web-1.log"
: >"$WORK/web-2.log"
for node in cl-n1 cl-n2; do ip netns exec "$node" conntrack -F 2>/dev/null; done
ask_until cl-client "$N1_IP" "$NODE_PORT" web-2
[[ $ANSWER == "web-2 saw $N1_IP" ]] || fail "no connection to node 1 reached web-2 as $N1_IP (last answer: $ANSWER)"
wait "$tcpdump" || fail "tcpdump on node 2's eth0 saw no SYN for web-2"
printf '$ ip netns exec cl-n2 tcpdump -l -n -t -i eth0 -c 1 "tcp dst port 8080 and tcp[tcpflags] & tcp-syn != 0"\n'
cat "$WORK/tcpdump.out"
grep -q "^IP $N1_IP\.[0-9]* > ${IP[cl-web2]}\.8080:" "$WORK/tcpdump.out" \
  || fail "the SYN on node 2's eth0 is not from node 1 to web-2: $(cat "$WORK/tcpdump.out")"
ok "on the wire: from node 1's address to web-2's pod address; the client's address is gone"

step "Hop by hop: the routing decisions along the way and back"
# After DNAT on node 1 the destination is web-2's pod address: node 1's
# route for node 2's pod CIDR sends it back out of eth0, to node 2, which
# delivers it to its own pod CIDR on cni0.
expect_route cl-n1 "via $N2_IP dev eth0" "${IP[cl-web2]}" from "$CLIENT_IP" iif eth0
expect_route cl-n2 "dev cni0" "${IP[cl-web2]}" from "$N1_IP" iif eth0
# The reply goes to node 1's address: from the pod to its gateway, then from
# node 2 straight to node 1 on the underlay.
show ip -n cl-web2 route get "$N1_IP"
expect_route cl-n2 "dev eth0" "$N1_IP" from "${IP[cl-web2]}" iif cni0
ok "out: node 1 eth0 -> node 2 eth0 -> cni0 -> web-2; back: web-2 -> cni0 -> node 2 eth0 -> node 1"

step "What web-2 logged: the node's address, not the client's (externalTrafficPolicy: Cluster)"
show cat web-2.log
grep -qx "$N1_IP" "$WORK/web-2.log" || fail "web-2's log does not show $N1_IP"
if grep -q "$CLIENT_IP" "$WORK/web-2.log"; then fail "web-2 saw the client's address"; fi
ok "web-2 saw $N1_IP: node 1 masqueraded the connection before forwarding it"
if [[ -s $WORK/web-1.log ]]; then
  show cat web-1.log
  if grep -qvx "${POD_GW[cl-n1]}" "$WORK/web-1.log"; then fail "web-1 saw an address other than node 1's cni0"; fi
  ok "connections that landed on web-1 were masqueraded too, to node 1's cni0 address ${POD_GW[cl-n1]}"
fi

step "conntrack on node 1 holds both translations; node 2 saw no NAT at all"
first_entry cl-n1 -p tcp --orig-dst "$N1_IP" --dport "$NODE_PORT" --reply-src "${IP[cl-web2]}"
[[ $ENTRY =~ src=$CLIENT_IP\ dst=$N1_IP\ sport=[0-9]+\ dport=$NODE_PORT\ src=${IP[cl-web2]}\ dst=$N1_IP\ sport=8080\ dport=[0-9]+ ]] \
  || fail "no DNAT+SNAT entry on node 1: $ENTRY"
ok "original: client -> $N1_IP:$NODE_PORT; reply: web-2:8080 -> $N1_IP (DNAT and SNAT in one entry)"
first_entry cl-n2 -p tcp --dport 8080
if ! [[ $ENTRY =~ src=$N1_IP\ dst=${IP[cl-web2]}\ sport=([0-9]+)\ dport=8080\ src=${IP[cl-web2]}\ dst=$N1_IP\ sport=8080\ dport=([0-9]+) ]] \
  || [[ ${BASH_REMATCH[1]} != "${BASH_REMATCH[2]}" ]]; then
  fail "node 2's entry is not an untranslated flow from node 1: $ENTRY"
fi
ok "node 2 forwards the flow untranslated; the reply goes back to $N1_IP, where conntrack undoes both"
show ip netns exec cl-n1 iptables -t nat -L KUBE-NODEPORTS -v -n

step "The same NodePort on node 2 forwards to node 1"
ask_until cl-client "$N2_IP" "$NODE_PORT" web-1
[[ $ANSWER == "web-1 saw $N2_IP" ]] || fail "no connection to node 2 reached web-1 as $N2_IP (last answer: $ANSWER)"
ok "every node opens the port and can send to every endpoint"

step "externalTrafficPolicy: Local: only local endpoints, no SNAT"
# rules_local ENDPOINT SEP: the KUBE-EXT chain kube-proxy writes for the Local
# policy on a node whose local endpoint is ENDPOINT: pod and node traffic still
# use the whole Service, external traffic goes to KUBE-SVL (local endpoints
# only) and is not marked for masquerade.
rules_local() {
  cat <<EOF
*nat
:KUBE-EXT-DEMOWEB - [0:0]
:KUBE-SVL-DEMOWEB - [0:0]
-A KUBE-EXT-DEMOWEB -s 10.244.0.0/16 -m comment --comment "pod traffic for demo/web:http external destinations" -j KUBE-SVC-DEMOWEB
-A KUBE-EXT-DEMOWEB -m comment --comment "masquerade LOCAL traffic for demo/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
-A KUBE-EXT-DEMOWEB -m comment --comment "route LOCAL traffic for demo/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-DEMOWEB
-A KUBE-EXT-DEMOWEB -j KUBE-SVL-DEMOWEB
-A KUBE-SVL-DEMOWEB -m comment --comment "demo/web:http -> $1:8080" -j $2
COMMIT
EOF
}
rules_local "${IP[cl-web1]}" KUBE-SEP-WEB1 | ip netns exec cl-n1 iptables-restore --noflush
rules_local "${IP[cl-web2]}" KUBE-SEP-WEB2 | ip netns exec cl-n2 iptables-restore --noflush
show ip netns exec cl-n2 iptables -t nat -S KUBE-EXT-DEMOWEB
show ip netns exec cl-n2 iptables -t nat -S KUBE-SVL-DEMOWEB
# Forget the flows of the earlier steps, so that conntrack shows only new ones.
for node in cl-n1 cl-n2; do ip netns exec "$node" conntrack -F 2>/dev/null; done
: >"$WORK/web-2.log"
for i in 1 2 3 4 5; do
  answer=$(ask cl-client "$N2_IP" "$NODE_PORT") || fail "connection $i to $N2_IP:$NODE_PORT failed"
  [[ $answer == "web-2 saw $CLIENT_IP" ]] || fail "connection $i: $answer"
done
printf '$ ip netns exec cl-client socat -u TCP:%s:%s -\n%s\n' "$N2_IP" "$NODE_PORT" "$answer"
show cat web-2.log
ok "5 of 5 connections to node 2 stayed on node 2, and web-2 saw the client's real address"
first_entry cl-n2 -p tcp --orig-src "$CLIENT_IP" --dport "$NODE_PORT"
[[ $ENTRY =~ src=$CLIENT_IP\ dst=$N2_IP\ sport=[0-9]+\ dport=$NODE_PORT\ src=${IP[cl-web2]}\ dst=$CLIENT_IP\ sport=8080 ]] \
  || fail "node 2's entry is not DNAT-only: $ENTRY"
ok "DNAT only: the reply tuple goes to $CLIENT_IP itself"

pass
