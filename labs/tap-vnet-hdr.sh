#!/usr/bin/env bash
# Lab: a TAP device as a hypervisor sees it (chapter "VirtIO and vhost").
#
# There is no virtual machine here, so a short Python program stands in for
# the VMM (QEMU, Cloud Hypervisor, Firecracker): it opens /dev/net/tun the way
# a VMM does, with IFF_VNET_HDR and IFF_MULTI_QUEUE, one file descriptor per
# queue, and answers ARP and ping for the "guest". The lab wires it the way
# Kata Containers wires a pod's VM: the CNI-made veth end eth0 in the pod
# namespace is joined to the TAP device by two tc mirred redirects.
#
# It shows the flags a hypervisor asks for (ip -d link), that a TAP has no
# carrier until a process attaches, that every frame read from a vnet_hdr TAP
# starts with a virtio-net header (and that a checksum the sender left to
# offload is still marked "needs checksum" in it), and that with the redirect
# in place the pod namespace's own stack never answers: the stand-in guest
# does, and when it is gone nobody does.
#
# Nothing in the root namespace is created or changed. Run as root:
#   sudo bash labs/tap-vnet-hdr.sh

source "$(dirname "$0")/lib.sh"
require tc python3 ping
[[ -c /dev/net/tun ]] || skip "/dev/net/tun is missing (the kernel needs CONFIG_TUN)"
# The stand-in VMM's log goes to a scratch directory.
lab_tmpdir
VMM_LOG=$WORK/vmm.log

# The stand-in VMM. Arguments: TAP name, number of queues, guest MAC, guest IPv4, seconds to run.
# It reads frames from every queue, prints the virtio-net header of each, and answers
# ARP requests and ICMP echo requests for the guest address (with TTL 42, so the
# replies are recognisably its own).
read -r -d '' VMM <<'PY' || true
import fcntl, os, select, struct, sys, time
TUNSETIFF, TUNSETOFFLOAD, TUNSETVNETHDRSZ = 0x400454CA, 0x400454D0, 0x400454D8
IFF_TAP, IFF_NO_PI, IFF_MULTI_QUEUE, IFF_VNET_HDR = 0x0002, 0x1000, 0x0100, 0x4000
TUN_F_CSUM = 0x01     # "the guest can take packets whose checksum is not done yet"
HDR = 12              # struct virtio_net_hdr_mrg_rxbuf, the header of virtio 1.0 and later
name, queues, mac, ip, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5])
mac_b, ip_b = bytes.fromhex(mac.replace(':', '')), bytes(int(x) for x in ip.split('.'))
fds = []
for _ in range(queues):
    fd = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE | IFF_VNET_HDR))
    fcntl.ioctl(fd, TUNSETVNETHDRSZ, struct.pack('i', HDR))
    fcntl.ioctl(fd, TUNSETOFFLOAD, TUN_F_CSUM)
    fds.append(fd)
