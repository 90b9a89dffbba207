#!/usr/bin/env bash
# Lab: network policy by cgroup (chapter "cgroups and the network").
#
# Two processes share one network namespace, and so one IP address; only
# their cgroup tells them apart. The lab makes two cgroup v2 groups under the
# cgroup2 hierarchy that is already mounted, and uses that identity three
# ways: an nftables `socket cgroupv2` rule and an iptables `-m cgroup --path`
# rule that drop one group's egress, an eBPF cgroup_skb/egress program that
# does the same without any netfilter rule, and an eBPF cgroup/connect4
# program that rewrites a "Service" address at connect() time, which is how
# Cilium balances Service traffic without per-packet NAT.
#
# It mounts nothing and changes nothing in the root namespace: the cgroups it
# creates (and the eBPF programs attached to them) are removed at the end.
# Run as root: sudo bash labs/cgroup-egress.sh

source "$(dirname "$0")/lib.sh"
require nft iptables conntrack socat ss findmnt nsenter python3 ping

# The lab uses a cgroup2 hierarchy that is already mounted; mounting one would change the whole machine.
CG2=$(findmnt -n -t cgroup2 -o TARGET) || true
CG2=${CG2%%$'\n'*}
[[ -n $CG2 ]] || skip "no cgroup2 file system is mounted, and this lab will not mount one"
# nft resolves cgroup paths below /sys/fs/cgroup (where the hierarchy sits on a pure cgroup v2 system).
case $CG2 in
  /sys/fs/cgroup) NFT_PREFIX= ;;
  /sys/fs/cgroup/*) NFT_PREFIX=${CG2#/sys/fs/cgroup/}/ ;;
  *) skip "cgroup2 is mounted at $CG2, outside /sys/fs/cgroup, where nft cannot find it" ;;
esac
LAB_CG=$CG2/cg-lab

# remove_cgroups: remove the lab's cgroups (and with them the eBPF programs
# attached to them), waiting up to 5 s for each to empty.
cgroup_gone() { [[ ! -d $1 ]] || rmdir "$1"; }
remove_cgroups() {
  local dir
  for dir in "$LAB_CG/allowed" "$LAB_CG/blocked" "$LAB_CG"; do
    wait_for 5 "cgroup $dir to empty" cgroup_gone "$dir"
  done
}
# Leftovers of an interrupted run go first, as make_ns does for namespaces.
remove_cgroups
on_exit remove_cgroups

# in_cgroup GROUP COMMAND...: run COMMAND as a process of cg-lab/GROUP.
in_cgroup() {
  local group=$1
  shift
  bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' _ "$LAB_CG/$group" "$@"
}

# fetch GROUP ADDRESS PORT: from cg-host, as a process of cg-lab/GROUP (or of no
# lab cgroup if GROUP is "other"), connect and print what the server says.
fetch() {
  local group=$1 addr=$2 port=$3
  printf '$ [%s] socat -u TCP:%s:%s -\n' "$group" "$addr" "$port"
  local cmd=(ip netns exec cg-host timeout 6 socat -T 3 -u "TCP:$addr:$port,connect-timeout=2" -)
  if [[ $group == other ]]; then REPLY=$("${cmd[@]}" </dev/null 2>&1); else REPLY=$(in_cgroup "$group" "${cmd[@]}" </dev/null 2>&1); fi
  local status=$?
  echo "$REPLY"
  return $status
}
expect_fetch() { fetch "$@" || fail "[$1] could not connect to $2:$3"; [[ $REPLY == "hello from cg-srv, you are 10.20.0.1" ]] || fail "unexpected reply: $REPLY"; ok "[$1] got its answer"; }
expect_no_fetch() { if fetch "$@"; then fail "[$1] connected to $2:$3, but should not"; fi; ok "[$1] cannot connect, as expected"; }

# bpf_attach PROGRAM CGROUP: load a tiny eBPF program with the bpf(2) system call and
# attach it to a cgroup directory. There is no bpftool here, so python3 does the call.
bpf_attach() {
  python3 - "$1" "$2" <<'PY'
import ctypes, os, platform, socket, struct, sys

SYS_BPF = {'x86_64': 321, 'aarch64': 280}[platform.machine()]
BPF_PROG_LOAD, BPF_PROG_ATTACH = 5, 8
libc = ctypes.CDLL(None, use_errno=True)

def insn(code, dst=0, src=0, off=0, imm=0):
    return struct.pack('<BBhi', code, (src << 4) | dst, off, imm)

def le32(ip):  # an IPv4 address as the u32 the program reads from memory
    return struct.unpack('<i', socket.inet_aton(ip))[0]

def le16(port):  # a port in network byte order, as the low 16 bits of a u32 field
    return struct.unpack('<H', struct.pack('!H', port))[0]

program, cgroup = sys.argv[1], sys.argv[2]
if program == 'drop-egress':  # BPF_PROG_TYPE_CGROUP_SKB at BPF_CGROUP_INET_EGRESS
    prog_type, attach_type = 8, 1
    code = insn(0xb7, 0, imm=0) + insn(0x95)  # r0 = 0 (drop); exit
elif program == 'connect4':  # BPF_PROG_TYPE_CGROUP_SOCK_ADDR at BPF_CGROUP_INET4_CONNECT
    prog_type, attach_type = 18, 10
    # struct bpf_sock_addr: user_ip4 at offset 4, user_port at offset 24
    code = (insn(0x61, 2, 1, 4)                          # r2 = ctx->user_ip4
            + insn(0x56, 2, off=6, imm=le32('10.96.0.10'))  # if (u32)r2 != VIP goto out
            + insn(0x61, 2, 1, 24)                       # r2 = ctx->user_port
            + insn(0x56, 2, off=4, imm=le16(8080))       # if (u32)r2 != 8080 goto out
            + insn(0xb7, 2, imm=le32('10.20.0.2'))       # ctx->user_ip4 = backend
            + insn(0x63, 1, 2, 4)
            + insn(0xb7, 2, imm=le16(80))                # ctx->user_port = 80
            + insn(0x63, 1, 2, 24)
            + insn(0xb7, 0, imm=1)                       # out: r0 = 1 (allow); exit
            + insn(0x95))
else:
    sys.exit(f'unknown program {program}')

insns = ctypes.create_string_buffer(code, len(code))
license = ctypes.create_string_buffer(b'GPL')
attr = struct.pack('=IIQQIIQII16sII', prog_type, len(code) // 8, ctypes.addressof(insns),
                   ctypes.addressof(license), 0, 0, 0, 0, 0, program.replace('-', '_').encode(), 0, attach_type)
buf = ctypes.create_string_buffer(attr, 128)
prog_fd = libc.syscall(SYS_BPF, BPF_PROG_LOAD, buf, len(attr))
if prog_fd < 0:
    sys.exit(f'BPF_PROG_LOAD: {os.strerror(ctypes.get_errno())}')
cg_fd = os.open(cgroup, os.O_RDONLY | os.O_DIRECTORY)
attr = struct.pack('=IIII', cg_fd, prog_fd, attach_type, 0)
buf = ctypes.create_string_buffer(attr, 128)
if libc.syscall(SYS_BPF, BPF_PROG_ATTACH, buf, len(attr)) < 0:
    sys.exit(f'BPF_PROG_ATTACH: {os.strerror(ctypes.get_errno())}')
print(f'attached {program} ({len(code) // 8} instructions) to {cgroup}')
PY
}

step "cgroup v2 is mounted here; net_cls and net_prio exist only for cgroup v1"
show findmnt -t cgroup2 -o TARGET,FSTYPE
show grep -E '^#|^net_' /proc/cgroups
show cat "$CG2/cgroup.controllers"
if grep -qwE 'net_cls|net_prio' "$CG2/cgroup.controllers"; then fail "cgroup v2 offers a net_cls or net_prio controller"; fi
ok "no net_cls or net_prio in cgroup v2: classifying traffic by cgroup takes another route"

step "Two cgroups, one network namespace: the processes share an IP address"
mkdir "$LAB_CG" "$LAB_CG/allowed" "$LAB_CG/blocked"
show ls -d "$LAB_CG"/*/
make_ns cg-host cg-srv
veth_pair cg-host eth0 10.20.0.1/24 cg-srv eth0 10.20.0.2/24
lab_bg ip netns exec cg-srv timeout 120 socat TCP-LISTEN:80,reuseaddr,fork \
  SYSTEM:'echo "hello from cg-srv, you are $SOCAT_PEERADDR"'
