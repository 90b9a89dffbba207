# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/ipvs-clusterip.sh` keeps: the node
# ipvs-node with cbr0, the ClusterIP 10.96.0.100 on kube-ipvs0 and the IPVS
# virtual server 10.96.0.100:80 (round robin, two real servers by
# masquerading), the pods ipvs-a and ipvs-b answering on TCP 8080 (for an
# hour), and the client pod ipvs-client.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise clusterip-not-local
#: break
ip -n ipvs-node address del 10.96.0.100/32 dev kube-ipvs0
#: check
# Four connections from the client pod to the ClusterIP: both pods must answer.
got=
for _ in 1 2 3 4; do
  answer=$(ip netns exec ipvs-client timeout 20 socat -T 10 -u TCP:10.96.0.100:80,connect-timeout=5 -) || answer="no answer"
  echo "$answer"
  got+=" ${answer%% *}"
done
[[ $got == *pod-a* && $got == *pod-b* ]]
#: fix
ip -n ipvs-node address add 10.96.0.100/32 dev kube-ipvs0

#: exercise client-affinity
#: break
# The same virtual server, now persistent for 60 s.
ip netns exec ipvs-node ipvsadm -E -t 10.96.0.100:80 -s rr -p 60
#: check
got=
for _ in 1 2 3 4; do
  answer=$(ip netns exec ipvs-client timeout 20 socat -T 10 -u TCP:10.96.0.100:80,connect-timeout=5 -) || answer="no answer"
  echo "$answer"
  got+=" ${answer%% *}"
done
[[ $got == *pod-a* && $got == *pod-b* ]]
#: fix
ip netns exec ipvs-node ipvsadm -E -t 10.96.0.100:80 -s rr
