#!/usr/bin/env bash
# Lab: a pod's resolver and ndots:5 (chapter "DNS in Kubernetes").
#
# A "cluster DNS" namespace (dns-server, 10.244.0.53) runs dnsmasq, standing
# in for CoreDNS: it answers a few cluster-style names (the Service
# web.shop.svc.cluster.local, the headless Service db.shop.svc.cluster.local,
# kube-dns.kube-system.svc.cluster.local), answers NXDOMAIN for any other name
# under cluster.local, knows one "external" name, api.example.org (a stand-in
# for what CoreDNS would forward upstream), and logs every query it receives.
#
# A "pod" namespace (dns-client, 10.244.0.20, in the Kubernetes namespace
# "shop") gets the files the kubelet would give it. `ip netns exec` bind-mounts
# every file in /etc/netns/dns-client/ over the file of the same name in /etc,
# so the lab writes a resolv.conf with nameserver 10.96.0.10 (the kube-dns
# Service IP), the search list shop.svc.cluster.local svc.cluster.local
# cluster.local and options ndots:5; a kubelet-style /etc/hosts; and an
# nsswitch.conf that reads files, then DNS, as a container image's does. One
# DNAT rule in the pod's own OUTPUT chain plays kube-proxy's part and sends
# 10.96.0.10:53 to 10.244.0.53:53.
#
# The lookups use `getent ahostsv4`, which goes through the C library's
# resolver (getaddrinfo) with the search list, and asks only for A records.
# The lab counts the queries in dnsmasq's log for each lookup: a short name
# costs one query, while api.example.org costs four, three of them doomed,
# unless it is written with a trailing dot or ndots is lowered.
#
# The lab creates /etc/netns/dns-client/ (and /etc/netns if it was missing)
# and removes them at the end; nothing in the root namespace's network state
# is touched. Run as root: sudo bash labs/dns-ndots.sh

source "$(dirname "$0")/lib.sh"
require dnsmasq getent iptables conntrack

lab_tmpdir
LOG=$WORK/queries.log
ETC=/etc/netns/dns-client
[[ -d /etc/netns ]] || on_exit 'rmdir /etc/netns'
on_exit 'rm -rf "$ETC"'

# strip: dnsmasq's log lines without the timestamp and PID prefix.
strip() { sed -E 's/^.*dnsmasq\[[0-9]+\]: //'; }

# logged_since LINE: the queries and answers dnsmasq logged after line LINE of its log.
logged_since() { tail -n +"$(($1 + 1))" "$LOG" | strip | grep -E '^(query|config|cached|reply)' || true; }

# answered LINE: was the last line logged since LINE an answer (not a query)?
# dnsmasq writes each line as it goes, so this holds once getent has its
# answer; the check only makes sure of it.
answered() { [[ $(logged_since "$1" | tail -n 1) != query* ]]; }

# lookup NAME EXPECTED_QUERIES: resolve NAME in the pod with getent (bounded),
# then show and count the queries dnsmasq logged for it.
lookup() {
  local name=$1 want=$2 before new got
  before=$(wc -l <"$LOG")
  printf '$ ip netns exec dns-client getent ahostsv4 %s\n' "$name"
  ip netns exec dns-client timeout 10 getent ahostsv4 "$name" | awk '$2 == "STREAM"' || true
  wait_for 5 "dnsmasq to log its answer to the last query" answered "$before"
  new=$(logged_since "$before")
  got=$(grep -c '^query\[' <<<"$new" || true)
  echo "--- dnsmasq logged $got quer$( ((got == 1)) && echo y || echo ies)"
  [[ -z $new ]] || printf '    %s\n' "${new//$'\n'/$'\n'    }"
  [[ $got == "$want" ]] || fail "looking up '$name' sent $got queries, expected $want"
}

step "A cluster DNS server (dnsmasq in dns-server) and a pod (dns-client)"
make_ns dns-server dns-client
veth_pair dns-server eth0 10.244.0.53/24 dns-client eth0 10.244.0.20/24
# In a cluster the pod's default route, via the node, covers the Service range.
ip -n dns-client route add 10.96.0.0/12 dev eth0
expect_ping dns-client 10.244.0.53

lab_bg ip netns exec dns-server timeout 120 dnsmasq --keep-in-foreground --conf-file=/dev/null \
  --no-resolv --no-hosts --user=root --pid-file= --bind-interfaces --listen-address=10.244.0.53 \
  --log-queries --log-facility="$LOG" \
  --local=/cluster.local/ \
  --host-record=web.shop.svc.cluster.local,10.96.0.100 \
  --host-record=kube-dns.kube-system.svc.cluster.local,10.96.0.10 \
  --host-record=db.shop.svc.cluster.local,10.244.2.11 \
  --host-record=db.shop.svc.cluster.local,10.244.2.12 \
  --host-record=db.shop.svc.cluster.local,10.244.2.13 \
  --host-record=api.example.org,203.0.113.80