wait_listening cg-srv 80
printf '$ [blocked] grep ^0:: /proc/self/cgroup\n'
in_cgroup blocked grep '^0::' /proc/self/cgroup
[[ $(in_cgroup blocked grep '^0::' /proc/self/cgroup) == "0::/cg-lab/blocked" ]] || fail "the process did not land in cg-lab/blocked"
expect_fetch allowed 10.20.0.2 80
expect_fetch blocked 10.20.0.2 80

step "nftables: drop egress of sockets that belong to cg-lab/blocked"
# ip netns exec remounts /sys, which hides the cgroup hierarchy from nft: nsenter keeps it.
NFT=(nsenter --net=/run/netns/cg-host nft)
"${NFT[@]}" add table inet cgfw
"${NFT[@]}" add chain inet cgfw output '{ type filter hook output priority 0; policy accept; }'
RULE=(socket cgroupv2 level 2 "\"${NFT_PREFIX}cg-lab/blocked\"" counter drop)
if show ip netns exec cg-host nft add rule inet cgfw output "${RULE[@]}" 2>&1; then
  fail "nft found the cgroup path under ip netns exec"
fi
ok "ip netns exec mounted a fresh /sys without the cgroup hierarchy, so nft cannot look up the path"
show "${NFT[@]}" add rule inet cgfw output "${RULE[@]}"
show "${NFT[@]}" list table inet cgfw
expect_fetch allowed 10.20.0.2 80
expect_no_fetch blocked 10.20.0.2 80
printf '$ ip netns exec cg-host nft list chain inet cgfw output\n'
ip netns exec cg-host nft list chain inet cgfw output
show stat -c '%i %n' "$LAB_CG/blocked"
chain=$(ip netns exec cg-host nft list chain inet cgfw output)
[[ $chain == *"level 2 $(stat -c %i "$LAB_CG/blocked") "* ]] || fail "the rule does not hold the inode number of cg-lab/blocked"
ok "without /sys/fs/cgroup, nft prints the cgroup's ID, the inode number of its directory"
"${NFT[@]}" delete table inet cgfw

