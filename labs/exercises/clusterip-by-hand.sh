# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/clusterip-by-hand.sh` keeps: the
# node svc-node with its nat rules for 10.96.0.100, the pods svc-a, svc-b and
# svc-c answering on TCP 8080 (for an hour), the client pod svc-client.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise hairpin-masquerade
#: break
ip netns exec svc-node iptables -t nat -D KUBE-SEP-A -s 10.244.1.11/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ
#: check
# Twelve connections from svc-a to its own Service: each must be answered.
for _ in $(seq 12); do
  ip netns exec svc-a timeout 5 socat -T 3 -u TCP:10.96.0.100:80,connect-timeout=3 -
done
#: fix
ip netns exec svc-node iptables -t nat -I KUBE-SEP-A 1 -s 10.244.1.11/32 -m comment --comment "shop/web:http" -j KUBE-MARK-MASQ

#: exercise endpoint-gone
#: break
# pod-b loses its network, as a pod on a failed node would; the rules still send to it.
ip -n svc-b link set eth0 down
#: check
# Twelve connections from the client pod: each must be answered.
for _ in $(seq 12); do
  ip netns exec svc-client timeout 5 socat -T 3 -u TCP:10.96.0.100:80,connect-timeout=3 -
done
#: fix
# What kube-proxy writes once pod-b has left the EndpointSlice: the Service's
# chain with two endpoints, each picked with probability 1/2, and no KUBE-SEP-B.
ip netns exec svc-node iptables-restore --noflush <<'RULES'
*nat
:KUBE-SVC-LAB - [0:0]
:KUBE-SEP-B - [0:0]
-A KUBE-SVC-LAB ! -s 10.244.0.0/16 -d 10.96.0.100/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-LAB -m comment --comment "shop/web:http -> 10.244.1.11:8080" -m statistic --mode random --probability 0.5 -j KUBE-SEP-A
-A KUBE-SVC-LAB -m comment --comment "shop/web:http -> 10.244.1.13:8080" -j KUBE-SEP-C
-X KUBE-SEP-B
COMMIT
RULES
