# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/tap-vnet-hdr.sh` keeps: tap-host
# (veth-pod, 10.0.3.1) and tap-pod (eth0 with 10.0.3.2, and tap0_kata), joined
# by the two tc mirred redirects, eth0 to tap0_kata and back. The stand-in VMM
# is stopped, so tap0_kata has no carrier and nobody answers for 10.0.3.2.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise no-redirect
#: setup
# The stand-in VMM again, for ten minutes. Its program and the guest's MAC are
# among the variables the lab wrote into the record of its run.
(
  # shellcheck source=/dev/null # written by the kept run
  source /run/labs/tap-vnet-hdr/state.sh
  ip netns exec tap-pod timeout 600 python3 -c "$VMM" tap0_kata 2 "$POD_MAC" 10.0.3.2 600 </dev/null >"$VMM_LOG" 2>&1 &
)
# It has attached its queues when the TAP has a carrier (a slow machine takes a while to start Python).
timeout 100 sh -c 'until ip -n tap-pod link show dev tap0_kata | grep -q LOWER_UP; do sleep 0.2; done'
#: break
ip netns exec tap-pod tc qdisc del dev eth0 ingress
#: check
# A ping from the host side: did the guest answer (TTL 42)? Any other answer, or none, fails.
reply=$(ip netns exec tap-host ping -c 1 -W 3 10.0.3.2) || true
echo "$reply"
[[ $reply == *ttl=42* ]]
#: fix
ip netns exec tap-pod tc qdisc add dev eth0 ingress
ip netns exec tap-pod tc filter add dev eth0 parent ffff: protocol all u32 match u8 0 0 action mirred egress redirect dev tap0_kata

#: exercise no-way-back
#: break
ip netns exec tap-pod tc qdisc del dev tap0_kata ingress
#: check
reply=$(ip netns exec tap-host ping -c 1 -W 3 10.0.3.2) || true
echo "$reply"
[[ $reply == *ttl=42* ]]
#: fix
ip netns exec tap-pod tc qdisc add dev tap0_kata ingress
ip netns exec tap-pod tc filter add dev tap0_kata parent ffff: protocol all u32 match u8 0 0 action mirred egress redirect dev eth0
