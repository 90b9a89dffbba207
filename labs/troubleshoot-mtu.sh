#!/usr/bin/env bash
# Lab: a path-MTU black hole (chapter "Troubleshooting playbook").
#
# Four namespaces in a row: ts-a -- ts-r1 ==== ts-r2 -- ts-b. Every link has
# an MTU of 1500 except the one between the two routers, which has 1400, as a
# tunnel or an overlay would. The lab shows how to find the narrow hop with
# `ping -M do -s SIZE` (the DF bit set, so nothing may fragment the packet):
#   1. while the routers may send ICMP "fragmentation needed", a too-large
#      ping is answered with that error, the sender caches the path MTU
#      (visible in `ip route get`), and a TCP download of 20000 bytes works;
#   2. once a firewall drops those ICMP errors, the same ping disappears
#      without a word while small pings still work, and the TCP download
#      connects but stalls: the classic "small requests work, big responses
#      hang" symptom;
#   3. clamping the TCP MSS on the routers (nftables `maxseg size set rt mtu`)
#      makes TCP work again, while the large DF ping still fails.
#
# Nothing in the root namespace is touched; forwarding is switched on inside
# the router namespaces only. Run as root: sudo bash labs/troubleshoot-mtu.sh

source "$(dirname "$0")/lib.sh"
require socat nft tcpdump ping ss
# The downloads and the capture go to a scratch directory.
lab_tmpdir

# link NS1 DEV1 ADDR1 NS2 DEV2 ADDR2 MTU: a veth pair between two namespaces,
# with the same MTU on both ends (an mtu given before "peer" sets only one end).
link() {
  ip -n "$1" link add "$2" mtu "$7" type veth peer name "$5" mtu "$7" netns "$4"
  ip -n "$1" address add "$3" dev "$2"
  ip -n "$4" address add "$6" dev "$5"
  ip -n "$1" link set "$2" up
  ip -n "$4" link set "$5" up
  wait_up "$1" "$2"
  wait_up "$4" "$5"
}

# download: fetch from the server in ts-b; socat gives up after 3 s without
# data. Sets CONNECTED (socat's exit status: 0 once the connection opened) and
# prints the command and the number of bytes that arrived.
download() {
  CONNECTED=0
  ip netns exec ts-a timeout 5 socat -T 3 -u TCP:10.2.0.2:8000,connect-timeout=2 - >"$WORK/download" 2>/dev/null || CONNECTED=$?
  BYTES=$(wc -c <"$WORK/download")
  printf '$ ip netns exec ts-a socat -T 3 -u TCP:10.2.0.2:8000 - | wc -c\n%s\n' "$BYTES"
}

# flush_pmtu: forget the path MTUs the end hosts have learnt.
flush_pmtu() {
  ip netns exec ts-a ip route flush cache
  ip netns exec ts-b ip route flush cache
}

step "Four namespaces in a row; the link between the routers has an MTU of 1400"
make_ns ts-a ts-r1 ts-r2 ts-b
link ts-a eth0 10.1.0.2/24 ts-r1 eth0 10.1.0.1/24 1500
link ts-r1 eth1 10.9.0.1/30 ts-r2 eth1 10.9.0.2/30 1400
link ts-r2 eth0 10.2.0.1/24 ts-b eth0 10.2.0.2/24 1500
ip -n ts-a route add default via 10.1.0.1
ip -n ts-b route add default via 10.2.0.1
ip -n ts-r1 route add 10.2.0.0/24 via 10.9.0.2
ip -n ts-r2 route add 10.1.0.0/24 via 10.9.0.1
ip netns exec ts-r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec ts-r2 sysctl -qw net.ipv4.ip_forward=1
show ip -n ts-r1 link show dev eth1
show ip -n ts-r2 link show dev eth1
expect_ping ts-a 10.2.0.2
lab_bg ip netns exec ts-b timeout 90 socat TCP-LISTEN:8000,reuseaddr,fork 'SYSTEM:head -c 20000 /dev/zero'
wait_listening ts-b 8000

