#!/usr/bin/env bash
# Lab: an XDP program that counts and drops (chapter "eBPF data planes").
#
# Two namespaces, xdp-client (10.0.0.1) and xdp-server (10.0.0.2), joined by a
# veth pair; xdp-server answers UDP datagrams on port 9000. A short Python
# program assembles an eBPF program instruction by instruction (there is no
# compiler here: each instruction is eight bytes, written out below), creates
# two maps with the bpf() system call, has the verifier check the program, and
# attaches it to xdp-server's eth0 at the XDP hook with bpftool.
#
# You will see the program in `ip link` and `bpftool prog show`, pings and UDP
# datagrams counted per IP protocol in an array map read from user space, a
# rule written into a hash map that makes the program drop UDP port 9000 (the
# client gets no answer, ping still works, and the rule's own counter shows the
# drops), and the program detached: with nothing holding it, the kernel frees
# it and its maps. It is then loaded once more, for you to explore.
#
# Nothing is created in the root namespace: eBPF programs and maps belong to
# no namespace, and this one is attached to a device inside xdp-server.
# Run as root: sudo bash labs/xdp-count-drop.sh

source "$(dirname "$0")/lib.sh"
require python3 bpftool socat ping

lab_tmpdir
cat >"$WORK/xdp.py" <<'PY'
"""Assemble, load and attach an XDP program with the bpf() system call, or read its map.

  python3 xdp.py load DEV    create the maps, load the program, attach it to DEV
  python3 xdp.py counts ID   read the per-protocol counters from the map with that ID
"""
import ctypes, os, struct, sys

# bpf(2) has a different system call number on each architecture.
NR_BPF = {"x86_64": 321, "i386": 357, "i686": 357, "aarch64": 280}[os.uname().machine]
BPF_MAP_CREATE, BPF_MAP_LOOKUP_ELEM, BPF_PROG_LOAD = 0, 1, 5
BPF_MAP_GET_FD_BY_ID, BPF_OBJ_GET_INFO_BY_FD = 14, 15
MAP_HASH, MAP_ARRAY, PROG_TYPE_XDP = 1, 2, 6
BPF_LOG_STATS = 4  # on success, the verifier's log is one line of statistics

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def bpf(cmd, attr):
    """One bpf() call. attr is the start of union bpf_attr; the rest is zeros."""
    buf = ctypes.create_string_buffer(attr, 128)
    ret = libc.syscall(NR_BPF, cmd, buf, len(buf))
    if ret < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return ret


def ptr(buf):  # pointers in bpf_attr are 64-bit fields, on 32-bit machines too
    return ctypes.addressof(buf)


def map_create(kind, key_size, value_size, entries, name):
    return bpf(BPF_MAP_CREATE, struct.pack("<7I16s", kind, key_size, value_size, entries, 0, 0, 0, name))


def object_id(fd):  # the ID bpftool and ip show: bpf_prog_info and bpf_map_info both have it at offset 4
    info = ctypes.create_string_buffer(128)
    bpf(BPF_OBJ_GET_INFO_BY_FD, struct.pack("<IIQ", fd, len(info), ptr(info)))
    return struct.unpack_from("<I", info, 4)[0]


# --- a tiny assembler --------------------------------------------------------
# An instruction is 8 bytes: opcode, destination and source register (4 bits
# each), a signed 16-bit offset and a signed 32-bit immediate. r0 is the return
# value, r1-r5 are a helper call's arguments (and clobbered by it), r6-r9 survive
# calls, r10 points to the top of the program's 512-byte stack.
program, labels, fixups = [], {}, []


def emit(code, dst=0, src=0, off=0, imm=0):
    program.append([code, dst, src, off, imm])


def label(name):
    labels[name] = len(program)


def jump(code, dst, imm_or_src, target, reg=False):
    fixups.append((len(program), target))  # the offset counts instructions after this one
    emit(code, dst, imm_or_src if reg else 0, 0, 0 if reg else imm_or_src)


def load_map(dst, map_fd):  # a 16-byte instruction: src 1 says "this immediate is a map's fd"
    emit(0x18, dst, 1, 0, map_fd)
    emit(0x00)


def assemble():
    for at, target in fixups:
        program[at][3] = labels[target] - at - 1
    return b"".join(struct.pack("<BBhi", c, d | s << 4, o, i) for c, d, s, o, i in program)


