# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/docker-bridge-by-hand.sh` keeps: the
# host dk-host with docker0, forwarding on, Docker's filter chains, the
# MASQUERADE rule, port 8080 published to dk-c1:80 (and the raw-table rule for
# 172.17.0.2), a socat playing docker-proxy on the host's port 8080, the
# containers dk-c1 (a server on port 80) and dk-c2, and the client dk-client.
# The servers stop by themselves after an hour.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise input-rule
#: break
# Close port 8080 the way a host firewall such as UFW would: in INPUT.
ip netns exec dk-host iptables -I INPUT -p tcp --dport 8080 -j DROP
#: check
# The outside client, then a process on the host itself: both must get an answer.
ip netns exec dk-client timeout 8 socat -T 3 -u TCP:198.51.100.1:8080,connect-timeout=3 -
ip netns exec dk-host timeout 8 socat -T 3 -u TCP:127.0.0.1:8080,connect-timeout=3 -
#: fix
ip netns exec dk-host iptables -D INPUT -p tcp --dport 8080 -j DROP

#: exercise forwarding-off
#: break
ip netns exec dk-host sysctl -w net.ipv4.ip_forward=0
#: check
ip netns exec dk-client timeout 8 socat -T 3 -u TCP:198.51.100.1:8080,connect-timeout=3 -
#: fix
ip netns exec dk-host sysctl -w net.ipv4.ip_forward=1

#: exercise hairpin
#: break
# The DNAT rule without its "! -i docker0": containers' packets are translated too.
ip netns exec dk-host iptables -t nat -R DOCKER 1 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
#: check
# dk-c2, then dk-c1 itself, through the host's address and the published port.
ip netns exec dk-c2 timeout 8 socat -T 3 -u TCP:198.51.100.1:8080,connect-timeout=3 -
ip netns exec dk-c1 timeout 8 socat -T 3 -u TCP:198.51.100.1:8080,connect-timeout=3 -
#: fix
ip netns exec dk-host iptables -t nat -R DOCKER 1 ! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
