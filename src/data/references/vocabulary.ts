/**
 * The controlled vocabularies of the reference catalogue. Chapters cite
 * references by these same topic ids, so a topic is never spelled two ways.
 */

export type Bilingual = {en: string; zh: string};

export const KINDS = {
  article: {en: 'Article', zh: '文章'},
  docs: {en: 'Documentation', zh: '文档'},
  spec: {en: 'Specification', zh: '规范'},
  book: {en: 'Book', zh: '图书'},
  paper: {en: 'Paper', zh: '论文'},
  talk: {en: 'Talk', zh: '演讲'},
  video: {en: 'Video', zh: '视频'},
  slides: {en: 'Slides', zh: '幻灯片'},
  tool: {en: 'Tool', zh: '工具'},
  course: {en: 'Course', zh: '课程'},
  repo: {en: 'Repository', zh: '代码仓库'},
} as const satisfies Record<string, Bilingual>;
export type Kind = keyof typeof KINDS;

export const LANGUAGES = {
  en: {en: 'English', zh: '英文'},
  zh: {en: 'Chinese', zh: '中文'},
} as const satisfies Record<string, Bilingual>;
export type Language = keyof typeof LANGUAGES;

export const STATUSES = {
  active: {en: 'Active', zh: '仍在维护'},
  archived: {en: 'Archived', zh: '已归档'},
  superseded: {en: 'Superseded', zh: '已被取代'},
  unreachable: {en: 'Unreachable', zh: '无法访问'},
} as const satisfies Record<string, Bilingual>;
export type StatusState = keyof typeof STATUSES;

/** Categories follow the structure of the seed reading lists; the order here is the sidebar order. */
export const CATEGORIES = {
  'networking-101': {
    en: 'Networking 101',
    zh: '网络基础',
    intro: {
      en: 'Protocols, addressing and load balancing: the general networking background that container networking assumes.',
      zh: '协议、寻址与负载均衡：理解容器网络之前需要的通用网络知识。',
    },
  },
  'linux-kernel': {
    en: 'Linux kernel',
    zh: 'Linux 内核',
    intro: {
      en: 'Namespaces, cgroups, virtual devices, netfilter and the kernel network stack: the parts every container network is built from.',
      zh: '命名空间、cgroups、虚拟网络设备、netfilter 与内核协议栈：所有容器网络都由这些部件搭成。',
    },
  },
  docker: {
    en: 'Docker',
    zh: 'Docker',
    intro: {
      en: "Docker's network model, its drivers and the debate between the CNM and CNI standards.",
      zh: 'Docker 的网络模型、各种网络驱动，以及 CNM 与 CNI 两种标准之争。',
    },
  },
  'kubernetes-docs': {
    en: 'Kubernetes: official documentation',
    zh: 'Kubernetes：官方文档',
    intro: {
      en: 'The Kubernetes project’s own documentation, specifications and design records for networking.',
      zh: 'Kubernetes 项目自己的网络文档、规范与设计记录。',
    },
  },
  'kubernetes-articles': {
    en: 'Kubernetes: articles and talks',
    zh: 'Kubernetes：文章与演讲',
    intro: {
      en: 'Explanations, tutorials and conference talks from practitioners about Kubernetes networking.',
      zh: '一线工程师撰写的 Kubernetes 网络讲解、教程与大会演讲。',
    },
  },
  'sdn-cni': {
    en: 'Tooling: SDN and CNI plugins',
    zh: '工具：SDN 与 CNI 插件',
    intro: {
      en: 'The projects that give pods and containers their network: CNI plugins, overlays and software-defined networking.',
      zh: '为 Pod 和容器提供网络的项目：CNI 插件、overlay 网络与软件定义网络（SDN）。',
    },
  },
  dns: {
    en: 'Tooling: DNS',
    zh: '工具：DNS',
    intro: {
      en: 'Cluster DNS servers and the tools that publish Services to DNS.',
      zh: '集群 DNS 服务器，以及把 Service 发布到 DNS 的工具。',
    },
  },
  proxies: {
    en: 'Tooling: proxies and load balancers',
    zh: '工具：代理与负载均衡',
    intro: {
      en: 'Reverse proxies, service proxies and load balancers, inside the cluster and at its edge.',
      zh: '集群内部与边缘的反向代理、服务代理和负载均衡器。',
    },
  },
  'ingress-gateways': {
    en: 'Tooling: ingress and gateways',
    zh: '工具：Ingress 与网关',
    intro: {
      en: 'Ingress controllers, Gateway API implementations and API gateways that bring outside traffic into a cluster.',
      zh: '把集群外流量引入集群的 Ingress 控制器、Gateway API 实现与 API 网关。',
    },
  },
  'service-mesh': {
    en: 'Tooling: service meshes',
    zh: '工具：服务网格',
    intro: {
      en: 'Service meshes and the proxies they are built on.',
      zh: '服务网格，以及它们所依赖的代理。',
    },
  },
  'other-tools': {
    en: 'Tooling: other',
    zh: '工具：其他',
    intro: {
      en: 'Testing, certificates, provisioning, observability and libraries that sit around container networks.',
      zh: '围绕容器网络的测试、证书、装机、可观测性工具与程序库。',
    },
  },
  'books-papers': {
    en: 'Books and papers',
    zh: '图书与论文',
    intro: {
      en: 'Books and papers for readers who want the full depth of the Linux network stack and of container networking.',
      zh: '想深入 Linux 网络协议栈与容器网络的读者可以读的图书和论文。',
    },
  },
  'chinese-reading': {
    en: 'Chinese-language reading',
    zh: '中文资料',
    intro: {
      en: 'Articles, notes and talks written in Chinese, for readers of Chinese and for anyone following the Chinese cloud-native community.',
      zh: '中文撰写的文章、笔记与演讲，适合中文读者，也适合关注国内云原生社区的读者。',
    },
  },
} as const satisfies Record<string, Bilingual & {intro: Bilingual}>;
export type CategoryId = keyof typeof CATEGORIES;