def build(proto_count, udp_deny):
    # r1 = struct xdp_md *ctx: ctx->data (offset 0) is the first byte of the
    # Ethernet frame, ctx->data_end (offset 4) the byte after its last one.
    emit(0x61, 6, 1, 0)            # r6 = *(u32 *)(r1 + 0)      r6 = data
    emit(0x61, 7, 1, 4)            # r7 = *(u32 *)(r1 + 4)      r7 = data_end
    # The verifier rejects any read of the packet it cannot prove is inside it.
    emit(0xbf, 2, 6)               # r2 = r6
    emit(0x07, 2, imm=34)          # r2 += 34                   14 Ethernet + 20 IPv4 bytes
    jump(0x2d, 2, 7, "pass", True) # if r2 > r7 goto pass       too short: not ours to judge
    emit(0x69, 2, 6, 12)           # r2 = *(u16 *)(r6 + 12)     EtherType
    jump(0x55, 2, 0x0008, "pass")  # if r2 != 0x0008 goto pass  0x0800 (IPv4), read little-endian
    emit(0x71, 8, 6, 23)           # r8 = *(u8 *)(r6 + 23)      the IPv4 protocol number
    # Count the packet: proto_count[protocol] += 1.
    emit(0x63, 10, 8, -4)          # *(u32 *)(r10 - 4) = r8     the key goes on the stack
    load_map(1, proto_count)       # r1 = &proto_count
    emit(0xbf, 2, 10)              # r2 = r10
    emit(0x07, 2, imm=-4)          # r2 += -4                   r2 = &key
    emit(0x85, imm=1)              # call bpf_map_lookup_elem   r0 = &value, or NULL
    jump(0x15, 0, 0, "counted")    # if r0 == 0 goto counted    the verifier insists on this test
    emit(0xb7, 1, imm=1)           # r1 = 1
    emit(0xdb, 0, 1, 0, 0x00)      # lock *(u64 *)(r0 + 0) += r1   atomic: CPUs run it at once
    label("counted")
    jump(0x55, 8, 17, "pass")      # if r8 != 17 goto pass      only UDP is filtered
    emit(0x71, 2, 6, 14)           # r2 = *(u8 *)(r6 + 14)      version and header length
    jump(0x55, 2, 0x45, "pass")    # if r2 != 0x45 goto pass    IPv4 options are not parsed here
    emit(0xbf, 2, 6)               # r2 = r6
    emit(0x07, 2, imm=38)          # r2 += 38                   ... + UDP source and destination port
    jump(0x2d, 2, 7, "pass", True) # if r2 > r7 goto pass
    emit(0x69, 2, 6, 36)           # r2 = *(u16 *)(r6 + 36)     UDP destination port
    emit(0xdc, 2, imm=16)          # r2 = be16 r2               network to host byte order
    # Look the port up in the rules: udp_deny[port] exists -> count it and drop.
    emit(0x63, 10, 2, -8)          # *(u32 *)(r10 - 8) = r2
    load_map(1, udp_deny)          # r1 = &udp_deny
    emit(0xbf, 2, 10)              # r2 = r10
    emit(0x07, 2, imm=-8)          # r2 += -8
    emit(0x85, imm=1)              # call bpf_map_lookup_elem
    jump(0x15, 0, 0, "pass")       # if r0 == 0 goto pass       no rule for this port
    emit(0xb7, 1, imm=1)           # r1 = 1
    emit(0xdb, 0, 1, 0, 0x00)      # lock *(u64 *)(r0 + 0) += r1   the rule's drop counter
    emit(0xb7, 0, imm=1)           # r0 = 1                     XDP_DROP
    emit(0x95)                     # exit
    label("pass")
    emit(0xb7, 0, imm=2)           # r0 = 2                     XDP_PASS: on to the kernel's stack
    emit(0x95)                     # exit
    return assemble()


