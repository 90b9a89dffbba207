# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/dns-ndots.sh` keeps: dnsmasq as the
# cluster DNS in dns-server (answering for an hour), the pod dns-client with
# the kubelet-style files in /etc/netns/dns-client/ (`ip netns exec` mounts
# them over /etc; resolv.conf says ndots:2 since the lab's last step) and the
# DNAT rule that stands in for kube-proxy.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise search-list-gone
#: break
# The pod's resolv.conf loses its search line; the nameserver stays.
sed -i '/^search /d' /etc/netns/dns-client/resolv.conf
#: check
ip netns exec dns-client timeout 10 getent ahostsv4 web
#: fix
sed -i '1i search shop.svc.cluster.local svc.cluster.local cluster.local' /etc/netns/dns-client/resolv.conf

#: exercise host-alias
#: break
# What the kubelet appends to the pod's /etc/hosts for a hostAliases entry.
printf '# Entries added by HostAliases.\n10.96.0.200\tweb\n' >>/etc/netns/dns-client/hosts
#: check
answer=$(ip netns exec dns-client timeout 10 getent ahostsv4 web | awk '$2 == "STREAM" {print $1, $3}')
echo "$answer"
[[ $answer == "10.96.0.100 web.shop.svc.cluster.local" ]]
#: fix
sed -i '/^# Entries added by HostAliases/,$d' /etc/netns/dns-client/hosts
