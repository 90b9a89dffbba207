#!/usr/bin/env bash
# Lab: an allow/deny matrix enforced with iptables (chapter "NetworkPolicy").
#
# This is a model of what a network plugin does with NetworkPolicy, not
# Kubernetes itself: no API server, no controller, just the rules a plugin's
# agent would write on one node. A "node" namespace holds a bridge br0; four
# "pod" namespaces hang off it on veth pairs, each running tiny TCP servers.
# The pods' labels, as a NetworkPolicy would select them:
#
#   np-frontend  app=frontend  10.30.0.10  listens on 80
#   np-backend   app=backend   10.30.0.20  listens on 8080 (API) and 9090 (metrics)
#   np-db        app=db        10.30.0.30  listens on 5432
#   np-other     app=other     10.30.0.40  listens on 80
#
# The two policies being modelled, both Ingress-only:
#
#   db-allow-backend:       podSelector app=db;      from podSelector app=backend, TCP 5432
#   backend-allow-frontend: podSelector app=backend; from podSelector app=frontend, TCP 8080
#
# With br_netfilter's bridge-nf-call-iptables set inside np-node only (the
# setting is per network namespace since Linux 5.3), bridged pod-to-pod traffic
# crosses np-node's FORWARD chain, where the rules live: replies of allowed
# connections pass on conntrack state; traffic towards a selected (isolated) pod
# goes to that pod's chain of allow rules and is dropped at its end; pods no
# policy selects stay open. The lab then tries every source against every
# server port, with bounded connects, and checks each cell against the
# expected matrix. It also shows the node's own traffic bypassing FORWARD, and
# what breaks when the conntrack rule is missing.
#
# Nothing in the root namespace is created or changed. Run as root:
#   sudo bash labs/netpol-matrix.sh

source "$(dirname "$0")/lib.sh"
require iptables socat ss bridge

PODS=(frontend backend db other)
declare -A IP=([node]=10.30.0.1 [frontend]=10.30.0.10 [backend]=10.30.0.20 [db]=10.30.0.30 [other]=10.30.0.40)
# The matrix's columns: every server port of every pod.
TARGETS=(frontend:80 backend:8080 backend:9090 db:5432 other:80)
N=(ip netns exec np-node)