def load(dev):
    proto_count = map_create(MAP_ARRAY, 4, 8, 256, b"proto_count")  # u32 protocol -> u64 packets
    udp_deny = map_create(MAP_HASH, 4, 8, 64, b"udp_deny")           # u32 port -> u64 drops
    print(f"map proto_count: id {object_id(proto_count)} (array: 256 keys, one u64 counter per IP protocol)")
    print(f"map udp_deny: id {object_id(udp_deny)} (hash: u32 UDP port -> u64 drops, empty)")
    code = build(proto_count, udp_deny)
    insns = ctypes.create_string_buffer(code, len(code))
    license = ctypes.create_string_buffer(b"GPL")
    log = ctypes.create_string_buffer(65536)
    attr = struct.pack("<IIQQIIQII16s", PROG_TYPE_XDP, len(code) // 8, ptr(insns), ptr(license),
                       BPF_LOG_STATS, len(log), ptr(log), 0, 0, b"count_and_drop")
    try:
        prog = bpf(BPF_PROG_LOAD, attr)
    except OSError as e:
        # The verifier says why, instruction by instruction: load it again with the full log.
        attr = attr[:24] + struct.pack("<I", 1) + attr[28:]
        try:
            bpf(BPF_PROG_LOAD, attr)
        except OSError:
            pass
        sys.exit(f"BPF_PROG_LOAD: {e.strerror}\n{log.value.decode()}")
    stats = [l for l in log.value.decode().splitlines() if l.startswith("processed")]
    print(f"program count_and_drop: {len(code) // 8} instructions, accepted by the verifier, id {object_id(prog)}")
    print(f"verifier: {stats[0] if stats else '(no statistics)'}")
    # Until something holds the program, it lives only as long as this process's
    # file descriptor: attach it while that is still open.
    cmd = ["bpftool", "net", "attach", "xdp", "id", str(object_id(prog)), "dev", dev]
    print("$ " + " ".join(cmd), flush=True)
    if os.spawnvp(os.P_WAIT, cmd[0], cmd) != 0:
        sys.exit(f"{cmd[0]} failed")


def counts(map_id):
    fd = bpf(BPF_MAP_GET_FD_BY_ID, struct.pack("<I", map_id))
    value = ctypes.create_string_buffer(8)
    for proto, name in ((1, "icmp"), (6, "tcp"), (17, "udp")):
        key = ctypes.create_string_buffer(struct.pack("<I", proto))
        bpf(BPF_MAP_LOOKUP_ELEM, struct.pack("<IIQQ", fd, 0, ptr(key), ptr(value)))
        print(f"{name} (protocol {proto}): {struct.unpack('<Q', value.raw)[0]} packets")


if sys.argv[1] == "load":
    load(sys.argv[2])
else:
    counts(int(sys.argv[2]))
PY

