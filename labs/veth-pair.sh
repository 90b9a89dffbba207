#!/usr/bin/env bash
# Lab: veth pairs and TUN/TAP devices (chapter "Virtual devices: veth pairs and TUN/TAP").
#
# Creates a veth pair from inside one namespace with its peer placed straight
# into a second one, shows that each end names its peer's interface index
# (@ifN, /sys/class/net/DEV/iflink) and how to find the host end from the
# container end, that an end has carrier only when its peer is up, that the
# pair carries traffic, and that deleting one end deletes both. Then it creates
# a TAP and a TUN device, shows that without a program attached they have no
# carrier and transmit nothing, and attaches socat to each to show what
# reaches user space: whole IP packets from TUN, Ethernet frames from TAP.
#
# Nothing in the root namespace is created or changed. Run as root:
#   sudo bash labs/veth-pair.sh

source "$(dirname "$0")/lib.sh"
require ping socat od
[[ -c /dev/net/tun ]] || skip "/dev/net/tun is missing (the kernel needs CONFIG_TUN)"
# What socat reads from the TUN and TAP devices goes to a scratch directory.
lab_tmpdir

# sysfs NS DEV FILE: read /sys/class/net/DEV/FILE as seen inside NS.
sysfs() { ip netns exec "$1" cat "/sys/class/net/$2/$3"; }

# flags NS DEV: the device's flags, e.g. NO-CARRIER,BROADCAST,MULTICAST,UP.
flags() { ip -n "$1" -o link show dev "$2" | sed -n 's/.*<\(.*\)>.*/\1/p'; }

# has_flag NS DEV FLAG: does DEV in NS show FLAG (LOWER_UP, NO-CARRIER)?
has_flag() { [[ ,$(flags "$1" "$2"), == *,$3,* ]]; }

# file_has BYTES FILE: has FILE grown to at least BYTES bytes?
file_has() { (($(stat -c %s "$2") >= $1)); }

step "Create the pair inside veth-a, with the peer placed straight into veth-b"
make_ns veth-a veth-b
# The host end is given ifindex 7 so that the two indexes differ, as on a real
# host where many devices exist; without "index 7" both ends would be number 2.
show ip -n veth-a link add veth0 index 7 type veth peer name eth0 netns veth-b
show ip -n veth-a link show dev veth0
show ip -n veth-b link show dev eth0

step "Each end names its peer's interface index: @ifN and iflink"
show ip netns exec veth-b cat /sys/class/net/eth0/ifindex /sys/class/net/eth0/iflink
show ip netns exec veth-a cat /sys/class/net/veth0/ifindex /sys/class/net/veth0/iflink
[[ $(sysfs veth-b eth0 iflink) == "$(sysfs veth-a veth0 ifindex)" ]] || fail "eth0's iflink is not veth0's ifindex"
[[ $(sysfs veth-a veth0 iflink) == "$(sysfs veth-b eth0 ifindex)" ]] || fail "veth0's iflink is not eth0's ifindex"
ok "eth0 (index 2) points at index 7, and veth0 (index 7) points at index 2"

step "From the container end to the host end: look the index up on the host side"
peer=$(sysfs veth-b eth0 iflink)
printf '$ %s\n' "ip -n veth-a -o link show | awk -F': ' '\$1 == $peer {print \$2}'"
host_end=$(ip -n veth-a -o link show | awk -F': ' -v i="$peer" '$1 == i {print $2}')
printf '%s\n' "$host_end"
[[ $host_end == veth0@if2 ]] || fail "index $peer in veth-a is '$host_end', not veth0"
ok "index $peer in veth-a is veth0, the host end of the container's eth0"

step "An end has carrier only while its peer is up"
show ip -n veth-a link set veth0 up
show ip -n veth-a -br link show dev veth0
[[ $(flags veth-a veth0) == *NO-CARRIER* ]] || fail "veth0 has carrier while eth0 is down"
ok "veth0 is UP but has NO-CARRIER: its peer eth0 is still down"
show ip -n veth-b link set eth0 up
wait_for 10 "veth0 to get carrier" has_flag veth-a veth0 LOWER_UP
show ip -n veth-a -br link show dev veth0
show ip -n veth-b -br link show dev eth0
ok "with both ends up, both have carrier (LOWER_UP)"

step "Address both ends: the pair carries traffic"
show ip -n veth-a address add 10.0.0.1/24 dev veth0
show ip -n veth-b address add 10.0.0.2/24 dev eth0
expect_ping veth-a 10.0.0.2
expect_ping veth-b 10.0.0.1

step "Deleting one end deletes both"
show ip -n veth-b link del dev eth0
gone() { ! ip -n veth-a link show dev veth0; }
wait_for 10 "veth0 to disappear from veth-a" gone
show ip -n veth-a -br link
show ip -n veth-b -br link
ok "veth0 went away with eth0"