/** Topics are shared by the catalogue and by chapters' "Further reading" lists. */
export const TOPICS = {
  fundamentals: {en: 'Networking fundamentals', zh: '网络基础'},
  history: {en: 'History', zh: '历史'},
  runtimes: {en: 'Container runtimes', zh: '容器运行时'},
  namespaces: {en: 'Namespaces', zh: '命名空间'},
  cgroups: {en: 'cgroups', zh: 'cgroups'},
  veth: {en: 'veth and TUN/TAP', zh: 'veth 与 TUN/TAP'},
  bridge: {en: 'Linux bridge', zh: 'Linux 网桥'},
  routing: {en: 'Routing', zh: '路由'},
  netfilter: {en: 'Netfilter, iptables, nftables', zh: 'Netfilter、iptables、nftables'},
  conntrack: {en: 'Connection tracking', zh: '连接跟踪'},
  tc: {en: 'Traffic control', zh: '流量控制'},
  overlay: {en: 'Overlay networks and VXLAN', zh: 'Overlay 网络与 VXLAN'},
  ovs: {en: 'Open vSwitch', zh: 'Open vSwitch'},
  virtio: {en: 'VirtIO and VM networking', zh: 'VirtIO 与虚拟机网络'},
  'linux-stack': {en: 'Linux network stack', zh: 'Linux 网络协议栈'},
  ebpf: {en: 'eBPF', zh: 'eBPF'},
  docker: {en: 'Docker networking', zh: 'Docker 网络'},
  cnm: {en: 'Container Network Model', zh: '容器网络模型 (CNM)'},
  cni: {en: 'CNI', zh: 'CNI'},
  ipam: {en: 'IP address management', zh: 'IP 地址管理'},
  'network-model': {en: 'Kubernetes network model', zh: 'Kubernetes 网络模型'},
  'pod-networking': {en: 'Pod networking', zh: 'Pod 网络'},
  services: {en: 'Services', zh: 'Service'},
  'kube-proxy': {en: 'kube-proxy', zh: 'kube-proxy'},
  'load-balancing': {en: 'Load balancing', zh: '负载均衡'},
  dns: {en: 'DNS', zh: 'DNS'},
  ingress: {en: 'Ingress', zh: 'Ingress'},
  'gateway-api': {en: 'Gateway API', zh: 'Gateway API'},
  'network-policy': {en: 'NetworkPolicy', zh: '网络策略'},
  'service-discovery': {en: 'Service discovery', zh: '服务发现'},
  'service-mesh': {en: 'Service mesh', zh: '服务网格'},
  proxies: {en: 'Proxies', zh: '代理'},
  sdn: {en: 'SDN', zh: 'SDN'},
  bgp: {en: 'BGP', zh: 'BGP'},
  'multi-cluster': {en: 'Multi-cluster', zh: '多集群'},
  'dual-stack': {en: 'IPv6 and dual-stack', zh: 'IPv6 与双栈'},
  security: {en: 'Security and TLS', zh: '安全与 TLS'},
  observability: {en: 'Observability', zh: '可观测性'},
  troubleshooting: {en: 'Troubleshooting', zh: '故障排查'},
} as const satisfies Record<string, Bilingual>;
export type Topic = keyof typeof TOPICS;