print(f'vmm: attached {queues} queues to {name}', flush=True)
def csum(b):
    b += b'\0' * (len(b) % 2)
    s = sum(struct.unpack(f'!{len(b) // 2}H', b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return struct.pack('!H', ~s & 0xFFFF)
end = time.time() + seconds
while time.time() < end:
    for fd in select.select(fds, [], [], 0.2)[0]:
        buf = os.read(fd, 65536)
        flags, gso_type, _, _, csum_start, csum_offset, _ = struct.unpack('<BBHHHHH', buf[:HDR])
        f = buf[HDR:]
        ethertype = f[12:14]
        if ethertype == b'\x08\x06' and f[20:22] == b'\x00\x01' and f[38:42] == ip_b:
            print(f'vmm: ARP who-has {ip}: answering with {mac}', flush=True)
            reply = f[6:12] + mac_b + b'\x08\x06' + f[14:20] + b'\x00\x02' + mac_b + ip_b + f[22:32]
            os.write(fd, bytes(HDR) + reply)
        elif ethertype == b'\x08\x00':
            ihl, proto = (f[14] & 0x0F) * 4, f[23]
            iph, l4 = bytearray(f[14:14 + ihl]), bytearray(f[14 + ihl:])
            src = '.'.join(map(str, iph[12:16]))
            print(f'vmm: IPv4 proto {proto} from {src}: virtio-net header flags={flags} gso_type={gso_type}'
                  f' csum_start={csum_start} csum_offset={csum_offset}', flush=True)
            if proto == 1 and l4[0] == 8:
                l4[0], l4[2:4] = 0, b'\0\0'
                l4[2:4] = csum(bytes(l4))
                iph[8], iph[10:12] = 42, b'\0\0'
                iph[12:16], iph[16:20] = iph[16:20], iph[12:16]
                iph[10:12] = csum(bytes(iph))
                os.write(fd, bytes(HDR) + f[6:12] + mac_b + b'\x08\x00' + bytes(iph) + bytes(l4))
PY

# no_carrier NS DEV: does DEV in NS show NO-CARRIER?
no_carrier() { [[ $(ip -n "$1" link show dev "$2") == *NO-CARRIER* ]]; }

step "The CNI part: a pod namespace whose eth0 is one end of a veth pair"
make_ns tap-host tap-pod
show ip -n tap-host link add veth-pod type veth peer name eth0 netns tap-pod
ip -n tap-host address add 10.0.3.1/24 dev veth-pod
ip -n tap-pod address add 10.0.3.2/24 dev eth0
ip -n tap-host link set veth-pod up
ip -n tap-pod link set eth0 up
wait_up tap-host veth-pod
wait_up tap-pod eth0
show ip -n tap-pod -br address show dev eth0
POD_MAC=$(ip -n tap-pod -o link show dev eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')

step "The hypervisor part: a TAP device with the flags a VMM asks for"
show ip -n tap-pod tuntap add dev tap0_kata mode tap vnet_hdr multi_queue
show ip -n tap-pod link set tap0_kata up
show ip -n tap-pod tuntap show
# The carrier goes when the kernel's link watcher runs, a moment after the TAP comes up.
wait_for 5 "tap0_kata to show NO-CARRIER" no_carrier tap-pod tap0_kata
show ip -n tap-pod -d link show dev tap0_kata
details=$(ip -n tap-pod -d link show dev tap0_kata)
grep -q 'tun type tap pi off vnet_hdr on multi_queue numqueues 0' <<<"$details" || fail "unexpected TAP flags: $details"
grep -q 'NO-CARRIER' <<<"$details" || fail "tap0_kata has a carrier with nobody attached"
ok "vnet_hdr on, multi_queue, no queue attached yet: the TAP is UP but has NO-CARRIER"

step "Kata's tc-filter model: eth0 ingress -> tap0_kata egress, and back"
show ip netns exec tap-pod tc qdisc add dev eth0 ingress
show ip netns exec tap-pod tc filter add dev eth0 parent ffff: protocol all u32 match u8 0 0 action mirred egress redirect dev tap0_kata
show ip netns exec tap-pod tc qdisc add dev tap0_kata ingress
show ip netns exec tap-pod tc filter add dev tap0_kata parent ffff: protocol all u32 match u8 0 0 action mirred egress redirect dev eth0

step "Start a stand-in VMM that attaches two queues (the guest uses eth0's MAC, as Kata does)"
lab_bg ip netns exec tap-pod timeout 90 python3 -c "$VMM" tap0_kata 2 "$POD_MAC" 10.0.3.2 85 >"$VMM_LOG" 2>&1
VMM_PID=$!
# Python takes a while to start on a slow machine (seconds in the lab VM's emulator).
wait_for 60 "the stand-in VMM to attach its queues" grep -q 'attached' "$VMM_LOG"
wait_up tap-pod tap0_kata
show ip -n tap-pod -d link show dev tap0_kata
[[ $(ip -n tap-pod -d link show dev tap0_kata) == *"numqueues 2"* ]] || fail "expected two attached queues"
ok "two queues attached: the TAP now has a carrier (LOWER_UP)"

step "Ping the pod's address from the host side: the stand-in guest answers"
out=$(ip netns exec tap-host ping -c 2 -W 3 10.0.3.2) || fail "tap-host cannot reach 10.0.3.2"
echo "$out"
grep -q 'ttl=42' <<<"$out" || fail "the reply did not come from the stand-in guest"
ok "ttl=42: the reply came from the guest behind the TAP, not from the pod namespace's stack"

step "Send one UDP datagram and look at its virtio-net header"
echo "\$ ip netns exec tap-host bash -c 'echo hello > /dev/udp/10.0.3.2/9'"
ip netns exec tap-host bash -c 'echo hello > /dev/udp/10.0.3.2/9'
wait_for 10 "the UDP datagram to reach the VMM" grep -q 'proto 17' "$VMM_LOG"
echo "What the stand-in VMM printed so far:"
cat "$VMM_LOG"
grep -q 'proto 17 from 10.0.3.1: virtio-net header flags=1 gso_type=0 csum_start=34 csum_offset=6' "$VMM_LOG" \
  || fail "the UDP datagram did not arrive with a NEEDS_CSUM header"
ok "flags=1 is VIRTIO_NET_HDR_F_NEEDS_CSUM: the UDP checksum at byte 34+6 is left for the guest to finish"

step "Stop the VMM: the TAP loses its carrier and nobody answers for 10.0.3.2 any more"
stop_bg "$VMM_PID"
# The carrier (LOWER_UP) goes as the last queue closes; NO-CARRIER, the
# operational state, follows when the kernel's link-watch work runs, up to a
# second later (more on a slow machine).
wait_for 10 "tap0_kata to lose its carrier" no_carrier tap-pod tap0_kata
show ip -n tap-pod link show dev tap0_kata
show ip -n tap-pod -br address show dev eth0
expect_no_ping tap-host 10.0.3.2
ok "eth0 still holds 10.0.3.2, but tc hands every frame to the TAP before the pod's stack sees it"

pass
