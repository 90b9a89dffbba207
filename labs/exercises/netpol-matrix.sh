# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/netpol-matrix.sh` keeps: the node
# np-node with br0 and the rules of the policies db-allow-backend and
# backend-allow-frontend in its FORWARD chain, and the pods np-frontend,
# np-backend, np-db and np-other with their servers (answering for an hour).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise first-policy-isolates
#: break
# A new policy, frontend-allow-other: ingress to app=frontend from app=other, TCP 80.
# The node's agent gives frontend a chain of its own, as it did for db and backend.
ip netns exec np-node iptables -N NP-INGRESS-FRONTEND
ip netns exec np-node iptables -A FORWARD -m physdev --physdev-is-bridged --physdev-out veth-frontend -j NP-INGRESS-FRONTEND
ip netns exec np-node iptables -A NP-INGRESS-FRONTEND -s 10.30.0.40 -p tcp --dport 80 -m comment --comment frontend-allow-other -j ACCEPT
ip netns exec np-node iptables -A NP-INGRESS-FRONTEND -m comment --comment frontend-isolated -j DROP
#: check
# db connects to frontend's port 80, and waits one second for an answer to its SYN.
ip netns exec np-db timeout 5 socat -T 3 -u TCP:10.30.0.10:80,connect-timeout=1 -
#: fix
# A second policy that allows db adds its rule to the same chain, before the DROP.
ip netns exec np-node iptables -I NP-INGRESS-FRONTEND 1 -s 10.30.0.30 -p tcp --dport 80 -m comment --comment frontend-allow-db -j ACCEPT

#: exercise bridge-nf-off
#: break
ip netns exec np-node sysctl -w net.bridge.bridge-nf-call-iptables=0
#: check
# The policy as written: backend reaches db:5432, and frontend does not.
ip netns exec np-backend timeout 5 socat -T 3 -u TCP:10.30.0.30:5432,connect-timeout=1 -
if ip netns exec np-frontend timeout 5 socat -T 3 -u TCP:10.30.0.30:5432,connect-timeout=1 -; then
  echo "frontend reached db:5432"
  exit 1
fi
#: fix
ip netns exec np-node sysctl -w net.bridge.bridge-nf-call-iptables=1
