#!/usr/bin/env bash
# Lab: how a sidecar proxy captures a pod's traffic (chapter "Service mesh").
#
# A "pod" namespace (mesh-pod, 10.0.0.2) runs an app on port 8080 as uid 1000,
# and a tiny "sidecar" proxy as uid 1337, the uid Istio's proxy runs as. The
# sidecar is a short Python program standing in for Envoy: it listens on
# 15006 (inbound) and 15001 (outbound), asks the kernel for each connection's
# original destination with getsockopt(SO_ORIGINAL_DST), logs it, and opens
# its own connection to that destination.
#
# The lab writes, inside mesh-pod only, nat rules in the shape istio-init (or
# the istio-cni plugin) writes into every meshed pod, with Istio's chain names:
#   PREROUTING -> ISTIO_INBOUND -> ISTIO_IN_REDIRECT: REDIRECT TCP to 15006
#   OUTPUT     -> ISTIO_OUTPUT: RETURN for uid 1337 and for 127.0.0.1,
#                 everything else -> ISTIO_REDIRECT: REDIRECT TCP to 15001
# A "client" namespace (mesh-client, 10.0.0.1) connects to 10.0.0.2:8080 and
# also runs an upstream server on 9090 that the app calls.
#
# It shows that with the rules in place and no sidecar yet the app is
# unreachable although it listens; that once the sidecar runs, the client
# still gets the app's answer while the sidecar's log records the connection
# and its original destination 10.0.0.2:8080; that the app sees the sidecar,
# not the client, as its peer; that the app's own outbound call is captured
# on 15001 and still reaches 10.0.0.1:9090; that the sidecar's connections
# escape the capture through the owner-uid match; and where the original
# destination lives (the conntrack entry).
#
# Nothing in the root namespace is touched. Run as root: sudo bash labs/sidecar-redirect.sh

source "$(dirname "$0")/lib.sh"
require socat python3 setpriv iptables iptables-save nft conntrack ss

# The sidecar's code and its log go to a scratch directory that uid 1337 can enter.
lab_tmpdir
chmod 0755 "$WORK"

# The sidecar: a stand-in for Envoy's virtualInbound (15006) and virtualOutbound
# (15001) listeners. Each accepted connection was redirected by iptables; the
# kernel keeps the address it was really sent to in the connection's conntrack
# entry, and SO_ORIGINAL_DST returns it.
cat >"$WORK/sidecar.py" <<'EOF'
import os, socket, struct, sys, threading

SO_ORIGINAL_DST = 80  # from linux/netfilter_ipv4.h
LOG = open(sys.argv[1], "a", buffering=1)

def original_dst(conn):
    raw = conn.getsockopt(socket.SOL_IP, SO_ORIGINAL_DST, 16)
    port, addr = struct.unpack("!2xH4s8x", raw)
    return socket.inet_ntoa(addr), port

def pipe(src, dst):
    try:
        while True:
            data = src.recv(4096)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

def handle(conn, direction):
    peer = "%s:%d" % conn.getpeername()
    local = "%s:%d" % conn.getsockname()
    dst = original_dst(conn)
    LOG.write("%s peer=%s local=%s original_dst=%s:%d uid=%d\n"
              % (direction, peer, local, dst[0], dst[1], os.getuid()))
    upstream = socket.create_connection(dst, timeout=5)
    threading.Thread(target=pipe, args=(upstream, conn), daemon=True).start()
    pipe(conn, upstream)

def serve(port, direction):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port))
    s.listen(16)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=handle, args=(conn, direction), daemon=True).start()

threading.Thread(target=serve, args=(15006, "inbound"), daemon=True).start()
serve(15001, "outbound")
EOF

step "A client and a pod, joined by a veth pair"
make_ns mesh-client mesh-pod
show ip -n mesh-client link add eth0 type veth peer name eth0 netns mesh-pod
ip -n mesh-client address add 10.0.0.1/24 dev eth0
ip -n mesh-pod address add 10.0.0.2/24 dev eth0
ip -n mesh-client link set eth0 up
ip -n mesh-pod link set eth0 up
wait_up mesh-client eth0
wait_up mesh-pod eth0
show ip -n mesh-pod -4 -br address show dev eth0
expect_ping mesh-client 10.0.0.2

