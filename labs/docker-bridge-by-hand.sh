#!/usr/bin/env bash
# Lab: Docker's bridge network by hand (chapter "Inside bridge mode").
#
# Docker's engine does not run here: this lab builds with ip, iptables and
# socat what Docker Engine 29 builds for its default bridge network and for
# `docker run -p 8080:80`, so that every piece can be looked at.
#
# A namespace dk-host plays the Docker host. It holds the bridge docker0
# (172.17.0.1/16) and one veth per "container" (dk-c1 at 172.17.0.2, dk-c2 at
# 172.17.0.3, both with a default route via 172.17.0.1), plus an "outside"
# interface eth0 (198.51.100.1/24) where a client namespace dk-client
# (198.51.100.2) lives. Inside dk-host the lab turns on forwarding, sets the
# filter-FORWARD policy to DROP and creates Docker's chains (DOCKER-USER,
# DOCKER-FORWARD, DOCKER-CT, DOCKER-INTERNAL, DOCKER-BRIDGE, DOCKER), adds the
# MASQUERADE rule for 172.17.0.0/16 and publishes port 8080 to dk-c1:80 with
# a DNAT rule in the nat table's DOCKER chain, reached from PREROUTING and
# OUTPUT by `-m addrtype --dst-type LOCAL`. It then shows why the filter rule
# is needed as well as the DNAT, what the raw-table rule of Docker 28 blocks,
# where DOCKER-USER rules run, and which connections only a userland proxy
# (docker-proxy, played by socat) can serve: the host's own 127.0.0.1 and a
# container going through the host's address.
#
# Every address, route, rule and sysctl lives in the lab's namespaces: nothing
# in the root namespace is created or changed.
# Run as root: sudo bash labs/docker-bridge-by-hand.sh

source "$(dirname "$0")/lib.sh"
require iptables socat ss ping bridge

# connect NS ADDRESS PORT: open a TCP connection from NS (given up after 2 s
# without an answer to the SYN), print and keep in REPLY what the server says.
connect() {
  printf '$ ip netns exec %s socat -u TCP:%s:%s -\n' "$1" "$2" "$3"
  REPLY=$(ip netns exec "$1" timeout 6 socat -T 3 -u "TCP:$2:$3,connect-timeout=2" - 2>&1) \
    || { echo "${REPLY:-(no answer within 2 s)}"; return 1; }
  echo "$REPLY"
}

H=(ip netns exec dk-host)
ROOT_FORWARD_BEFORE=$(cat /proc/sys/net/ipv4/ip_forward)

step "A host with docker0 (172.17.0.1/16) and two containers on veth pairs"
make_ns dk-host dk-c1 dk-c2 dk-client
ip -n dk-host link add docker0 type bridge
ip -n dk-host address add 172.17.0.1/16 dev docker0
ip -n dk-host link set docker0 up
for i in 1 2; do
  ip -n dk-host link add "veth-c$i" type veth peer name eth0 netns "dk-c$i"
  ip -n dk-host link set "veth-c$i" master docker0
  ip -n dk-host link set "veth-c$i" up
  ip -n "dk-c$i" address add "172.17.0.$((i + 1))/16" dev eth0
  ip -n "dk-c$i" link set eth0 up
  ip -n "dk-c$i" route add default via 172.17.0.1
done
wait_up dk-c1 eth0
wait_up dk-c2 eth0
# A bridge is UP once a port forwards; the kernel's link watcher says so a moment later.
bridge_up() { [[ $(ip -n dk-host -o link show dev docker0) == *" state UP "* ]]; }
wait_for 10 "docker0 to be UP" bridge_up
show ip -n dk-host -br link
show bridge -n dk-host link
show ip -n dk-c1 -br address
show ip -n dk-c1 route

step "Containers on one bridge reach each other directly over docker0"
expect_ping dk-c1 172.17.0.3
show ip -n dk-c1 neigh show dev eth0