# try FROM POD:PORT: one TCP connection from np-FROM (or np-node for "node"),
# given up after one second without an answer to the SYN. Succeeds only if the
# right server answered.
try() {
  local from=$1 pod=${2%:*} port=${2#*:} reply
  reply=$(ip netns exec "np-$from" timeout 5 socat -T 3 -u "TCP:${IP[$pod]}:$port,connect-timeout=1" - 2>/dev/null) || return 1
  [[ $reply == "$pod port $port" ]]
}

# print_row LABEL CELL...: one row of a matrix, in fixed-width columns.
print_row() {
  local label=$1
  shift
  printf '%-10s%-14s%-14s%-14s%-14s%s\n' "$label" "$@"
}

step "A node namespace with a bridge, and four pod namespaces"
make_ns np-node np-frontend np-backend np-db np-other
show "${N[@]}" ip link add br0 type bridge
"${N[@]}" ip address add "${IP[node]}/24" dev br0
"${N[@]}" ip link set br0 up
for p in "${PODS[@]}"; do
  show ip -n np-node link add "veth-$p" type veth peer name eth0 netns "np-$p"
  ip -n np-node link set "veth-$p" master br0
  ip -n np-node link set "veth-$p" up
  ip -n "np-$p" address add "${IP[$p]}/24" dev eth0
  ip -n "np-$p" link set eth0 up
done
# forwarding PORT: has br0 put PORT in the forwarding state?
forwarding() { [[ $(bridge -n np-node link show dev "$1") == *"state forwarding"* ]]; }
for p in "${PODS[@]}"; do wait_for 10 "veth-$p to forward" forwarding "veth-$p"; done
show ip -n np-node -br address show dev br0

step "Each pod runs tiny TCP servers that answer with their name"
for t in "${TARGETS[@]}"; do
  pod=${t%:*} port=${t#*:}
  lab_bg ip netns exec "np-$pod" timeout 180 socat "TCP-LISTEN:$port,reuseaddr,fork" SYSTEM:"echo $pod port $port"
  wait_listening "np-$pod" "$port"
done
show ip netns exec np-backend ss -Hltn
for t in "${TARGETS[@]}"; do
  try other "$t" || fail "without any rule, other cannot reach $t"
done
ok "without policy every pod reaches every port: the Kubernetes default"

step "Let the node's iptables see bridged traffic (br_netfilter, this namespace only)"
show "${N[@]}" sysctl -w net.bridge.bridge-nf-call-iptables=1
[[ $("${N[@]}" sysctl -n net.bridge.bridge-nf-call-iptables) == 1 ]] || fail "bridge-nf-call-iptables is not 1 in np-node"

step "Program the two policies the way a plugin agent would"
# Replies of connections that were allowed when they started: the implicit
# "reply traffic is allowed" of NetworkPolicy.
show "${N[@]}" iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
show "${N[@]}" iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
# One chain per isolated pod; traffic leaving the bridge towards that pod's port goes there.
show "${N[@]}" iptables -N NP-INGRESS-DB
show "${N[@]}" iptables -N NP-INGRESS-BACKEND
show "${N[@]}" iptables -A FORWARD -m physdev --physdev-is-bridged --physdev-out veth-db -j NP-INGRESS-DB
show "${N[@]}" iptables -A FORWARD -m physdev --physdev-is-bridged --physdev-out veth-backend -j NP-INGRESS-BACKEND
# The allow rules. A real agent matches an IP set holding the addresses of all
# pods with the label; here each set has one member.
show "${N[@]}" iptables -A NP-INGRESS-DB -s "${IP[backend]}" -p tcp --dport 5432 \
  -m comment --comment db-allow-backend -j ACCEPT
show "${N[@]}" iptables -A NP-INGRESS-DB -m comment --comment db-isolated -j DROP
show "${N[@]}" iptables -A NP-INGRESS-BACKEND -s "${IP[frontend]}" -p tcp --dport 8080 \
  -m comment --comment backend-allow-frontend -j ACCEPT
show "${N[@]}" iptables -A NP-INGRESS-BACKEND -m comment --comment backend-isolated -j DROP
show "${N[@]}" iptables -S

step "The expected matrix (rows: source, columns: destination pod:port)"
declare -A EXPECT
for from in "${PODS[@]}" node; do
  for t in "${TARGETS[@]}"; do EXPECT[$from,$t]=allow; done
done
# backend accepts only frontend, and only on 8080.
EXPECT[db,backend:8080]=deny
EXPECT[other,backend:8080]=deny
for from in frontend db other; do EXPECT[$from,backend:9090]=deny; done
# db accepts only backend on 5432.
EXPECT[frontend,db:5432]=deny
EXPECT[other,db:5432]=deny
print_row "from\\to" "${TARGETS[@]}"
for from in "${PODS[@]}" node; do
  row=()
  for t in "${TARGETS[@]}"; do row+=("${EXPECT[$from,$t]}"); done
  print_row "$from" "${row[@]}"
done
echo "(a pod reaching its own address never leaves its namespace; the node's own traffic skips FORWARD)"

step "Try every cell: 25 TCP connects, each given a second to connect"
print_row "from\\to" "${TARGETS[@]}"
mismatches=0
for from in "${PODS[@]}" node; do
  row=()
  for t in "${TARGETS[@]}"; do
    if try "$from" "$t"; then got=allow; else got=deny; fi
    if [[ $got == "${EXPECT[$from,$t]}" ]]; then
      row+=("$got")
    else
      row+=("$got(!)")
      mismatches=$((mismatches + 1))
    fi
  done
  print_row "$from" "${row[@]}"
done
[[ $mismatches -eq 0 ]] || fail "$mismatches cell(s) differ from the expected matrix (marked with !)"
ok "all 25 cells match the expected matrix"

step "Where the denied connections died: the DROP counters of the pod chains"
show "${N[@]}" iptables -L NP-INGRESS-DB -v -n -x
show "${N[@]}" iptables -L NP-INGRESS-BACKEND -v -n -x
drops=$("${N[@]}" iptables -L NP-INGRESS-DB -v -n -x | awk '$3 == "DROP" {print $1}')
accepts=$("${N[@]}" iptables -L NP-INGRESS-DB -v -n -x | awk '$3 == "ACCEPT" {print $1}')
[[ $drops -ge 2 ]] || fail "NP-INGRESS-DB dropped $drops packets, expected at least 2 (frontend and other)"
ok "the SYNs of frontend and other towards db:5432 ended in NP-INGRESS-DB (a SYN may be retried)"
[[ $accepts -eq 1 ]] || fail "NP-INGRESS-DB accepted $accepts packets, expected 1"
ok "the allowed connection backend -> db:5432 sent one packet through the chain: its SYN; the rest matched ESTABLISHED"

step "Without the conntrack rule, even an allowed connection fails: its reply is dropped"
backend_drops() { "${N[@]}" iptables -L NP-INGRESS-BACKEND -v -n -x | awk '$3 == "DROP" {print $1}'; }
before=$(backend_drops)
show "${N[@]}" iptables -D FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
if try backend db:5432; then fail "backend reached db:5432 without the ESTABLISHED rule"; fi
[[ $(backend_drops) -gt $before ]] || fail "NP-INGRESS-BACKEND dropped nothing new"
ok "backend -> db:5432 now fails: db's SYN-ACK to backend meets NP-INGRESS-BACKEND and is dropped"
show "${N[@]}" iptables -I FORWARD 1 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
try backend db:5432 || fail "backend cannot reach db:5432 after restoring the ESTABLISHED rule"
ok "with the rule back, the reply passes on conntrack state and the connection works again"

pass