step "The app listens on 8080 as uid 1000; an upstream service listens on 10.0.0.1:9090"
printf '%s\n' '$ ip netns exec mesh-pod setpriv --reuid=1000 --regid=1000 --clear-groups socat TCP-LISTEN:8080,reuseaddr,fork "SYSTEM:echo hello from app\, peer $SOCAT_PEERADDR" &'
lab_bg ip netns exec mesh-pod setpriv --reuid=1000 --regid=1000 --clear-groups \
  timeout 60 socat TCP-LISTEN:8080,reuseaddr,fork 'SYSTEM:echo hello from app\, peer $SOCAT_PEERADDR'
lab_bg ip netns exec mesh-client timeout 60 socat TCP-LISTEN:9090,reuseaddr,fork 'SYSTEM:echo hello from upstream\, peer $SOCAT_PEERADDR'
wait_listening mesh-pod 8080
wait_listening mesh-client 9090
direct=$(ip netns exec mesh-client timeout 5 socat -T 3 -u TCP:10.0.0.2:8080 -) \
  || fail "the client cannot reach the app"
printf '$ ip netns exec mesh-client socat -u TCP:10.0.0.2:8080 -\n%s\n' "$direct"
[[ $direct == "hello from app, peer 10.0.0.1" ]] || fail "unexpected answer: $direct"
ok "without a mesh, the client reaches the app directly and the app sees the client's address"

step "Write Istio-style capture rules in the pod's own nat table"
IPT=(ip netns exec mesh-pod iptables -t nat)
show "${IPT[@]}" -N ISTIO_INBOUND
show "${IPT[@]}" -N ISTIO_IN_REDIRECT
show "${IPT[@]}" -N ISTIO_OUTPUT
show "${IPT[@]}" -N ISTIO_REDIRECT
show "${IPT[@]}" -A PREROUTING -p tcp -j ISTIO_INBOUND
show "${IPT[@]}" -A ISTIO_INBOUND -p tcp -j ISTIO_IN_REDIRECT
show "${IPT[@]}" -A ISTIO_IN_REDIRECT -p tcp -j REDIRECT --to-ports 15006
show "${IPT[@]}" -A OUTPUT -p tcp -j ISTIO_OUTPUT
show "${IPT[@]}" -A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN
show "${IPT[@]}" -A ISTIO_OUTPUT -d 127.0.0.1/32 -j RETURN
show "${IPT[@]}" -A ISTIO_OUTPUT -j ISTIO_REDIRECT
show "${IPT[@]}" -A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001
show ip netns exec mesh-pod iptables-save -t nat

step "Rules without a running sidecar: the app listens, but nobody can reach it"
if out=$(ip netns exec mesh-client timeout 5 socat -T 3 -u TCP:10.0.0.2:8080 - 2>&1); then
  fail "the client reached 10.0.0.2:8080 with nothing on 15006: $out"
fi
printf '$ ip netns exec mesh-client socat -u TCP:10.0.0.2:8080 -\n%s\n' "$(sed 's/^[0-9/ :.]*socat\[[0-9]*\] //' <<<"$out")"
ok "connection refused: the SYN was redirected to 15006, where nothing listens yet"

step "Start the sidecar as uid 1337, listening on 15006 and 15001"
: >"$WORK/sidecar.log"
chown 1337:1337 "$WORK/sidecar.log"
printf '$ ip netns exec mesh-pod setpriv --reuid=1337 --regid=1337 --clear-groups python3 sidecar.py sidecar.log &\n'
lab_bg ip netns exec mesh-pod setpriv --reuid=1337 --regid=1337 --clear-groups \
  timeout 60 python3 "$WORK/sidecar.py" "$WORK/sidecar.log"
wait_listening mesh-pod 15006
wait_listening mesh-pod 15001
printf '$ ip netns exec mesh-pod ss -Hltn | sort -t: -k2n\n'
ip netns exec mesh-pod ss -Hltn | sort -t: -k2n

step "Inbound: the client connects to 10.0.0.2:8080 and gets the app's answer through the sidecar"
answer=$(ip netns exec mesh-client timeout 8 socat -T 5 -u TCP:10.0.0.2:8080 -) \
  || fail "the client got no answer through the sidecar"
