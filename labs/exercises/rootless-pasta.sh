# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/rootless-pasta.sh` keeps: the host
# rl-host with uid 1000's slirp4netns and pasta, the container namespaces
# rl-ctr (slirp4netns, host port 8088 to port 80) and rl-pasta (pasta, host
# port 8090 to port 80), the LAN rl-lan with its server on 192.168.77.2:8080,
# and /run/rl-user with slirp4netns's API socket and the PIDs of the user's
# session (session.pid), the containers (ctr.pid, ctr2.pid) and slirp4netns.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise loopback-publish
#: break
# The forward the lab added (id 1) goes, and comes back on the host's loopback only (id 2).
echo '{"execute": "remove_hostfwd", "arguments": {"id": 1}}' | socat - UNIX:/run/rl-user/slirp.sock
echo '{"execute": "add_hostfwd", "arguments": {"proto": "tcp", "host_addr": "127.0.0.1", "host_port": 8088, "guest_port": 80}}' \
  | socat - UNIX:/run/rl-user/slirp.sock
#: check
# A client on the LAN reaches the container's server through the host's port 8088.
echo hello | ip netns exec rl-lan timeout 20 socat -T 10 - TCP:192.168.77.1:8088,connect-timeout=10,shut-none
#: fix
echo '{"execute": "remove_hostfwd", "arguments": {"id": 2}}' | socat - UNIX:/run/rl-user/slirp.sock
echo '{"execute": "add_hostfwd", "arguments": {"proto": "tcp", "host_addr": "0.0.0.0", "host_port": 8088, "guest_port": 80}}' \
  | socat - UNIX:/run/rl-user/slirp.sock

#: exercise slirp-gone
#: break
kill "$(cat /run/rl-user/slirp4netns.pid)"
#: check
# The container reaches the LAN server through slirp4netns.
echo hello | ip netns exec rl-ctr timeout 20 socat -T 10 - TCP:192.168.77.2:8080,connect-timeout=10,shut-none
#: fix
# A new slirp4netns for the same namespace, run as the user in the user's session
# (its network namespace is rl-host; its mount namespace has the usable /dev/net/tun).
rm -f /run/rl-user/slirp.sock
nsenter -t "$(cat /run/rl-user/session.pid)" -n -m setpriv --reuid=1000 --regid=1000 --clear-groups \
  timeout 3600 slirp4netns --configure --mtu=65520 --api-socket /run/rl-user/slirp.sock \
  "$(cat /run/rl-user/ctr.pid)" tap0 </dev/null >/dev/null 2>&1 &
timeout 60 sh -c 'until [ -S /run/rl-user/slirp.sock ]; do sleep 0.2; done'
# The published port went with the old process: publish it again.
echo '{"execute": "add_hostfwd", "arguments": {"proto": "tcp", "host_addr": "0.0.0.0", "host_port": 8088, "guest_port": 80}}' \
  | socat - UNIX:/run/rl-user/slirp.sock