step "Healthy path MTU discovery: the router answers a too-large DF packet with ICMP"
printf '$ ip netns exec ts-a ping -c 1 -W 1 -M do -s 1372 10.2.0.2\n'
ip netns exec ts-a ping -c 1 -W 1 -M "do" -s 1372 10.2.0.2 | grep -E 'bytes from|packet loss'
ok "1372 bytes of payload + 28 of headers = 1400: fits"
out=$(ip netns exec ts-a ping -c 1 -W 1 -M "do" -s 1472 10.2.0.2 2>&1) && fail "a 1500-byte DF ping crossed the 1400 link"
printf '$ ip netns exec ts-a ping -c 1 -W 1 -M do -s 1472 10.2.0.2\n'
grep -E 'Frag needed|packet loss' <<<"$out"
grep -q 'Frag needed and DF set (mtu = 1400)' <<<"$out" || fail "no 'fragmentation needed' error came back"
ok "ts-r1 answered with ICMP 'fragmentation needed', mtu 1400"
show ip netns exec ts-a ip route get 10.2.0.2
[[ $(ip netns exec ts-a ip route get 10.2.0.2) == *"mtu 1400"* ]] || fail "ts-a did not cache the path MTU"
ok "ts-a now knows the path MTU to 10.2.0.2"
download
[[ $CONNECTED -eq 0 && $BYTES -eq 20000 ]] || fail "the download brought $BYTES bytes (socat status $CONNECTED), expected 20000"
ok "TCP adapts to the path MTU: all 20000 bytes arrived"

step "Break it: a firewall on both routers drops the ICMP 'fragmentation needed' errors"
flush_pmtu
for r in ts-r1 ts-r2; do
  ip netns exec "$r" nft add table inet ts-fw
  ip netns exec "$r" nft add chain inet ts-fw out '{ type filter hook output priority 0; }'
  ip netns exec "$r" nft add rule inet ts-fw out icmp type destination-unreachable icmp code frag-needed counter drop
done
show ip netns exec ts-r1 nft list table inet ts-fw
printf '$ ip netns exec ts-a ping -c 1 -W 1 -M do -s 1372 10.2.0.2\n'
ip netns exec ts-a ping -c 1 -W 1 -M "do" -s 1372 10.2.0.2 | grep -E 'bytes from|packet loss'
out=$(ip netns exec ts-a ping -c 1 -W 2 -M "do" -s 1472 10.2.0.2 2>&1) && fail "a 1500-byte DF ping crossed the 1400 link"
printf '$ ip netns exec ts-a ping -c 1 -W 2 -M do -s 1472 10.2.0.2\n'
grep -E 'packet loss' <<<"$out"
grep -q 'Frag needed' <<<"$out" && fail "the ICMP error still came back"
ok "the large ping vanished without any error: a black hole"
show ip netns exec ts-a ip route get 10.2.0.2
[[ $(ip netns exec ts-a ip route get 10.2.0.2) != *mtu* ]] || fail "ts-a cached a path MTU although no ICMP came back"
download
[[ $CONNECTED -eq 0 ]] || fail "the connection did not even open (socat status $CONNECTED)"
[[ $BYTES -lt 20000 ]] || fail "the download completed although the path MTU is unknown"
ok "the connection opened (small SYNs pass) but the full-size data segments are dropped: the download stalls"
show ip netns exec ts-r2 nft list chain inet ts-fw out
dropped=$(ip netns exec ts-r2 nft list chain inet ts-fw out | sed -n 's/.*counter packets \([0-9]*\).*/\1/p')
(( dropped >= 1 )) || fail "ts-r2 dropped no ICMP error"
ok "ts-r2 tried to send 'fragmentation needed' back to the server, and its own firewall ate it"

step "Work around it for TCP: clamp the MSS to the route's MTU on both routers"
flush_pmtu
for r in ts-r1 ts-r2; do
  ip netns exec "$r" nft add chain inet ts-fw clamp '{ type filter hook forward priority 0; }'
  ip netns exec "$r" nft add rule inet ts-fw clamp tcp flags syn tcp option maxseg size set rt mtu
done
show ip netns exec ts-r1 nft list chain inet ts-fw clamp
capture ts-b "$WORK/syn" -t -l -nn -i eth0 -c 1 'tcp[tcpflags] == tcp-syn'
tcpdump=$!
download
[[ $CONNECTED -eq 0 && $BYTES -eq 20000 ]] || fail "the download brought $BYTES bytes with MSS clamping, expected 20000"
wait "$tcpdump" || fail "tcpdump in ts-b saw no SYN"
printf '$ ip netns exec ts-b tcpdump -t -nn -i eth0 -c 1 "tcp[tcpflags] == tcp-syn"\n'
cat "$WORK/syn"
grep -q 'mss 1360' "$WORK/syn" || fail "the SYN that reached ts-b does not carry MSS 1360"
ok "the SYN reached the server announcing an MSS of 1360, so no segment is too large for the 1400 link"
out=$(ip netns exec ts-a ping -c 1 -W 2 -M "do" -s 1472 10.2.0.2 2>&1) && fail "a 1500-byte DF ping crossed the 1400 link"
printf '$ ip netns exec ts-a ping -c 1 -W 2 -M do -s 1472 10.2.0.2\n'
grep -E 'packet loss' <<<"$out"
ok "clamping only fixes TCP: the large DF ping is still lost"

pass
