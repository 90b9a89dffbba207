# shellcheck shell=bash
# Exercises on what `LAB_KEEP=1 bash labs/clusterip-nftables.sh` keeps: the
# node svc-node with the table ip kube-proxy for 10.96.0.100, the pods svc-a,
# svc-b and svc-c answering on TCP 8080 (for an hour), the client pod svc-client.
# Not a script: the tests run each step marked "#:" (CONTRIBUTING.md, "Exercises").

#: exercise map-element
#: break
ip netns exec svc-node nft delete element ip kube-proxy service-ips '{ 10.96.0.100 . tcp . 80 }'
#: check
ip netns exec svc-client timeout 8 socat -T 3 -u TCP:10.96.0.100:80,connect-timeout=3 -
#: fix
ip netns exec svc-node nft add element ip kube-proxy service-ips \
  '{ 10.96.0.100 . tcp . 80 : goto service-LABWEB01-shop/web/tcp/http }'

#: exercise numgen-modulus
#: break
# pod-b leaves the Service's chain, but the modulus stays 3: one transaction
# empties the chain and writes its two rules again.
ip netns exec svc-node nft -f - <<'NFT'
flush chain ip kube-proxy service-LABWEB01-shop/web/tcp/http
table ip kube-proxy {
  chain service-LABWEB01-shop/web/tcp/http {
    ip daddr 10.96.0.100 tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade
    numgen random mod 3 vmap { 0 : goto endpoint-LABEP01-shop/web/tcp/http__10.244.1.11/8080, 1 : goto endpoint-LABEP03-shop/web/tcp/http__10.244.1.13/8080 }
  }
}
NFT
#: check
# Twelve connections from the client pod: each must be answered.
for _ in $(seq 12); do
  ip netns exec svc-client timeout 8 socat -T 3 -u TCP:10.96.0.100:80,connect-timeout=3 -
done
#: fix
ip netns exec svc-node nft -f - <<'NFT'
flush chain ip kube-proxy service-LABWEB01-shop/web/tcp/http
table ip kube-proxy {
  chain service-LABWEB01-shop/web/tcp/http {
    ip daddr 10.96.0.100 tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade
    numgen random mod 2 vmap { 0 : goto endpoint-LABEP01-shop/web/tcp/http__10.244.1.11/8080, 1 : goto endpoint-LABEP03-shop/web/tcp/http__10.244.1.13/8080 }
  }
}
NFT
