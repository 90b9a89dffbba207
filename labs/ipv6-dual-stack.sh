#!/usr/bin/env bash
# Lab: IPv6 next to IPv4 (chapter "IPv6 and dual-stack").
#
# Two dual-stack hosts, v6-a and v6-b, share a bridge inside the router
# namespace v6-r (LAN 1: 10.10.1.0/24 and fd00:10:1::/64). A third host, v6-c,
# sits on LAN 2 behind the router and gets its IPv6 address and default route
# from router advertisements (radvd, SLAAC). Every device has a fixed MAC
# address, so its link-local address is the same on every run. The lab shows:
# the link-local address on every interface and the wait for duplicate address
# detection; neighbour discovery (a solicitation to the solicited-node
# multicast group, a unicast advertisement) in tcpdump and in `ip -6 neigh`;
# routing of both families through v6-r, with a next hop that is a link-local
# address; a Packet Too Big error from the router instead of fragmentation;
# and one nftables rule in an `inet` table that refuses TCP port 8080 in both
# families, its counter counting both.
#
# Nothing in the root namespace is created or changed. Run as root:
# sudo bash labs/ipv6-dual-stack.sh

source "$(dirname "$0")/lib.sh"
require ping tcpdump socat nft radvd

# no_tentative NS: every IPv6 address in NS has finished duplicate address detection.
no_tentative() { [[ -z $(ip -n "$1" -6 address show tentative) ]]; }

# slaac_done: v6-c has an address from the advertised prefix, past DAD, and a default route.
slaac_done() {
  [[ $(ip -n v6-c -6 address show dev eth0 scope global -tentative) == *fd00:10:2::* ]] \
    && [[ -n $(ip -n v6-c -6 route show default) ]]
}

# fetch NS ADDRESS: one connection to port 8080 of ADDRESS; prints what the server said.
fetch() { ip netns exec "$1" timeout 10 socat -u "TCP:$2:8080,connect-timeout=3" - 2>&1; }

step "LAN 1: v6-a and v6-b on a bridge in the router v6-r, both families on every host"
make_ns v6-r v6-a v6-b v6-c
# Scratch files (captures, configuration) live in $WORK, and the commands shown name them from there.
lab_tmpdir
cd "$WORK"
ip -n v6-r link add br0 address 02:00:00:00:00:01 type bridge
for h in a b; do
  ip -n v6-r link add "veth-$h" address "02:00:00:00:01:0$h" type veth peer name eth0 netns "v6-$h"
  ip -n "v6-$h" link set eth0 address "02:00:00:00:00:0$h"
  ip -n v6-r link set "veth-$h" master br0 up
done
show ip -n v6-r address add 10.10.1.1/24 dev br0
show ip -n v6-r address add fd00:10:1::1/64 dev br0
show ip -n v6-a address add 10.10.1.10/24 dev eth0
show ip -n v6-a address add fd00:10:1::a/64 dev eth0
show ip -n v6-b address add 10.10.1.11/24 dev eth0
show ip -n v6-b address add fd00:10:1::b/64 dev eth0
ip -n v6-r link set br0 up
ip -n v6-a link set eth0 up
ip -n v6-b link set eth0 up
wait_up v6-a eth0
wait_up v6-b eth0
# Straight after `up`, an IPv6 address is tentative: usable by nobody until
# duplicate address detection has asked the link, and heard no answer, for a second.
show ip -n v6-a -6 address show dev eth0
wait_for 15 "duplicate address detection on LAN 1" no_tentative v6-a
wait_for 15 "duplicate address detection on LAN 1" no_tentative v6-b
wait_for 15 "duplicate address detection on LAN 1" no_tentative v6-r
show ip -n v6-a -6 address show dev eth0
[[ $(ip -n v6-a -6 address show dev eth0) == *"fe80::ff:fe00:a/64 scope link"* ]] \
  || fail "eth0 in v6-a has no link-local address made from its MAC"
ok "eth0 has the address we gave it and fe80::ff:fe00:a, which the kernel made from its MAC 02:00:00:00:00:0a"
show ip -n v6-r -6 -br address
ok "every interface that has IPv6 has a link-local address, even the bridge ports, which have no other"
show ip -n v6-a -6 route

