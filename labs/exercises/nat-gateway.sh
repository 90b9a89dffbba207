# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/nat-gateway.sh` keeps: nat-priv
# (10.10.0.2, its server on port 80 answering for an hour), the gateway nat-gw
# (ip_forward=1, MASQUERADE out of out0, DNAT of 203.0.113.1:8080 in PREROUTING
# and OUTPUT, FORWARD policy ACCEPT) and nat-out (203.0.113.2, no route back).
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise stale-udp-entry
#: setup
# A UDP server in nat-out that answers each datagram with the address it came from.
ip netns exec nat-out timeout 3600 socat UDP-RECVFROM:5300,fork SYSTEM:'echo $SOCAT_PEERADDR' </dev/null >/dev/null 2>&1 &
#: break
# The gateway restarts its firewall: conntrack starts empty, and the MASQUERADE
# rule is not back yet when the client sends its next datagram.
ip netns exec nat-gw conntrack -F
ip netns exec nat-gw iptables -t nat -D POSTROUTING -s 10.10.0.0/24 -o out0 -j MASQUERADE
#: check
# One datagram from port 40000 of nat-priv; nat-out must answer 203.0.113.1.
reply=$(ip netns exec nat-priv timeout 8 socat -t 5 - UDP:203.0.113.2:5300,sourceport=40000 <<<hello)
echo "nat-out saw: ${reply:-nothing came back}"
[[ $reply == 203.0.113.1 ]]
#: fix
ip netns exec nat-gw iptables -t nat -A POSTROUTING -s 10.10.0.0/24 -o out0 -j MASQUERADE
ip netns exec nat-gw conntrack -D -p udp --orig-port-src 40000

#: exercise filter-after-dnat
#: break
# A firewall for the gateway: drop what is not allowed, allow replies, the
# private network going out, and the published port.
ip netns exec nat-gw iptables -P FORWARD DROP
ip netns exec nat-gw iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec nat-gw iptables -A FORWARD -i priv0 -o out0 -j ACCEPT
ip netns exec nat-gw iptables -A FORWARD -d 203.0.113.1 -p tcp --dport 8080 -j ACCEPT
#: check
ip netns exec nat-out timeout 5 socat -T 3 -u TCP:203.0.113.1:8080,connect-timeout=3 -
#: fix
ip netns exec nat-gw iptables -D FORWARD -d 203.0.113.1 -p tcp --dport 8080 -j ACCEPT
ip netns exec nat-gw iptables -A FORWARD -d 10.10.0.2 -p tcp --dport 80 -j ACCEPT