S=(ip netns exec xdp-server)
# udp [SECONDS]: one datagram from xdp-client to xdp-server's port 9000; prints
# the answer (waits 2 s for it, or SECONDS: a datagram that is to be dropped
# need not be waited for as long).
udp() {
  local s=${LAB_WAIT_SCALE:-1} wait=${1:-2} answer
  answer=$(echo hello | ip netns exec xdp-client timeout $((5 * s)) socat -t $((wait * s)) -T $((wait * s)) - UDP:10.0.0.2:9000 2>/dev/null) || return 1
  [[ -n $answer ]] && echo "$answer"
}
expect_udp() { udp >/dev/null || fail "no answer from 10.0.0.2:9000/udp"; ok "xdp-client got an answer from 10.0.0.2:9000/udp"; }
expect_no_udp() { if udp >/dev/null; then fail "10.0.0.2:9000/udp answered, but should not"; fi; ok "no answer from 10.0.0.2:9000/udp, as expected"; }
# ids NAME: the IDs bpftool knows for a map or program name (several while an old one is being freed).
map_ids() { bpftool map show name "$1" 2>/dev/null | sed -n 's/^\([0-9]*\): .*/\1/p'; }
prog_gone() { ! bpftool prog show id "$1" >/dev/null 2>&1; }
map_gone() { ! bpftool map show id "$1" >/dev/null 2>&1; }
# counter MAP_ID KEY: one u64 counter of a map, read with bpftool (the key is a
# u32, the value a u64, both little-endian on the machines this lab runs on).
counter() {
  local line bytes=() value=0 i
  line=$(bpftool map lookup id "$1" key $(($2 & 255)) $(($2 >> 8)) 0 0)
  read -r -a bytes <<<"${line#*value: }"
  for ((i = 7; i >= 0; i--)); do value=$((value * 256 + 16#${bytes[i]})); done
  echo "$value"
}

step "Two namespaces and a UDP server on port 9000"
make_ns xdp-client xdp-server
veth_pair xdp-client eth0 10.0.0.1/24 xdp-server eth0 10.0.0.2/24
lab_bg ip netns exec xdp-server timeout 120 socat UDP-RECVFROM:9000,fork SYSTEM:'read line; echo "xdp-server got: $line"'
wait_listening xdp-server 9000 udp
expect_ping xdp-client 10.0.0.2
printf '$ echo hello | ip netns exec xdp-client socat - UDP:10.0.0.2:9000\n'
udp || fail "no answer from 10.0.0.2:9000/udp"

step "Assemble the program, create its maps, load it and attach it to xdp-server's eth0"
printf '$ ip netns exec xdp-server python3 xdp.py load eth0\n'
out=$("${S[@]}" python3 "$WORK/xdp.py" load eth0) || fail "loading the program failed: $out"
echo "$out"
PROG=$(sed -n 's/^program count_and_drop: .* id \([0-9]*\)$/\1/p' <<<"$out")
COUNT=$(sed -n 's/^map proto_count: id \([0-9]*\) .*/\1/p' <<<"$out")
DENY=$(sed -n 's/^map udp_deny: id \([0-9]*\) .*/\1/p' <<<"$out")
[[ -n $PROG && -n $COUNT && -n $DENY ]] || fail "the loader did not print the program's and maps' IDs"
show ip -n xdp-server link show dev eth0
[[ $(ip -n xdp-server link show dev eth0) == *"prog/xdp id $PROG "* ]] || fail "eth0 has no XDP program $PROG"
ok "eth0 runs program $PROG at its XDP hook, in the driver, before the kernel builds a socket buffer"
show bpftool prog show id "$PROG"
show "${S[@]}" bpftool net show dev eth0

step "Traffic is counted per IP protocol, in a map read from user space"
show ip netns exec xdp-client ping -c 3 -i 0.2 10.0.0.2 || fail "the pings failed"
for _ in 1 2 3; do udp >/dev/null || fail "no answer from 10.0.0.2:9000/udp"; done
ok "and three UDP datagrams to port 9000 were answered"
show bpftool map lookup id "$COUNT" key 1 0 0 0
printf '$ python3 xdp.py counts %s\n' "$COUNT"
python3 "$WORK/xdp.py" counts "$COUNT"
icmp=$(counter "$COUNT" 1) udp=$(counter "$COUNT" 17)
((icmp == 3)) || fail "the program counted $icmp ICMP packets, expected the 3 echo requests"
((udp == 3)) || fail "the program counted $udp UDP datagrams, expected 3"
ok "3 echo requests and 3 datagrams counted: the program sees what arrives at xdp-server's eth0, replies leave without it"
show bpftool map dump id "$DENY"

step "A rule in a map: drop UDP to port 9000"
# The key is the port as a u32 in the machine's byte order: 9000 = 0x2328, so
# on x86 (little-endian) the bytes are 28 23 00 00. The value is the rule's drop counter.
show bpftool map update id "$DENY" key hex 28 23 00 00 value hex 00 00 00 00 00 00 00 00
show bpftool map dump id "$DENY"
for _ in 1 2 3; do
  printf '$ echo hello | ip netns exec xdp-client socat - UDP:10.0.0.2:9000\n'
  if udp 1; then fail "10.0.0.2:9000/udp answered despite the rule"; fi
done
ok "three datagrams, no answer: the program dropped them before the kernel's IP stack saw them"
expect_ping xdp-client 10.0.0.2
show bpftool map dump id "$DENY"
drops=$(counter "$DENY" 9000)
((drops == 3)) || fail "the rule counted $drops drops, expected 3"
ok "the rule's counter says 3 drops; ping, not UDP 9000, is untouched"
show bpftool map delete id "$DENY" key hex 28 23 00 00
expect_udp

step "Detach the program: nothing holds it any more, and the kernel frees it and its maps"
show ip -n xdp-server link set dev eth0 xdp off
[[ $(ip -n xdp-server link show dev eth0) != *prog/xdp* ]] || fail "eth0 still has an XDP program"
wait_for 10 "program $PROG to be freed" prog_gone "$PROG"
wait_for 10 "map $COUNT to be freed" map_gone "$COUNT"
wait_for 10 "map $DENY to be freed" map_gone "$DENY"
show bpftool prog show id "$PROG" 2>&1 || true
ok "program $PROG and maps $COUNT and $DENY are gone, counters and rules with them"

step "Load it again, for you to explore (counters start from zero)"
printf '$ ip netns exec xdp-server python3 xdp.py load eth0\n'
"${S[@]}" python3 "$WORK/xdp.py" load eth0 || fail "loading the program again failed"
[[ $(map_ids udp_deny | wc -l) == 1 ]] || fail "more than one map is named udp_deny"
expect_udp
show bpftool map show name udp_deny

pass