step "A TAP and a TUN device; IPv6 off in veth-a so that only our packets reach them"
show ip netns exec veth-a sysctl -w net.ipv6.conf.default.disable_ipv6=1
show ip -n veth-a tuntap add dev tap0 mode tap
show ip -n veth-a tuntap add dev tun0 mode tun
show ip -n veth-a tuntap show
show ip -n veth-a address add 192.0.2.1/24 dev tap0
show ip -n veth-a address add 198.51.100.1/24 dev tun0
show ip -n veth-a link set tap0 up
show ip -n veth-a link set tun0 up
# The kernel's link watcher marks a device without carrier a moment after it
# comes up (up to a second on a slow machine, such as the lab VM).
wait_for 5 "tap0 to show NO-CARRIER" has_flag veth-a tap0 NO-CARRIER
wait_for 5 "tun0 to show NO-CARRIER" has_flag veth-a tun0 NO-CARRIER
show ip -n veth-a link show dev tap0
show ip -n veth-a link show dev tun0

step "With no program attached: no carrier, the routes are linkdown, packets are dropped"
show ip -n veth-a route
[[ $(flags veth-a tap0) == *NO-CARRIER* ]] || fail "tap0 has carrier with no program attached"
[[ $(flags veth-a tun0) == *NO-CARRIER* ]] || fail "tun0 has carrier with no program attached"
dropped_tap=$(sysfs veth-a tap0 statistics/tx_dropped)
dropped_tun=$(sysfs veth-a tun0 statistics/tx_dropped)
expect_no_ping veth-a 192.0.2.2
expect_no_ping veth-a 198.51.100.2
show ip netns exec veth-a cat /sys/class/net/tap0/statistics/tx_packets /sys/class/net/tun0/statistics/tx_packets
[[ $(sysfs veth-a tap0 statistics/tx_packets) == 0 ]] || fail "tap0 transmitted a packet with nobody attached"
[[ $(sysfs veth-a tun0 statistics/tx_packets) == 0 ]] || fail "tun0 transmitted a packet with nobody attached"
ok "tap0 and tun0 transmitted nothing: without carrier, the kernel drops what it routes to them"
# Whether the drops are counted depends on the kernel: a device without carrier
# has the noop qdisc in place of its queue, which counts what it drops in
# tx_dropped since Linux 6.11 and nowhere before (as in 6.1). Shown, not checked.
show ip netns exec veth-a cat /sys/class/net/tap0/statistics/tx_dropped /sys/class/net/tun0/statistics/tx_dropped
printf 'tx_dropped grew by %s on tap0 and %s on tun0 (Linux 6.11 and later count these drops; older kernels do not)\n' \
  $(($(sysfs veth-a tap0 statistics/tx_dropped) - dropped_tap)) $(($(sysfs veth-a tun0 statistics/tx_dropped) - dropped_tun))

step "Attach a program to tun0: carrier comes up, and it reads whole IP packets"
lab_bg ip netns exec veth-a timeout 30 socat -u TUN,tun-name=tun0,iff-no-pi OPEN:"$WORK/tun0.bin",creat,trunc
READER=$!
wait_for 10 "tun0 to get carrier" has_flag veth-a tun0 LOWER_UP
show ip -n veth-a -br link show dev tun0
expect_no_ping veth-a 198.51.100.2
wait_for 10 "socat to write the packet it read" file_has 20 "$WORK/tun0.bin"
stop_bg "$READER"
printf '$ %s\n' "od -A d -t x1 -N 20 tun0.bin   # what socat read: the first 20 bytes"
od -A d -t x1 -N 20 "$WORK/tun0.bin"
[[ $(od -A n -t x1 -N 1 "$WORK/tun0.bin" | tr -d ' ') == 45 ]] || fail "the first byte from tun0 is not 0x45 (IPv4, 20-byte header)"
[[ $(od -A n -t x1 -j 9 -N 1 "$WORK/tun0.bin" | tr -d ' ') == 01 ]] || fail "the packet from tun0 is not ICMP"
ok "socat got an IPv4 packet (0x45...), protocol 1 (ICMP), 198.51.100.1 to 198.51.100.2: no Ethernet header"

step "Attach a program to tap0: it reads Ethernet frames, starting with ARP"
lab_bg ip netns exec veth-a timeout 30 socat -u TUN,tun-name=tap0,tun-type=tap,iff-no-pi OPEN:"$WORK/tap0.bin",creat,trunc
READER=$!
wait_for 10 "tap0 to get carrier" has_flag veth-a tap0 LOWER_UP
show ip -n veth-a -br link show dev tap0
expect_no_ping veth-a 192.0.2.2
wait_for 10 "socat to write the frame it read" file_has 42 "$WORK/tap0.bin"
stop_bg "$READER"
printf '$ %s\n' "od -A d -t x1 -N 42 tap0.bin   # what socat read: the first frame, 42 bytes"
od -A d -t x1 -N 42 "$WORK/tap0.bin"
[[ $(od -A n -t x1 -N 6 "$WORK/tap0.bin" | tr -d ' ') == ffffffffffff ]] || fail "the first frame from tap0 is not a broadcast"
[[ $(od -A n -t x1 -j 12 -N 2 "$WORK/tap0.bin" | tr -d ' ') == 0806 ]] || fail "the first frame from tap0 is not ARP"
ok "socat got an Ethernet frame: broadcast destination, tap0's MAC as source, EtherType 0x0806 (ARP)"

step "The program is gone: carrier is lost again, the persistent devices stay"
wait_for 10 "tap0 to lose carrier" has_flag veth-a tap0 NO-CARRIER
show ip -n veth-a -br link
ok "tap0 and tun0 still exist (persist), without carrier"

pass