step "iptables: the same rule with -m cgroup --path (resolved by the kernel)"
show ip netns exec cg-host iptables -A OUTPUT -m cgroup --path cg-lab/blocked -j DROP
expect_fetch allowed 10.20.0.2 80
expect_no_fetch blocked 10.20.0.2 80
show ip netns exec cg-host iptables -L OUTPUT -v -n
ip netns exec cg-host nft flush ruleset

step "eBPF: a cgroup_skb/egress program on cg-lab/blocked, no netfilter rule at all"
show bpf_attach drop-egress "$LAB_CG/blocked"
show ip netns exec cg-host nft list ruleset
[[ -z $(ip netns exec cg-host nft list ruleset) ]] || fail "cg-host still has netfilter rules"
ok "cg-host has no netfilter rules"
expect_fetch allowed 10.20.0.2 80
expect_no_fetch blocked 10.20.0.2 80
printf '$ [blocked] ip netns exec cg-srv ping -c 1 -W 1 127.0.0.1\n'
if in_cgroup blocked ip netns exec cg-srv ping -c 1 -W 1 127.0.0.1 >/dev/null 2>&1; then
  fail "the blocked cgroup could ping 127.0.0.1 in cg-srv"
fi
ok "the program follows the cgroup into every namespace: even loopback in cg-srv is cut off"

step "eBPF: rewrite a Service address at connect() for cg-lab/allowed"
# A rule that only counts new connections, so that cg-host tracks connections.
ip netns exec cg-host nft add table inet watch
ip netns exec cg-host nft add chain inet watch output '{ type filter hook output priority 0; policy accept; }'
show ip netns exec cg-host nft add rule inet watch output ct state new counter
expect_no_fetch other 10.96.0.10 8080
show bpf_attach connect4 "$LAB_CG/allowed"
expect_fetch allowed 10.96.0.10 8080
expect_no_fetch other 10.96.0.10 8080
show ip netns exec cg-host conntrack -L -p tcp
entries=$(ip netns exec cg-host conntrack -L -p tcp 2>/dev/null)
[[ $entries == *"dst=10.20.0.2 sport="*" dport=80 src=10.20.0.2 dst=10.20.0.1 sport=80 "* ]] || fail "no conntrack entry for 10.20.0.2:80"
[[ $entries != *10.96.0.10* ]] || fail "conntrack saw the Service address"
ok "conntrack never saw 10.96.0.10: the socket was connected to 10.20.0.2:80 from the start, no NAT involved"

pass
