import type {Reference} from './types';

const CHECKED = '2026-11-22';

const references: Reference[] = [
  {
    id: 'netassert',
    title: 'NetAssert',
    url: 'https://github.com/controlplaneio/netassert',
    authors: ['ControlPlane'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['network-policy', 'security', 'troubleshooting'],
    language: 'en',
    year: 2018,
    summary: {
      en: 'Tests that network policies and firewalls really allow or block the traffic you expect between pods, deployments and external hosts; v2 is a Go rewrite that injects ephemeral containers and reads tests from YAML.',
      zh: '用来验证网络策略与防火墙是否真的按预期放行或阻断 Pod、Deployment 与外部主机之间的流量。v2 版用 Go 重写，通过临时容器执行测试，测试用例以 YAML 编写。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'controlplaneio/netassert README: NetAssert v2 rewrite using ephemeral containers; v2.0.3 published Nov 2023 (pkg.go.dev), packaged in nixpkgs',
    },
  },
  {
    id: 'go-iptables',
    title: 'go-iptables',
    url: 'https://github.com/coreos/go-iptables',
    authors: ['CoreOS'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['netfilter'],
    language: 'en',
    year: 2015,
    summary: {
      en: 'Go wrapper around the iptables command for appending, deleting and listing rules and chains; used by CNI plugins and many network agents, and a compact illustration of why tools shell out to iptables.',
      zh: '对 iptables 命令的 Go 封装，可追加、删除、列出规则与链，被 CNI 插件及众多网络组件使用，也简洁地说明了为什么这些工具要调用 iptables 命令行。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'coreos/go-iptables README (stored copy) with a GitHub Actions build workflow; still a dependency of CNI plugins',
    },
  },
  {
    id: 'matchbox',
    title: 'Matchbox',
    url: 'https://github.com/poseidon/matchbox',
    authors: ['Dalton Hubble', 'CoreOS', 'Poseidon'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['fundamentals'],
    language: 'en',
    year: 2015,
    seedUrls: ['https://github.com/coreos/matchbox'],
    summary: {
      en: 'Service that matches bare-metal machines to profiles and serves iPXE scripts and Ignition configs for network boot; the provisioning layer under Typhoon-style bare-metal Kubernetes clusters.',
      zh: '一个把裸机与配置档案匹配起来、并为网络启动提供 iPXE 脚本和 Ignition 配置的服务，是 Typhoon 一类裸机 Kubernetes 集群底层的装机组件。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from coreos/matchbox to poseidon/matchbox (issues corpus files its threads under poseidon/matchbox; v0.9.1 notes PR #982, 2022, and CoreOS no longer manages the project per terraform-provider-matchbox PR #47)',
    },
  },
  {
    id: 'cert-manager',
    title: 'cert-manager',
    url: 'https://github.com/cert-manager/cert-manager',
    authors: ['Jetstack', 'cert-manager project'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['security', 'ingress'],
    language: 'en',
    year: 2017,
    seedUrls: ['https://github.com/jetstack/cert-manager/'],
    summary: {
      en: "CNCF controller that issues and renews TLS certificates inside Kubernetes from ACME (Let's Encrypt), Vault or private CAs, and wires them into Ingress and Gateway resources.",
      zh: "CNCF 旗下的控制器，在 Kubernetes 内部从 ACME（Let's Encrypt）、Vault 或私有 CA 签发并续期 TLS 证书，并把证书接入 Ingress 与 Gateway 资源。",
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from jetstack/cert-manager to cert-manager/cert-manager (cert-manager issue #3451, PR #3702; Kong testing framework PR #669, 2023, updates the module path)',
    },
  },
  {
    id: 'skydive',
    title: 'Skydive',
    url: 'https://github.com/skydive-project/skydive',
    authors: ['Red Hat', 'Skydive project'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['observability', 'troubleshooting', 'ovs'],
    language: 'en',
    year: 2015,
    seedUrls: ['http://skydive-project.github.io/skydive/'],
    summary: {
      en: 'Real-time network topology and flow analyzer whose agents collect interfaces, namespaces, OVS bridges and flows into a live graph; an instructive design, but little maintained today.',
      zh: '实时网络拓扑与流量分析器，各节点代理收集网卡、命名空间、OVS 网桥和流信息并汇成实时拓扑图。其设计很有启发，但如今已很少维护。',
    },
    status: {
      state: 'archived',
      note: {
        en: "Only minimal maintenance since about 2022; former contributors moved to Red Hat's netobserv project.",
        zh: '大约自 2022 年起只做最低限度的维护，原贡献者已转向 Red Hat 的 netobserv 项目。',
      },
      checked: CHECKED,
      source:
        'skydive-project/skydive issue #2417 (2022) "is this project dead?"; issue #2442 (2024-04) maintainer: "mostly doing the bare minimal in terms of maintenance", team moved to netobserv. Repository not confirmed archived on GitHub',
    },
  },
  {
    id: 'hubble',
    title: 'Hubble',
    url: 'https://github.com/cilium/hubble',
    authors: ['Cilium project'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['observability', 'ebpf', 'troubleshooting'],
    language: 'en',
    year: 2019,
    addedByGuide: true,
    summary: {
      en: 'The observability layer of Cilium: eBPF-collected flow logs with pod and service identities, DNS and HTTP visibility, a CLI and UI; the quickest way to see which packets a policy drops and why.',
      zh: 'Cilium 的可观测性组件：基于 eBPF 采集带有 Pod 与 Service 身份的流日志，提供 DNS、HTTP 可见性以及命令行与图形界面，是查看策略丢弃了哪些包、为何丢弃的最快途径。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'cilium/hubble repository; hubble 1.18.x packaged on openSUSE OBS; "Setting up Hubble Observability" on docs.cilium.io stable (docs corpus)',
    },
  },
  {
    id: 'netshoot',
    title: 'netshoot',
    url: 'https://github.com/nicolaka/netshoot',
    authors: ['Nicola Kabar'],
    kind: 'repo',
    category: 'other-tools',
    topics: ['troubleshooting', 'namespaces', 'dns'],
    language: 'en',
    year: 2017,
    addedByGuide: true,
    summary: {
      en: 'A container image packed with network tools (tcpdump, dig, iperf, curl, iproute2 and more) that you attach to a pod, container or host network namespace, for example with kubectl debug; the README doubles as a troubleshooting tutorial.',
      zh: '预装大量网络工具（tcpdump、dig、iperf、curl、iproute2 等）的容器镜像，可借助 kubectl debug 等方式接入 Pod、容器或主机的网络命名空间；其 README 本身就是一篇排障教程。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'nicolaka/netshoot README (raw copy in docs corpus) with kubectl debug quick start; widely used in 2024-2026 tooling',
    },
  },
];

export default references;
