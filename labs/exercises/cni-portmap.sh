# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/cni-portmap.sh` keeps: the node
# cnp-node with cni0 and portmap's shared chains (the pod's own chain went
# with the lab's DEL), the pod cnp-pod without an interface but with its
# server on port 80 (for an hour), and the client cnp-client. The steps load
# the kept run's record, /run/labs/cni-portmap/state.sh, for the lab's own
# helpers (plugin_config, run_plugin) and its scratch directory $WORK.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").
# Each step runs in a bash of its own with `set -e`, which stops it if a cd fails;
# state.sh exists only while a kept run does, and its helpers read CID.
# shellcheck disable=SC2164,SC1091,SC2034

#: exercise route-localnet
#: setup
# ADD the chain again for the pod cnp-lab-0001, as the lab did: bridge, then portmap.
source /run/labs/cni-portmap/state.sh
cd "$WORK"
plugin_config 0 "" add-0.json
run_plugin ADD bridge add-0.json result-0.json
plugin_config 1 result-0.json add-1.json
run_plugin ADD portmap add-1.json result-1.json
#: break
ip netns exec cnp-node sysctl -w net.ipv4.conf.cni0.route_localnet=0
#: check
# The client next to the node, then a process on the node through 127.0.0.1.
ip netns exec cnp-client timeout 8 socat -T 3 -u TCP:203.0.113.1:8080,connect-timeout=3 -
ip netns exec cnp-node timeout 8 socat -T 3 -u TCP:127.0.0.1:8080,connect-timeout=3 -
#: fix
ip netns exec cnp-node sysctl -w net.ipv4.conf.cni0.route_localnet=1

#: exercise stale-chain
#: break
source /run/labs/cni-portmap/state.sh
cd "$WORK"
# The pod's sandbox dies with the node's runtime: its interface goes, no DEL runs.
ip -n cnp-pod link del eth0
# Its replacement, cnp-lab-0002, gets the same namespace and the same host port.
CID=cnp-lab-0002
plugin_config 0 "" pod2-add-0.json
run_plugin ADD bridge pod2-add-0.json pod2-result-0.json
plugin_config 1 pod2-result-0.json pod2-add-1.json
run_plugin ADD portmap pod2-add-1.json pod2-result-1.json
#: check
ip netns exec cnp-client timeout 10 socat -T 3 -u TCP:203.0.113.1:8080,connect-timeout=5 -
#: fix
# The DEL that portmap never got for cnp-lab-0001, with the result of its ADD.
source /run/labs/cni-portmap/state.sh
cd "$WORK"
plugin_config 1 result-1.json del-1.json
run_plugin DEL portmap del-1.json /dev/null
