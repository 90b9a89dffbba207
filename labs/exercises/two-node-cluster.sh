# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/two-node-cluster.sh` keeps: the
# nodes cl-n1 and cl-n2 on the switch cl-lan, with routes for each other's pod
# CIDR and kube-proxy's rules for demo/web (ClusterIP 10.96.0.80, NodePort
# 30080, externalTrafficPolicy: Local since the lab's last step); the pods
# cl-web1 and cl-probe on node 1, cl-web2 on node 2 (the web pods answer for
# an hour); the client cl-client outside the cluster.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise no-local-endpoint
#: break
# web-1 is no longer ready, so node 1 has no local endpoint for demo/web: what
# kube-proxy writes then is no jump to KUBE-SVL, and a DROP for the NodePort.
ip netns exec cl-n1 iptables -t nat -D KUBE-EXT-DEMOWEB -j KUBE-SVL-DEMOWEB
ip netns exec cl-n1 iptables -I INPUT -m comment --comment "demo/web:http has no local endpoints" -m addrtype --dst-type LOCAL -p tcp --dport 30080 -j DROP
#: check
# The client outside the cluster asks node 1's NodePort.
ip netns exec cl-client timeout 5 socat -T 3 -u TCP:192.168.50.11:30080,connect-timeout=2 -
#: fix
ip netns exec cl-n1 iptables -D INPUT -m comment --comment "demo/web:http has no local endpoints" -m addrtype --dst-type LOCAL -p tcp --dport 30080 -j DROP
ip netns exec cl-n1 iptables -t nat -A KUBE-EXT-DEMOWEB -j KUBE-SVL-DEMOWEB

#: exercise pod-route-missing
#: break
ip -n cl-n1 route del 10.244.2.0/24 via 192.168.50.12 dev eth0
#: check
# Twelve connections from the probe pod to the Service's ClusterIP.
for _ in $(seq 12); do
  ip netns exec cl-probe timeout 5 socat -T 3 -u TCP:10.96.0.80:80,connect-timeout=2 -
done
#: fix
ip -n cl-n1 route add 10.244.2.0/24 via 192.168.50.12 dev eth0

#: exercise no-masquerade
#: setup
# Node 1 goes back to externalTrafficPolicy: Cluster, as in the lab's middle part.
ip netns exec cl-n1 iptables-restore --noflush <<'RULES'
*nat
:KUBE-EXT-DEMOWEB - [0:0]
-A KUBE-EXT-DEMOWEB -m comment --comment "masquerade traffic for demo/web:http external destinations" -j KUBE-MARK-MASQ
-A KUBE-EXT-DEMOWEB -j KUBE-SVC-DEMOWEB
COMMIT
RULES
#: break
ip netns exec cl-n1 iptables -t nat -D KUBE-EXT-DEMOWEB -m comment --comment "masquerade traffic for demo/web:http external destinations" -j KUBE-MARK-MASQ
#: check
# Twelve connections from the client to node 1's NodePort.
for _ in $(seq 12); do
  ip netns exec cl-client timeout 5 socat -T 3 -u TCP:192.168.50.11:30080,connect-timeout=2 -
done
#: fix
ip netns exec cl-n1 iptables -t nat -I KUBE-EXT-DEMOWEB 1 -m comment --comment "masquerade traffic for demo/web:http external destinations" -j KUBE-MARK-MASQ
