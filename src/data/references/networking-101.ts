import type {Reference} from './types';

const checked = '2026-11-22';

const references: Reference[] = [
  {
    id: 'destroy-all-software-network-protocols',
    title: 'Network Protocols',
    url: 'https://www.destroyallsoftware.com/compendium/network-protocols?share_key=97d3ba4c24d21147',
    authors: ['Gary Bernhardt'],
    kind: 'article',
    category: 'networking-101',
    topics: ['fundamentals'],
    language: 'en',
    summary: {
      en: 'A compact walk up the network stack, from reliable delivery over lossy links to addressing and routing, written for programmers who have never studied networking formally.',
      zh: '面向没有系统学过网络的程序员，用一篇短文从不可靠链路上的可靠传输讲到寻址与路由，快速补齐协议栈的基本概念。',
    },
    status: {
      state: 'active',
      checked,
      evidence: {
        urls: ['https://www.destroyallsoftware.com/compendium/network-protocols?share_key=97d3ba4c24d21147'],
        note: 'Still published at its own address.',
      },
    },
  },
  {
    id: 'mbrt-demystifying-container-networking',
    title: 'Demystifying container networking',
    url: 'https://blog.mbrt.dev/2017-10-01-demystifying-container-networking/',
    authors: ['Michele Bertasi'],
    kind: 'article',
    category: 'networking-101',
    topics: ['namespaces', 'veth', 'bridge', 'overlay'],
    language: 'en',
    year: 2017,
    summary: {
      en: 'Rebuilds what a container runtime does by hand: network namespaces, veth pairs, a bridge, NAT and finally a multi-host overlay, so the reader sees that container networking is ordinary Linux plumbing.',
      zh: '作者亲手用网络命名空间、veth 对、网桥、NAT 以及跨主机 overlay 复现容器网络，帮助读者看清容器网络不过是 Linux 的常规组件拼装。',
    },
    status: {
      state: 'active',
      checked,
      evidence: {
        urls: ['https://blog.mbrt.dev/2017-10-01-demystifying-container-networking/'],
        note: 'Still published at its own address.',
      },
    },
    seedUrls: [
      'https://blog.mbrt.it/2017-10-01-demystifying-container-networking/',
      'http://blog.mbrt.it/2017-10-01-demystifying-container-networking/',
    ],
  },
  {
    id: 'liblb-load-balancing-study',
    title: 'An Empirical Study of Load Balancing Algorithms',
    url: 'http://liblb.com/study.html',
    authors: ['Khalid Lafi'],
    kind: 'article',
    category: 'networking-101',
    topics: ['load-balancing'],
    language: 'en',
    summary: {
      en: 'Compares round robin, two random choices, consistent hashing and bounded-load consistent hashing on a day of real traffic, showing the trade-off between even load and cache affinity.',
      zh: '用一天的真实流量对比轮询、双随机选择、一致性哈希与有界负载一致性哈希，直观展示负载均衡中“负载均匀”和“缓存亲和”之间的取舍。',
    },
    status: {
      state: 'active',
      checked,
      evidence: {urls: ['http://liblb.com/study.html'], note: 'Still published at its own address.'},
    },
    seedUrls: ['http://liblb.com/learn.html'],
  },
  {
    id: 'jvns-container-networking-overview',
    title: 'A container networking overview',
    url: 'https://jvns.ca/blog/2016/12/22/container-networking/',
    authors: ['Julia Evans'],
    kind: 'article',
    category: 'networking-101',
    topics: ['overlay', 'routing', 'fundamentals'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'A friendly map of the many ways containers get connected: routes, encapsulation, and the daemons that distribute them, good as a first read before any specific CNI plugin.',
      zh: 'Julia Evans 用轻松的笔调梳理容器互联的几种方式：路由、封装以及分发路由的守护进程，适合在研究具体 CNI 插件之前先读一遍。',
    },
    status: {
      state: 'active',
      checked,
      evidence: {urls: ['https://jvns.ca/blog/2016/12/22/container-networking/'], note: 'Still published at its own address.'},
    },
    addedByGuide: true,
  },
];

export default references;
