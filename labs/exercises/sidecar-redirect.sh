# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/sidecar-redirect.sh` keeps: the pod
# mesh-pod (10.0.0.2) with its Istio-style nat rules, the app on 8080 (uid
# 1000) and the sidecar on 15006 and 15001 (uid 1337); mesh-client (10.0.0.1)
# with the upstream service on 9090. The servers answer for an hour.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise excluded-port
#: break
# What the annotation traffic.sidecar.istio.io/excludeInboundPorts: "8080" adds.
ip netns exec mesh-pod iptables -t nat -I ISTIO_INBOUND 1 -p tcp --dport 8080 -j RETURN
#: check
# The app answers with the address of the peer it sees.
answer=$(ip netns exec mesh-client timeout 8 socat -T 5 -u TCP:10.0.0.2:8080 -)
echo "$answer"
[[ $answer == "hello from app, peer 10.0.0.2" ]]
#: fix
ip netns exec mesh-pod iptables -t nat -D ISTIO_INBOUND -p tcp --dport 8080 -j RETURN

#: exercise sidecar-down
#: break
# The sidecar stops: end the process that listens on 15001.
sidecar=$(ip netns exec mesh-pod ss -Hltnp 'sport = :15001' | grep -o 'pid=[0-9]*' | head -n 1)
kill "${sidecar#pid=}"
#: check
# The app (uid 1000) calls the upstream service.
ip netns exec mesh-pod setpriv --reuid=1000 --regid=1000 --clear-groups \
  timeout 8 socat -T 5 -u TCP:10.0.0.1:9090 -
#: fix
# Start the sidecar again, as uid 1337, from the lab's scratch directory.
sidecar=$(ls /tmp/sidecar-redirect.*/sidecar.py)
ip netns exec mesh-pod setpriv --reuid=1337 --regid=1337 --clear-groups \
  timeout 3600 python3 "$sidecar" "${sidecar%/*}/sidecar.log" </dev/null >/dev/null 2>&1 &
