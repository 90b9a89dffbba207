import type {Reference} from './types';

const CHECKED = '2026-11-22';

const references: Reference[] = [
  {
    id: 'coredns',
    title: 'CoreDNS',
    url: 'https://coredns.io/',
    authors: ['CoreDNS project', 'Miek Gieben'],
    kind: 'tool',
    category: 'dns',
    topics: ['dns', 'service-discovery'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'The plugin-based DNS server written in Go that every mainstream Kubernetes distribution now runs as cluster DNS; its kubernetes, forward and cache plugins explain how Service names resolve inside a pod.',
      zh: '用 Go 编写、基于插件的 DNS 服务器，如今主流 Kubernetes 发行版都用它做集群 DNS。通过 kubernetes、forward、cache 等插件，可以看懂 Pod 内 Service 名称是如何被解析的。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'coredns/deployment CoreDNS-k8s_version.md lists the CoreDNS version kubeadm installs up to Kubernetes v1.33',
    },
  },
  {
    id: 'external-dns',
    title: 'ExternalDNS',
    url: 'https://github.com/kubernetes-sigs/external-dns',
    authors: ['Kubernetes SIG Network'],
    kind: 'repo',
    category: 'dns',
    topics: ['dns', 'ingress', 'services'],
    language: 'en',
    year: 2017,
    seedUrls: ['https://github.com/kubernetes-incubator/external-dns'],
    summary: {
      en: 'Controller that watches Services, Ingresses and Gateway routes and publishes matching records to external DNS providers such as Route 53, Cloud DNS or Azure DNS, so public names follow what runs in the cluster.',
      zh: '一个控制器：监视 Service、Ingress 与 Gateway 路由，把对应记录同步到 Route 53、Cloud DNS、Azure DNS 等外部 DNS 服务，让对外域名随集群内的应用自动更新。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from kubernetes-incubator to kubernetes-sigs in October 2019 (kubernetes/org#1286, kubernetes-sigs/external-dns PR #1245)',
    },
  },
  {
    id: 'kube-dns',
    title: 'Kubernetes DNS (kube-dns)',
    url: 'https://github.com/kubernetes/dns',
    authors: ['Kubernetes SIG Network'],
    kind: 'repo',
    category: 'dns',
    topics: ['dns', 'service-discovery', 'history'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'Repository of kube-dns, the original cluster DNS add-on built from SkyDNS code, dnsmasq and a sidecar; read it to understand older clusters and the kube-dns Service name that CoreDNS still answers to.',
      zh: 'kube-dns 的仓库。它是最早的集群 DNS 插件，由 SkyDNS 代码、dnsmasq 与 sidecar 组成。读它可以理解老集群的做法，以及 CoreDNS 至今沿用的 kube-dns Service 名称。',
    },
    status: {
      state: 'superseded',
      by: 'coredns',
      reason: {
        en: 'CoreDNS went GA and became the kubeadm default in Kubernetes 1.11 and the recommended cluster DNS from 1.12; kube-dns is legacy.',
        zh: 'CoreDNS 在 Kubernetes 1.11 达到 GA 并成为 kubeadm 默认，自 1.12 起成为推荐的集群 DNS，kube-dns 成为历史方案。',
      },
      checked: CHECKED,
      source:
        'Kubernetes docs "Customizing DNS Service": CoreDNS GA and kubeadm default in 1.11, recommended over kube-dns as of 1.12 (stored copies); kubernetes/kubeadm#843. The 1.13 release announcement was not found in stored copies; only secondary articles (cloud.tencent.com, 2024) date the general default to 1.13',
    },
  },
  {
    id: 'skydns',
    title: 'SkyDNS',
    url: 'https://github.com/skynetservices/skydns',
    authors: ['Miek Gieben', 'Brian Ketelsen', 'Erik St. Martin'],
    kind: 'repo',
    category: 'dns',
    topics: ['dns', 'service-discovery', 'history'],
    language: 'en',
    year: 2013,
    summary: {
      en: 'Early service-discovery DNS server that answered A and SRV queries from records stored in etcd; the ancestor of kube-dns and CoreDNS, worth reading for how DNS-based discovery started.',
      zh: '早期的服务发现 DNS 服务器，根据 etcd 中的记录应答 A 与 SRV 查询。它是 kube-dns 与 CoreDNS 的前身，可以从中看到基于 DNS 的服务发现是如何起步的。',
    },
    status: {
      state: 'superseded',
      by: 'coredns',
      reason: {
        en: "SkyDNS's author wrote CoreDNS as its replacement; CoreDNS's etcd plugin serves SkyDNS-style records.",
        zh: 'SkyDNS 的作者另写了 CoreDNS 作为替代，CoreDNS 的 etcd 插件可继续提供 SkyDNS 风格的记录。',
      },
      checked: CHECKED,
      source:
        'skynetservices/skydns issue #296 (2016): author miekg points users to CoreDNS as the replacement; kubernetes/enhancements#427 calls CoreDNS the successor to SkyDNS. No GitHub archive flag confirmed',
    },
  },
  {
    id: 'weavedns',
    title: 'How to use weaveDNS',
    url: 'https://github.com/weaveworks/weave/blob/master/site/tasks/weavedns/weavedns.md',
    authors: ['Weaveworks'],
    kind: 'docs',
    category: 'dns',
    topics: ['dns', 'docker', 'service-discovery'],
    language: 'en',
    year: 2015,
    seedUrls: ['https://www.weave.works/docs/net/latest/tasks/weavedns/weavedns/'],
    summary: {
      en: 'Documentation of weaveDNS, the embedded DNS that let containers on a Weave network find each other by name; kept in the archived Weave repository now that the original site is gone.',
      zh: 'weaveDNS 的文档。weaveDNS 是内嵌在 Weave 网络中的 DNS，让容器能按名称互相发现。原网站已关闭，文档保存在已归档的 Weave 仓库中。',
    },
    status: {
      state: 'archived',
      note: {
        en: 'Part of Weave Net, archived after Weaveworks closed in 2024; weave.works no longer serves the docs.',
        zh: '属于 Weave Net，随 Weaveworks 于 2024 年倒闭而归档，weave.works 已不再提供文档。',
      },
      checked: CHECKED,
      source:
        'File present in weaveworks/weave site/ folder (code index); weaveworks/weave issue #4003 (2024): docs site went down with the company; cncf/landscape PR #4023 (2024-09): Weave repos archived',
    },
  },
  {
    id: 'nacos',
    title: 'Nacos',
    url: 'https://nacos.io/',
    authors: ['Alibaba', 'Nacos community'],
    kind: 'tool',
    category: 'dns',
    topics: ['service-discovery', 'dns'],
    language: 'en',
    year: 2018,
    addedByGuide: true,
    summary: {
      en: "Alibaba's open-source service registry and configuration centre, common in Spring Cloud and Dubbo systems in China; compare it with cluster DNS to see registry-based discovery outside Kubernetes.",
      zh: '阿里巴巴开源的服务注册与配置中心，在国内 Spring Cloud 与 Dubbo 体系中十分常见。与集群 DNS 对照阅读，可以理解 Kubernetes 之外基于注册中心的服务发现。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'nacos.io project site; alibaba/nacos remains an active open-source project (no archive notice found)',
    },
  },
  {
    id: 'polaris-mesh',
    title: 'Polaris (北极星)',
    url: 'https://github.com/polarismesh/polaris',
    authors: ['Tencent', 'PolarisMesh community'],
    kind: 'repo',
    category: 'dns',
    topics: ['service-discovery', 'service-mesh', 'load-balancing'],
    language: 'en',
    year: 2021,
    addedByGuide: true,
    summary: {
      en: "Tencent's open-source name service and governance centre: registry, health checks, routing, rate limiting and circuit breaking, usable through SDKs, framework integrations or a sidecar; the 'Polaris' of the Chinese seed outline.",
      zh: '腾讯开源的北极星，集服务注册、健康检查、路由、限流与熔断于一体，可通过 SDK、框架集成或 sidecar 接入，正是中文种子大纲中“名字服务 Polaris”所指的项目。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'polarismesh/polaris README (GitHub org PolarisMesh, website polarismesh.cn); v1.18.1 published May 2024 on pkg.go.dev',
    },
  },
];

export default references;