step "The host's outside interface and a client that knows nothing of 172.17.0.0/16"
ip -n dk-host link add eth0 type veth peer name eth0 netns dk-client
ip -n dk-host address add 198.51.100.1/24 dev eth0
ip -n dk-client address add 198.51.100.2/24 dev eth0
ip -n dk-host link set eth0 up
ip -n dk-client link set eth0 up
wait_up dk-client eth0
show ip -n dk-host -br -4 address
show ip -n dk-client route
expect_ping dk-client 198.51.100.1

step "Forwarding on, FORWARD policy DROP, and Docker's filter chains (Docker 29 layout)"
show "${H[@]}" sysctl -w net.ipv4.ip_forward=1
show "${H[@]}" iptables -P FORWARD DROP
for chain in DOCKER-USER DOCKER-FORWARD DOCKER-CT DOCKER-INTERNAL DOCKER-BRIDGE DOCKER; do
  "${H[@]}" iptables -N "$chain"
done
show "${H[@]}" iptables -A FORWARD -j DOCKER-USER
show "${H[@]}" iptables -A FORWARD -j DOCKER-FORWARD
show "${H[@]}" iptables -A DOCKER-FORWARD -j DOCKER-CT
show "${H[@]}" iptables -A DOCKER-FORWARD -j DOCKER-INTERNAL
show "${H[@]}" iptables -A DOCKER-FORWARD -j DOCKER-BRIDGE
show "${H[@]}" iptables -A DOCKER-FORWARD -i docker0 -j ACCEPT
show "${H[@]}" iptables -A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
show "${H[@]}" iptables -A DOCKER-BRIDGE -o docker0 -j DOCKER
show "${H[@]}" iptables -A DOCKER ! -i docker0 -o docker0 -j DROP
"${H[@]}" iptables -Z DOCKER-FORWARD
expect_ping dk-c1 172.17.0.3
show "${H[@]}" iptables -L DOCKER-FORWARD -v -n -x
pkts=$("${H[@]}" iptables -L DOCKER-FORWARD -v -n -x | awk '$3 == "ACCEPT" && $6 == "docker0" {print $1}')
[[ $pkts -ge 1 ]] || fail "the -i docker0 ACCEPT rule saw no packet"
ok "bridged traffic crossed FORWARD too (br_netfilter): the request matched -i docker0, the reply DOCKER-CT"

step "Leaving the host: without MASQUERADE the reply has no way back"
expect_no_ping dk-c1 198.51.100.2
show "${H[@]}" iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
expect_ping dk-c1 198.51.100.2
lab_bg ip netns exec dk-client timeout 60 socat TCP-LISTEN:9000,reuseaddr \
  SYSTEM:'echo "dk-client sees a connection from $SOCAT_PEERADDR"'
wait_listening dk-client 9000
connect dk-c1 198.51.100.2 9000 || fail "dk-c1 could not connect to 198.51.100.2:9000"
[[ $REPLY == "dk-client sees a connection from 198.51.100.1" ]] || fail "unexpected reply: $REPLY"
ok "the container's connection left with the host's address"

step "Container 1 runs a server on port 80"
lab_bg ip netns exec dk-c1 timeout 120 socat TCP-LISTEN:80,reuseaddr,fork \
  SYSTEM:'echo "dk-c1:80 answers, you are $SOCAT_PEERADDR"'
wait_listening dk-c1 80
connect dk-c2 172.17.0.2 80 || fail "dk-c2 could not reach dk-c1:80"
ok "on the bridge every port of every container is open to its neighbours"

step "Publish 8080 -> 172.17.0.2:80: the nat table's DOCKER chain"
show "${H[@]}" iptables -t nat -N DOCKER
show "${H[@]}" iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
show "${H[@]}" iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
show "${H[@]}" iptables -t nat -A DOCKER ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
if connect dk-client 198.51.100.1 8080; then
  fail "the published port answered before the filter table allowed it"