step "Neighbour discovery: a solicitation to a multicast group, an advertisement back"
show ip -n v6-b maddress show dev eth0
[[ $(ip -n v6-b maddress show dev eth0) == *"inet6 ff02::1:ff00:b"* ]] \
  || fail "v6-b did not join the solicited-node group of fd00:10:1::b"
ok "v6-b listens to ff02::1:ff00:b, the solicited-node group of both its addresses (their last 24 bits are 00:00:0b)"
show ip -n v6-a -6 neigh show dev eth0
capture v6-b nd.txt -n -e -t -l -c 2 -i eth0 'icmp6 and (ip6[40] == 135 or ip6[40] == 136)'
pid=$!
expect_ping v6-a fd00:10:1::b
wait "$pid" || fail "tcpdump did not see a solicitation and an advertisement"
echo "$ ip netns exec v6-b tcpdump -n -e -t -c 2 -i eth0 'icmp6 and (ip6[40] == 135 or ip6[40] == 136)'"
cat nd.txt
nd=$(<nd.txt)
[[ $nd == *"> 33:33:ff:00:00:0b"*"> ff02::1:ff00:b: ICMP6, neighbor solicitation, who has fd00:10:1::b"* ]] \
  || fail "the solicitation did not go to the solicited-node group"
[[ $nd == *"fd00:10:1::b > fd00:10:1::a: ICMP6, neighbor advertisement, tgt is fd00:10:1::b"* ]] \
  || fail "v6-b did not answer with a unicast advertisement"
ok "v6-a asked the group ff02::1:ff00:b (MAC 33:33:ff:00:00:0b), not everyone; v6-b answered v6-a alone"
show ip -n v6-a -6 neigh show dev eth0
show ip -n v6-b -6 neigh show dev eth0
[[ $(ip -n v6-b -6 neigh show fd00:10:1::a) == *"lladdr 02:00:00:00:00:0a"* ]] \
  || fail "v6-b did not learn v6-a's MAC from the solicitation"
ok "v6-b learned v6-a's MAC from the solicitation itself, without asking"
show ip netns exec v6-a ping -c 1 -W 2 fe80::ff:fe00:b%eth0

step "LAN 2: v6-c gets its IPv6 address and default route from router advertisements"
ip -n v6-r link add veth-c address 02:00:00:00:00:02 mtu 1280 type veth peer name eth0 netns v6-c
ip -n v6-c link set eth0 address 02:00:00:00:00:0c mtu 1280
show ip -n v6-r address add 10.10.2.1/24 dev veth-c
show ip -n v6-r address add fd00:10:2::1/64 dev veth-c
show ip -n v6-c address add 10.10.2.12/24 dev eth0
show ip netns exec v6-c sysctl net.ipv6.conf.eth0.accept_ra net.ipv6.conf.eth0.autoconf
ip -n v6-r link set veth-c up
ip -n v6-c link set eth0 up
wait_up v6-r veth-c
wait_up v6-c eth0
show ip -n v6-c route add default via 10.10.2.1
wait_for 15 "duplicate address detection on LAN 2" no_tentative v6-r
show ip netns exec v6-r sysctl -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
cat >radvd.conf <<'EOF'
interface veth-c {
  AdvSendAdvert on;
  MinRtrAdvInterval 3;
  MaxRtrAdvInterval 10;
  prefix fd00:10:2::/64 {
    AdvOnLink on;
    AdvAutonomous on;
  };
};
EOF
echo "$ cat radvd.conf"
cat radvd.conf
echo "$ ip netns exec v6-r radvd --nodaemon --config radvd.conf --pidfile radvd.pid --logmethod logfile --logfile radvd.log &"
lab_bg ip netns exec v6-r timeout 60 radvd --nodaemon --config radvd.conf --pidfile radvd.pid --logmethod logfile --logfile "$WORK/radvd.log"
wait_for 30 "v6-c to configure an address and a route from the advertisements" slaac_done
show ip -n v6-c -6 address show dev eth0
show ip -n v6-c -6 route
[[ $(ip -n v6-c -6 route show default) == "default via fe80::ff:fe00:2 dev eth0 proto ra"* ]] \
  || fail "v6-c's default route does not point at the router's link-local address"
ok "v6-c made fd00:10:2::ff:fe00:c from the advertised prefix and its MAC; its router is fe80::ff:fe00:2"