wait_listening dns-server 53 udp
echo "dnsmasq serves: web.shop.svc.cluster.local (a Service: its ClusterIP 10.96.0.100),"
echo "  db.shop.svc.cluster.local (a headless Service: three pod IPs), kube-dns.kube-system.svc.cluster.local,"
echo "  NXDOMAIN for every other name under cluster.local, and api.example.org (203.0.113.80)"

step "What the kubelet writes into the pod: resolv.conf and a managed /etc/hosts"
mkdir -p "$ETC"
cat >"$ETC/resolv.conf" <<'EOF'
search shop.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
EOF
printf '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.0.20\tshop-client-7c9d\n' >"$ETC/hosts"
# A container image's name-service switch: the hosts file, then DNS. (This
# machine's own nsswitch.conf sends .local names to mDNS first.)
echo 'hosts: files dns' >"$ETC/nsswitch.conf"
show ip netns exec dns-client cat /etc/resolv.conf
show ip netns exec dns-client cat /etc/hosts
[[ $(ip netns exec dns-client cat /etc/resolv.conf) == "$(cat "$ETC/resolv.conf")" ]] \
  || fail "ip netns exec did not bind-mount $ETC/resolv.conf"
ok "inside dns-client, /etc/resolv.conf and /etc/hosts are the files from $ETC"

step "10.96.0.10 is a Service IP: a DNAT rule stands in for kube-proxy"
show ip netns exec dns-client iptables -t nat -A OUTPUT -d 10.96.0.10/32 -p udp --dport 53 \
  -j DNAT --to-destination 10.244.0.53:53
show ip netns exec dns-client iptables -t nat -A OUTPUT -d 10.96.0.10/32 -p tcp --dport 53 \
  -j DNAT --to-destination 10.244.0.53:53
# The count at the end needs every query's conntrack entry: a UDP flow that saw one request
# and one reply is forgotten after 30 s, less than this lab takes in a slow emulator.
ip netns exec dns-client sysctl -qw net.netfilter.nf_conntrack_udp_timeout=600

step "The pod's own name comes from /etc/hosts: no DNS query at all"
lookup shop-client-7c9d 0
ok "the 'files' source answered before 'dns' was asked"

step "A short name: the first search suffix finds the Service"
lookup web 1
ok "'web' became web.shop.svc.cluster.local on the first try"

step "Another namespace's Service: one wasted query"
lookup kube-dns.kube-system 2
ok "kube-dns.kube-system.shop.svc.cluster.local failed, kube-dns.kube-system.svc.cluster.local answered"

step "A headless Service answers with every ready pod"
lookup db 1
n=$(ip netns exec dns-client timeout 10 getent ahostsv4 db | awk '$2 == "STREAM"' | wc -l)
[[ $n == 3 ]] || fail "db resolved to $n addresses, expected 3"
ok "three A records, one per pod, and no ClusterIP"

step "Even the full Service name has fewer than 5 dots"
lookup web.shop.svc.cluster.local 4
ok "4 dots < ndots:5, so the search list went first: three NXDOMAIN before the name itself"

step "An external name: three doomed queries before the real one"
lookup api.example.org 4
ok "every search suffix was tried and failed before api.example.org was asked as it is"

step "A trailing dot makes the name absolute: one query"
lookup api.example.org. 1
ok "no search list for a fully qualified name"

step "The same lookups with options ndots:2 (what a Pod's dnsConfig can set)"
sed -i 's/ndots:5/ndots:2/' "$ETC/resolv.conf"
show ip netns exec dns-client grep options /etc/resolv.conf
lookup api.example.org 1
lookup web 1
ok "with ndots:2, a name with 2 dots is tried as it is first; short names still use the search list"

step "Every DNS query crossed the pod's conntrack table, DNATed like any Service traffic"
printf '$ ip netns exec dns-client conntrack -L -p udp --orig-dst 10.96.0.10 | head -n 2\n'
entries=$(ip netns exec dns-client conntrack -L -p udp --orig-dst 10.96.0.10 2>/dev/null)
sed -n 1,2p <<<"$entries"
[[ $(sed -n 1p <<<"$entries") =~ dst=10\.96\.0\.10\ sport=[0-9]+\ dport=53\ src=10\.244\.0\.53\  ]] \
  || fail "no DNATed DNS flow in the conntrack table"
flows=$(wc -l <<<"$entries")
total=$(strip <"$LOG" | grep -c '^query\[' || true)
echo "$flows UDP flows to 10.96.0.10:53 are tracked; dnsmasq logged $total queries in all"
[[ $flows == "$total" ]] || fail "$flows conntrack entries for $total queries"
ok "every query came from a new source port and created its own conntrack entry"

pass
