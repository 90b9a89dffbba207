# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/cgroup-egress.sh` keeps: the cgroups
# cg-lab/allowed (with its connect4 program) and cg-lab/blocked (with its
# cgroup_skb/egress program that drops everything), cg-host with the nftables
# table "watch", and cg-srv with its TCP server on port 80 (for an hour). The
# lab removed its nftables and iptables drop rules on the way.
# The cgroups sit where cgroup2 is mounted: /sys/fs/cgroup/cg-lab, or
# /sys/fs/cgroup/unified/cg-lab on a hybrid host; each step looks it up.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise recreated-cgroup
#: setup
# The lab's nftables rule again, next to the eBPF program: drop what sockets of cg-lab/blocked send.
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
nsenter --net=/run/netns/cg-host nft add table inet cgfw
nsenter --net=/run/netns/cg-host nft add chain inet cgfw output '{ type filter hook output priority 0; policy accept; }'
nsenter --net=/run/netns/cg-host nft add rule inet cgfw output \
  socket cgroupv2 level 2 "\"${CG#/sys/fs/cgroup}/cg-lab/blocked\"" counter drop
#: break
# What a restarted service or a recreated container does: a new cgroup at the same path.
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
rmdir "$CG/cg-lab/blocked"
mkdir "$CG/cg-lab/blocked"
#: check
# From cg-host, connect to cg-srv as a process of cg-lab/allowed, then as one of cg-lab/blocked.
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
# A connection from cg-host to cg-srv: a shell that moves itself into the cgroup named by its argument, then becomes socat.
connect='echo $$ > "$1/cgroup.procs" && exec ip netns exec cg-host timeout 5 socat -T 3 -u TCP:10.20.0.2:80,connect-timeout=2 -'
nsenter --net=/run/netns/cg-host nft list chain inet cgfw output
sh -c "$connect" sh "$CG/cg-lab/allowed"
! sh -c "$connect" sh "$CG/cg-lab/blocked"
#: fix
# Load the rule again: nft looks the path up now, and finds the new cgroup.
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
nsenter --net=/run/netns/cg-host nft flush chain inet cgfw output
nsenter --net=/run/netns/cg-host nft add rule inet cgfw output \
  socket cgroupv2 level 2 "\"${CG#/sys/fs/cgroup}/cg-lab/blocked\"" counter drop

#: exercise wrong-level
#: break
# The same rule, with level 1 instead of 2.
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
nsenter --net=/run/netns/cg-host nft flush chain inet cgfw output
nsenter --net=/run/netns/cg-host nft add rule inet cgfw output \
  socket cgroupv2 level 1 "\"${CG#/sys/fs/cgroup}/cg-lab/blocked\"" counter drop
#: check
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
# A connection from cg-host to cg-srv: a shell that moves itself into the cgroup named by its argument, then becomes socat.
connect='echo $$ > "$1/cgroup.procs" && exec ip netns exec cg-host timeout 5 socat -T 3 -u TCP:10.20.0.2:80,connect-timeout=2 -'
nsenter --net=/run/netns/cg-host nft list chain inet cgfw output
sh -c "$connect" sh "$CG/cg-lab/allowed"
! sh -c "$connect" sh "$CG/cg-lab/blocked"
#: fix
CG=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
nsenter --net=/run/netns/cg-host nft flush chain inet cgfw output
nsenter --net=/run/netns/cg-host nft add rule inet cgfw output \
  socket cgroupv2 level 2 "\"${CG#/sys/fs/cgroup}/cg-lab/blocked\"" counter drop