fi
ok "the DNAT alone is not enough: DOCKER's DROP rule stops packets entering docker0 from elsewhere"
show "${H[@]}" iptables -I DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT
connect dk-client 198.51.100.1 8080 || fail "dk-client could not reach the published port"
[[ $REPLY == "dk-c1:80 answers, you are 198.51.100.2" ]] || fail "unexpected reply: $REPLY"
ok "dk-client reached dk-c1:80 through 198.51.100.1:8080, and dk-c1 saw the client's own address"

step "The rules as iptables-save prints them, inside dk-host"
show "${H[@]}" iptables -t nat -S
show "${H[@]}" iptables -S

step "Docker 28+: the raw table stops direct routing to a container address"
show ip -n dk-client route add 172.17.0.0/16 via 198.51.100.1
connect dk-client 172.17.0.2 80 || fail "direct routing to the published container port failed"
ok "with a route, the client reached 172.17.0.2:80 without any NAT (the DOCKER ACCEPT rule matched)"
expect_no_ping dk-client 172.17.0.2
ok "but anything unpublished, even ping, hits DOCKER's DROP rule"
show "${H[@]}" iptables -t raw -A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP
if connect dk-client 172.17.0.2 80; then
  fail "direct routing still works with the raw-table rule"
fi
ok "the raw-table rule drops it before conntrack and NAT: only the published host port is a way in"
connect dk-client 198.51.100.1 8080 || fail "the published port stopped working"
ip -n dk-client route del 172.17.0.0/16 via 198.51.100.1

step "DOCKER-USER: your own rules run before Docker's"
show "${H[@]}" iptables -I DOCKER-USER -i eth0 ! -s 198.51.100.99 -j DROP
if connect dk-client 198.51.100.1 8080; then
  fail "the DOCKER-USER rule did not stop dk-client"
fi
ok "only 198.51.100.99 may reach published ports now, and dk-client is not it"
show "${H[@]}" iptables -D DOCKER-USER -i eth0 ! -s 198.51.100.99 -j DROP
connect dk-client 198.51.100.1 8080 || fail "dk-client is still blocked"

step "What the DNAT rules do not cover: 127.0.0.1 on the host, and containers going through the host's address"
if connect dk-host 127.0.0.1 8080; then
  fail "127.0.0.1:8080 answered without a proxy"
fi
ok "OUTPUT skips 127.0.0.0/8, and nothing listens on port 8080"
if connect dk-c2 198.51.100.1 8080; then
  fail "dk-c2 reached 198.51.100.1:8080 without a proxy"
fi
ok "DNAT says ! -i docker0, so dk-c2's packet reached the host's own (empty) port 8080"

step "A userland proxy on the host port (docker-proxy's job), played by socat"
lab_bg "${H[@]}" timeout 60 socat TCP-LISTEN:8080,reuseaddr,fork TCP:172.17.0.2:80
wait_listening dk-host 8080
show "${H[@]}" ss -Hltn "sport = :8080"
connect dk-host 127.0.0.1 8080 || fail "127.0.0.1:8080 did not answer through the proxy"
[[ $REPLY == "dk-c1:80 answers, you are 172.17.0.1" ]] || fail "unexpected reply: $REPLY"
connect dk-c2 198.51.100.1 8080 || fail "dk-c2 did not get through the proxy"
[[ $REPLY == "dk-c1:80 answers, you are 172.17.0.1" ]] || fail "unexpected reply: $REPLY"
ok "through the proxy the container sees 172.17.0.1, the proxy's address, not the caller"
connect dk-client 198.51.100.1 8080 || fail "dk-client lost the published port"
[[ $REPLY == "dk-c1:80 answers, you are 198.51.100.2" ]] || fail "unexpected reply: $REPLY"
ok "outside clients still go through DNAT, which happens before the proxy's socket is looked up"

step "The root namespace kept its own ip_forward setting"
[[ $(cat /proc/sys/net/ipv4/ip_forward) == "$ROOT_FORWARD_BEFORE" ]] || fail "ip_forward changed in the root namespace"
show "${H[@]}" sysctl net.ipv4.ip_forward
ok "ip_forward=1 was set in dk-host only: the sysctl is per network namespace"

pass
