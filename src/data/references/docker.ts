import type {Reference} from './types';

const checked = '2026-11-22';

const references: Reference[] = [
  {
    id: 'docker-docs-networking-overview',
    title: 'Networking overview',
    url: 'https://docs.docker.com/engine/network/',
    authors: ['Docker Inc.'],
    kind: 'docs',
    category: 'docker',
    topics: ['docker', 'bridge', 'cnm'],
    language: 'en',
    summary: {
      en: "Docker's current networking documentation: user-defined networks, the bridge, host, overlay, ipvlan, macvlan and none drivers, published ports and container DNS.",
      zh: 'Docker 当前的网络文档：介绍用户自定义网络，bridge、host、overlay、ipvlan、macvlan、none 等驱动，以及端口发布和容器内 DNS。',
    },
    status: {
      state: 'active',
      checked,
      source:
        'docs.docker.com networking section now under /engine/network/ (drivers page stored at /engine/network/drivers); the old /network/ path still served (stored copy); bit.ly/1JXWf2R spelled out by seed 000',
    },
    seedUrls: ['https://docs.docker.com/network/', 'http://bit.ly/1JXWf2R'],
  },
  {
    id: 'linuxjournal-docker-networking',
    title: "Concerning Containers' Connections: on Docker Networking",
    url: 'https://www.linuxjournal.com/content/concerning-containers-connections-docker-networking',
    authors: ['Federico Kereki'],
    kind: 'article',
    category: 'docker',
    topics: ['docker', 'bridge'],
    language: 'en',
    year: 2015,
    summary: {
      en: "A Linux Journal tour of Docker's early networking modes and port mapping, showing what each mode does to the host's interfaces and iptables.",
      zh: 'Linux Journal 的文章，介绍 Docker 早期的几种网络模式与端口映射，并说明每种模式对宿主机网卡和 iptables 的影响。',
    },
    status: {
      state: 'active',
      checked,
      source:
        'Linux Journal address given in full by seed 000 (seed 001 uses bit.ly/1JXWfjl); article syndicated on linuxtoday.com (stored copy)',
    },
    seedUrls: ['http://bit.ly/1JXWfjl'],
  },
  {
    id: 'verloy-unifying-container-vm-networking',
    title: 'Unifying Docker Container and VM networking',
    url: 'http://filipv.net/2015/11/06/unifying-docker-container-and-vm-networking/',
    authors: ['Filip Verloy'],
    kind: 'article',
    category: 'docker',
    topics: ['docker', 'sdn', 'ovs'],
    language: 'en',
    year: 2015,
    summary: {
      en: 'Shows containers and virtual machines attached to the same SDN overlay through Open vSwitch, so both kinds of workload get the same network and security policy.',
      zh: '演示如何通过 Open vSwitch 把容器和虚拟机接入同一个 SDN overlay 网络，让两类工作负载共享同样的网络与安全策略。',
    },
    status: {
      state: 'active',
      checked,
      source: 'filipv.net tag pages (stored copies) still carry the post; address spelled out by seed 000 for bit.ly/1JuCDs5',
    },
    seedUrls: ['http://bit.ly/1JuCDs5'],
  },
  {
    id: 'letting-go-docker-networking',
    title: 'Letting Go: Docker Networking and Knowing When Enough Is Enough',
    url: 'http://bit.ly/1TEXFVr',
    authors: [],
    kind: 'article',
    category: 'docker',
    topics: ['docker'],
    language: 'en',
    summary: {
      en: 'An opinion piece from the early libnetwork days on how much networking a container engine should take on itself; kept for its place in the original reading list.',
      zh: '一篇写于 libnetwork 早期的观点文章，讨论容器引擎应当自己承担多少网络功能；因其出现在原书的阅读清单中而保留。',
    },
    status: {
      state: 'unreachable',
      checked,
      archiveUrl: 'https://web.archive.org/web/2016/http://bit.ly/1TEXFVr',
      source:
        'Only the short link is known: no seed spells out its target and no stored copy or mention of the article was found; the archive address is the Web Archive record of the short link',
    },
  },
  {
    id: 'nuage-cnm-vs-cni',
    title: 'The Tale of Two Container Networking Standards: CNM v. CNI',
    url: 'https://www.nuagenetworks.net/blog/container-networking-standards/',
    authors: ['Harmeet Sahni'],
    kind: 'article',
    category: 'docker',
    topics: ['cnm', 'cni'],
    language: 'en',
    year: 2016,
    summary: {
      en: "Compares Docker's Container Network Model with the Container Network Interface: who proposed each, how a plugin is called, and why Kubernetes went with CNI.",
      zh: '对比 Docker 的容器网络模型（CNM）与容器网络接口（CNI）：两者由谁提出、插件如何被调用，以及 Kubernetes 最终选择 CNI 的原因。',
    },
    status: {
      state: 'active',
      checked,
      source: 'Stored copy of www.nuagenetworks.net/blog/container-networking-standards/ (https)',
    },
    seedUrls: ['http://www.nuagenetworks.net/blog/container-networking-standards/'],
  },
  {
    id: 'docker-docs-packet-filtering-firewalls',
    title: 'Packet filtering and firewalls',
    url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
    authors: ['Docker Inc.'],
    kind: 'docs',
    category: 'docker',
    topics: ['docker', 'netfilter', 'security'],
    language: 'en',
    summary: {
      en: 'How Docker Engine programs the host firewall for bridge networks and published ports, where the DOCKER-USER chain fits, and how to keep your own rules from being bypassed.',
      zh: '说明 Docker Engine 如何为 bridge 网络和发布端口配置宿主机防火墙、DOCKER-USER 链的位置，以及如何避免自定义规则被绕过。',
    },
    status: {
      state: 'active',
      checked,
      source: 'docs.docker.com page linked from the stored Networking overview and from the nftables page',
    },
    addedByGuide: true,
  },
  {
    id: 'docker-docs-nftables',
    title: 'Docker with nftables',
    url: 'https://docs.docker.com/engine/network/firewall-nftables/',
    authors: ['Docker Inc.'],
    kind: 'docs',
    category: 'docker',
    topics: ['docker', 'netfilter'],
    language: 'en',
    year: 2025,
    summary: {
      en: 'Documents the experimental nftables firewall backend added in Docker Engine 29: the tables Docker creates, the firewall-backend option, and how to migrate DOCKER-USER rules.',
      zh: '介绍 Docker Engine 29 引入的实验性 nftables 防火墙后端：Docker 创建的表、firewall-backend 配置项，以及如何迁移 DOCKER-USER 链中的规则。',
    },
    status: {
      state: 'active',
      checked,
      source:
        'Stored docs.docker.com page (and docker/docs source): nftables support introduced in Docker 29.0.0 (Nov 2025) as experimental, not yet for Swarm overlay networks',
    },
    addedByGuide: true,
  },
  {
    id: 'docker-docs-bridge-driver',
    title: 'Bridge network driver',
    url: 'https://docs.docker.com/engine/network/drivers/bridge/',
    authors: ['Docker Inc.'],
    kind: 'docs',
    category: 'docker',
    topics: ['docker', 'bridge'],
    language: 'en',
    summary: {
      en: "Reference for Docker's default driver: the default bridge versus user-defined bridges, name resolution between containers, and per-network options such as MTU and IPv6.",
      zh: 'Docker 默认网络驱动的参考文档：对比默认网桥与用户自定义网桥、容器之间的名称解析，以及 MTU、IPv6 等网络级选项。',
    },
    status: {state: 'active', checked, source: 'Linked from the stored docs.docker.com network drivers page ("See Bridge network driver")'},
    addedByGuide: true,
  },
];

export default references;