step "Both families through the router, each with its own routes"
show ip -n v6-a route add default via 10.10.1.1
show ip -n v6-a -6 route add default via fe80::ff:fe00:1 dev eth0
show ip -n v6-a route get 10.10.2.12
show ip -n v6-a -6 route get fd00:10:2::ff:fe00:c
show ip netns exec v6-a ping -c 1 -W 2 10.10.2.12
show ip netns exec v6-a ping -c 1 -W 2 fd00:10:2::ff:fe00:c
reply=$(ip netns exec v6-a ping -c 1 -W 2 fd00:10:2::ff:fe00:c)
[[ $reply == *"ttl=63"* ]] || fail "expected a reply with hop limit 63, got: $reply"
ok "the IPv6 reply arrives with hop limit 63: the router took one off, as IPv4's TTL"
show ip -n v6-a -6 neigh show dev eth0
[[ $(ip -n v6-a -6 neigh show fe80::ff:fe00:1) == *" router "* ]] \
  || fail "v6-a's neighbour entry for its router lacks the router flag"
ok "v6-r forwards, so its neighbour advertisements carry the router flag: 'router' in the entry"

step "Path MTU: LAN 2 has an MTU of 1280, and the router does not fragment"
show ip netns exec v6-a ping -c 1 -W 2 -s 1400 -M 'do' fd00:10:2::ff:fe00:c || true
show ip -n v6-a -6 route get fd00:10:2::ff:fe00:c
[[ $(ip -n v6-a -6 route get fd00:10:2::ff:fe00:c) == *"mtu 1280"* ]] \
  || fail "v6-a did not learn the path MTU from the router's Packet Too Big"
ok "the router dropped the 1448-byte packet and sent Packet Too Big; v6-a caches mtu 1280 for this destination"
show ip netns exec v6-a ping -c 1 -W 2 -s 1400 fd00:10:2::ff:fe00:c
ok "without -M do, v6-a itself splits the packet into fragments that fit 1280 bytes"

step "One rule in an inet table refuses port 8080 in both families"
lab_bg ip netns exec v6-c timeout 60 socat TCP6-LISTEN:8080,reuseaddr,fork SYSTEM:'echo "hello $SOCAT_PEERADDR"'
wait_listening v6-c 8080
echo "$ ip netns exec v6-c ss -Hltn 'sport = :8080'"
ip netns exec v6-c ss -Hltn 'sport = :8080'
echo "$ ip netns exec v6-a socat -u TCP:10.10.2.12:8080 -"
fetch v6-a 10.10.2.12
echo "$ ip netns exec v6-a socat -u TCP:[fd00:10:2::ff:fe00:c]:8080 -"
fetch v6-a '[fd00:10:2::ff:fe00:c]'
ok "one socket on [::]:8080 answers both families: an IPv4 client appears as ::ffff:10.10.1.10"
cat >lab.nft <<'EOF'
table inet lab {
  chain forward {
    type filter hook forward priority filter; policy accept;
    tcp dport 8080 counter reject with tcp reset
  }
}
EOF
echo "$ cat lab.nft"
cat lab.nft
show ip netns exec v6-r nft -f lab.nft
echo "$ ip netns exec v6-a socat -u TCP:10.10.2.12:8080 -"
out=$(fetch v6-a 10.10.2.12) && fail "port 8080 still answers over IPv4"
echo "$out"
echo "$ ip netns exec v6-a socat -u TCP:[fd00:10:2::ff:fe00:c]:8080 -"
out=$(fetch v6-a '[fd00:10:2::ff:fe00:c]') && fail "port 8080 still answers over IPv6"
echo "$out"
show ip netns exec v6-r nft list chain inet lab forward
[[ $(ip netns exec v6-r nft list chain inet lab forward) == *"counter packets 2 bytes 140 reject"* ]] \
  || fail "the rule did not count one IPv4 SYN (60 bytes) and one IPv6 SYN (80 bytes)"
ok "one rule, two SYNs refused: 60 bytes of IPv4 and 80 bytes of IPv6 (a 40-byte header instead of 20)"
expect_ping v6-a fd00:10:2::ff:fe00:c
ok "everything else still passes: the rule matches TCP port 8080 only"

pass
