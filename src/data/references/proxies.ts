import type {Reference} from './types';

const CHECKED = '2026-11-22';

const references: Reference[] = [
  {
    id: 'coreos-corelb',
    title: 'corelb',
    url: 'https://github.com/coreos/corelb',
    authors: ['CoreOS'],
    kind: 'repo',
    category: 'proxies',
    topics: ['load-balancing', 'proxies', 'history'],
    language: 'en',
    summary: {
      en: 'A tiny early proof of concept from CoreOS that generated NGINX load-balancer configuration from services registered in etcd by coreinit; interesting only as an early ancestor of dynamic, registry-driven proxies.',
      zh: 'CoreOS 早期做的一个小型概念验证：根据 coreinit 在 etcd 中登记的服务生成 NGINX 负载均衡配置。如今只作为“由注册中心驱动的动态代理”的早期雏形有参考意义。',
    },
    status: {
      state: 'archived',
      note: {
        en: 'Abandoned proof of concept from the coreinit era that was never developed further; use a maintained proxy or ingress controller instead.',
        zh: '已被放弃的 coreinit 时代概念验证，此后再无开发；请改用仍在维护的代理或 Ingress 控制器。',
      },
      checked: CHECKED,
      source: 'coreos/corelb README (stored copy): "proof of concept" on coreinit/etcd, two-line README, no later development found',
    },
  },
  {
    id: 'envoy',
    title: 'Envoy Proxy',
    url: 'https://www.envoyproxy.io/',
    authors: ['Envoy project', 'Lyft'],
    kind: 'tool',
    category: 'proxies',
    topics: ['proxies', 'load-balancing', 'service-mesh'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'The L4/L7 proxy created at Lyft with HTTP/2, gRPC, rich load balancing and the dynamic xDS configuration APIs; the data plane under Istio, Contour, Emissary-ingress and Envoy Gateway.',
      zh: 'Lyft 开发的四层/七层代理，支持 HTTP/2、gRPC、丰富的负载均衡策略以及动态的 xDS 配置 API，是 Istio、Contour、Emissary-ingress 与 Envoy Gateway 的数据面。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'envoyproxy.io is the project site; Envoy Gateway and Emissary releases in 2025-2026 build on current Envoy (docs corpus)',
    },
  },
  {
    id: 'haproxy',
    title: 'HAProxy',
    url: 'https://www.haproxy.org/',
    authors: ['Willy Tarreau', 'HAProxy community'],
    kind: 'tool',
    category: 'proxies',
    topics: ['load-balancing', 'proxies'],
    language: 'en',
    year: 2001,
    seedUrls: ['http://www.haproxy.org/'],
    summary: {
      en: 'Home of HAProxy, the long-established TCP and HTTP load balancer; its documentation is a thorough reference on balancing algorithms, health checks, stickiness and connection handling.',
      zh: 'HAProxy 官网。这款老牌 TCP/HTTP 负载均衡器的文档，是了解负载均衡算法、健康检查、会话保持与连接处理的详尽参考。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'haproxy.org (served over https) remains the community project site with current branches',
    },
  },
  {
    id: 'k8s-kube-proxy-reference',
    title: 'kube-proxy',
    url: 'https://kubernetes.io/docs/reference/generated/kube-proxy/',
    authors: ['Kubernetes project'],
    kind: 'docs',
    category: 'proxies',
    topics: ['kube-proxy', 'services', 'netfilter'],
    language: 'en',
    year: 2015,
    summary: {
      en: 'Command-line reference for kube-proxy, the per-node agent that turns Services into iptables, IPVS or nftables rules; the flags (proxy mode, conntrack limits, cluster CIDR) show what it actually controls.',
      zh: 'kube-proxy 的命令行参考。kube-proxy 是每个节点上把 Service 转换为 iptables、IPVS 或 nftables 规则的代理，从代理模式、conntrack 上限、集群 CIDR 等参数可以看出它到底管些什么。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'kubernetes.io/docs/reference/generated/kube-proxy page present in docs corpus (stored copy)',
    },
  },
  {
    id: 'metallb',
    title: 'MetalLB',
    url: 'https://metallb.io/',
    authors: ['MetalLB project'],
    kind: 'tool',
    category: 'proxies',
    topics: ['load-balancing', 'bgp', 'services'],
    language: 'en',
    year: 2017,
    seedUrls: ['https://metallb.universe.tf/'],
    summary: {
      en: 'Gives bare-metal clusters working Services of type LoadBalancer by announcing addresses with ARP/NDP (layer 2) or BGP; explains the trade-offs of each mode clearly.',
      zh: '让裸机集群也能使用 LoadBalancer 类型的 Service：通过 ARP/NDP（二层）或 BGP 对外宣告地址，并清楚讲解了两种模式各自的取舍。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from metallb.universe.tf to metallb.io: metallb/metallb issue #2543 (2024-09) and MetalLB 0.14.9 release notes deprecating the old annotation domain',
    },
  },
  {
    id: 'nginx-reverse-proxy-guide',
    title: 'NGINX Reverse Proxy',
    url: 'https://docs.nginx.com/nginx/admin-guide/web-server/reverse-proxy/',
    authors: ['F5 NGINX'],
    kind: 'docs',
    category: 'proxies',
    topics: ['proxies', 'load-balancing'],
    language: 'en',
    summary: {
      en: 'Admin-guide chapter on running NGINX as a reverse proxy: proxy_pass, forwarding headers, buffering and choosing an outgoing address; a practical base before reading any NGINX-based ingress controller.',
      zh: 'NGINX 管理指南中讲反向代理的一章：proxy_pass、请求头转发、缓冲以及出站地址的选择。在阅读任何基于 NGINX 的 Ingress 控制器之前，这是很实用的基础。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'No stored copy of the page; the address is cited by many 2025 documents in the code index and the NGINX docs source contains nginx/admin-guide/web-server/reverse-proxy.md',
    },
  },
  {
    id: 'traefik',
    title: 'Traefik Proxy',
    url: 'https://traefik.io/',
    authors: ['Traefik Labs'],
    kind: 'tool',
    category: 'proxies',
    topics: ['proxies', 'ingress', 'gateway-api'],
    language: 'en',
    year: 2015,
    summary: {
      en: 'Traefik, the reverse proxy and load balancer that configures itself from Docker, Kubernetes Ingress, Gateway API and other providers; a common choice for small clusters and a migration target after ingress-nginx.',
      zh: 'Traefik 是一款能根据 Docker、Kubernetes Ingress、Gateway API 等来源自动配置自身的反向代理与负载均衡器，常用于小型集群，也是 ingress-nginx 退役后的迁移选项之一。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'traefik.io (Traefik Labs) site; Traefik listed among ingress-nginx migration targets in 2026 articles (pages corpus)',
    },
  },
  {
    id: 'cilium-kube-proxy-replacement',
    title: 'Kubernetes Without kube-proxy (Cilium)',
    url: 'https://docs.cilium.io/en/stable/network/kubernetes/kubeproxy-free/',
    authors: ['Cilium project'],
    kind: 'docs',
    category: 'proxies',
    topics: ['kube-proxy', 'ebpf', 'load-balancing'],
    language: 'en',
    year: 2019,
    addedByGuide: true,
    summary: {
      en: 'Cilium guide to running a cluster with no kube-proxy at all: eBPF socket and tc programs implement ClusterIP, NodePort and LoadBalancer, with options such as DSR and Maglev hashing; read it next to the kube-proxy reference.',
      zh: 'Cilium 关于完全不用 kube-proxy 运行集群的指南：由 eBPF 的 socket 与 tc 程序实现 ClusterIP、NodePort 和 LoadBalancer，并支持 DSR、Maglev 哈希等选项，适合与 kube-proxy 参考文档对照阅读。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'docs.cilium.io/en/stable/network/kubernetes/kubeproxy-free/ cited in kube-hetzner discussion #1199 (2024); Cilium 1.20 README still describes full kube-proxy replacement',
    },
  },
  {
    id: 'kube-vip',
    title: 'kube-vip',
    url: 'https://kube-vip.io/',
    authors: ['kube-vip project', 'Dan Finneran'],
    kind: 'tool',
    category: 'proxies',
    topics: ['load-balancing', 'bgp', 'services'],
    language: 'en',
    year: 2020,
    addedByGuide: true,
    summary: {
      en: 'Provides a floating virtual IP for a highly available control plane and Services of type LoadBalancer, using ARP or BGP, without external hardware; a lighter alternative to keepalived plus HAProxy on bare metal and edge.',
      zh: '借助 ARP 或 BGP，为高可用控制面和 LoadBalancer 类型的 Service 提供浮动虚拟 IP，无需外部硬件；在裸机和边缘环境中是 keepalived 加 HAProxy 组合的轻量替代。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'kube-vip/kube-vip README (docs corpus) points to kube-vip.io for documentation; vCluster docs v0.34 integrate it',
    },
  },
];

export default references;