printf '$ ip netns exec mesh-client socat -u TCP:10.0.0.2:8080 -\n%s\n' "$answer"
[[ $answer == "hello from app, peer 10.0.0.2" ]] || fail "unexpected answer: $answer"
ok "the client still got the app's answer"
wait_for 10 "the sidecar to log the inbound connection" grep -q '^inbound' "$WORK/sidecar.log"
printf '$ grep inbound sidecar.log\n'
grep '^inbound' "$WORK/sidecar.log"
grep -q '^inbound peer=10\.0\.0\.1:[0-9]* local=10\.0\.0\.2:15006 original_dst=10\.0\.0\.2:8080 uid=1337$' "$WORK/sidecar.log" \
  || fail "the sidecar's inbound log line is not what was expected"
ok "the sidecar accepted on 15006 and read the original destination 10.0.0.2:8080"
ok "the app saw the sidecar's connection (peer 10.0.0.2), not the client's address 10.0.0.1"

step "Where the original destination is kept: the pod's conntrack table"
show ip netns exec mesh-pod conntrack -L -p tcp --orig-src 10.0.0.1 --orig-port-dst 8080 2>/dev/null
entries=$(ip netns exec mesh-pod conntrack -L -p tcp --orig-src 10.0.0.1 --orig-port-dst 8080 2>/dev/null)
grep -q 'src=10\.0\.0\.1 dst=10\.0\.0\.2 .*dport=8080 .*src=10\.0\.0\.2 dst=10\.0\.0\.1 sport=15006' <<<"$entries" \
  || fail "no conntrack entry translating 10.0.0.2:8080 to :15006"
ok "orig dst 10.0.0.2:8080, reply from :15006: SO_ORIGINAL_DST reads this entry"

step "Outbound: the app calls 10.0.0.1:9090; the call is captured on 15001 and still arrives"
printf '$ ip netns exec mesh-pod setpriv --reuid=1000 --regid=1000 --clear-groups socat -u TCP:10.0.0.1:9090 -\n'
answer=$(ip netns exec mesh-pod setpriv --reuid=1000 --regid=1000 --clear-groups \
  timeout 8 socat -T 5 -u TCP:10.0.0.1:9090 -) || fail "the app's outbound call failed"
printf '%s\n' "$answer"
[[ $answer == "hello from upstream, peer 10.0.0.2" ]] || fail "unexpected answer: $answer"
wait_for 10 "the sidecar to log the outbound connection" grep -q '^outbound' "$WORK/sidecar.log"
printf '$ grep outbound sidecar.log\n'
grep '^outbound' "$WORK/sidecar.log"
grep -q '^outbound peer=10\.0\.0\.2:[0-9]* local=127\.0\.0\.1:15001 original_dst=10\.0\.0\.1:9090 uid=1337$' "$WORK/sidecar.log" \
  || fail "the sidecar's outbound log line is not what was expected"
ok "the app's connection landed on 127.0.0.1:15001; the sidecar re-dialled 10.0.0.1:9090 itself"

step "Why the sidecar's own connections are not captured again: the owner match"
show ip netns exec mesh-pod iptables -t nat -L ISTIO_OUTPUT -n -v -x
uid_hits=$(ip netns exec mesh-pod iptables -t nat -L ISTIO_OUTPUT -n -v -x | awk '/owner UID match 1337/ {print $1}')
redirect_hits=$(ip netns exec mesh-pod iptables -t nat -L ISTIO_OUTPUT -n -v -x | awk '$3 == "ISTIO_REDIRECT" {print $1}')
(( uid_hits >= 2 )) || fail "the uid 1337 rule matched $uid_hits connections, expected at least 2"
(( redirect_hits >= 1 )) || fail "ISTIO_REDIRECT matched $redirect_hits connections, expected at least 1"
ok "connections opened by uid 1337 (the sidecar's two upstream dials) returned untouched"
ok "the app's connection (uid 1000) went to ISTIO_REDIRECT"
show ip netns exec mesh-pod nft list chain ip nat ISTIO_OUTPUT

pass
