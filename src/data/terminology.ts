/**
 * One Chinese rendering per term. Every Chinese page, every zh summary, note
 * and reason of the reference catalogue and i18n/zh-Hans/code.json write a
 * term as `zh` and never as one of its `rejected` spellings;
 * tests/unit/terminology.test.ts checks it (code, commands and quoted command
 * output excepted) and that CONTRIBUTING.md shows this table as it is here.
 * An English gloss in full-width parentheses after the rendering at first use,
 * 边车（sidecar）, is the guide's convention and is not a rejected spelling.
 * Validated by terminology.schema.ts.
 */
import type {Term} from './terminology.schema';

export type {Term};

export const terminology = [
  {
    en: 'control plane',
    zh: '控制面',
    rejected: ['控制平面'],
  },
  {
    en: 'data plane',
    zh: '数据面',
    rejected: ['数据平面'],
  },
  {
    en: 'data path, datapath',
    zh: '数据通路',
    rejected: ['数据路径'],
    note: 'The way packets take through the kernel or a plugin; a packet’s route across the network is still 路径.',
  },
  {
    en: 'hairpin (the bridge port flag: hairpin mode)',
    zh: '发夹（网桥端口的标志：发夹模式）',
    rejected: ['hairpin 模式', '回环访问', 'hairpin'],
    allowed: ['hairpinMode', 'hairpin_mode', 'hairpin on'],
    note: 'Docker’s hairpin NAT is 发夹 NAT; `hairpin on` in commands and the bridge plugin’s `hairpinMode` option stay as they are.',
  },
  {
    en: 'sidecar',
    zh: '边车',
    rejected: ['sidecar'],
    allowed: ['sidecar-redirect', 'SidecarContainers'],
    note: 'English “sidecar” only in code and in names (the lab sidecar-redirect, the feature gate SidecarContainers); a native sidecar container is 原生边车容器.',
  },
  {
    en: 'overlay (network)',
    zh: 'overlay 网络',
    rejected: ['叠加网络', '覆盖网络'],
    note: 'overlay also stays English before another noun: overlay 模式, overlay 驱动.',
  },
  {
    en: 'Service CIDR, Pod CIDR, a CIDR block of a cluster or a network',
    zh: '网段（Service 网段、Pod 网段）',
    rejected: ['地址段', '地址范围'],
    note: 'Any address block written as a CIDR, cluster-wide or per node; a range that is not a CIDR is said as what it is (可分配的地址).',
  },
  {
    en: 'selector, label selector',
    zh: '选择算符（标签选择算符）',
    rejected: ['选择器'],
    note: 'The Kubernetes zh-cn documentation’s term; `selector` and `Selector` as field names stay in code.',
  },
  {
    en: 'API server',
    zh: 'API 服务器',
    rejected: ['API server'],
    note: 'The program keeps its name, kube-apiserver.',
  },
  {
    en: 'SNAT',
    zh: '源地址转换（SNAT）',
    rejected: ['源 NAT'],
    note: 'Written 源地址转换（SNAT） at first use on a page, then SNAT or 源地址转换.',
  },
  {
    en: 'DNAT',
    zh: '目的地址转换（DNAT）',
    rejected: ['目的 NAT', '目标 NAT'],
    note: 'Written 目的地址转换（DNAT） at first use on a page, then DNAT or 目的地址转换.',
  },
  {
    en: 'headless Service',
    zh: '无头 Service',
    rejected: ['无头服务'],
  },
  {
    en: 'veth pair',
    zh: 'veth 对',
    rejected: ['虚拟网卡对'],
    allowed: ['veth 对（虚拟网卡对）'],
    note: '虚拟网卡对 only once, in the parentheses of the glossary’s heading, so that a reader who knows that word finds the entry.',
  },
  {
    en: 'Pitfalls and troubleshooting (the heading)',
    zh: '常见陷阱与排错',
    rejected: ['常见陷阱与排查'],
    note: 'Every chapter’s `## 常见陷阱与排错 {#pitfalls-and-troubleshooting}`, as “How to read this guide” tells readers to look for it.',
  },
  {
    en: 'bare metal',
    zh: '裸金属',
    rejected: ['裸机'],
  },
  {
    en: 'latency',
    zh: '延迟',
    rejected: ['时延'],
  },
  {
    en: 'entry of a table (conntrack, FDB, neighbour table, route, map)',
    zh: '表项',
    rejected: [
      'conntrack 条目',
      '连接跟踪条目',
      'FDB 条目',
      '邻居表条目',
      '转发表条目',
      '路由条目',
      '两条条目',
      '最大条目数',
      '最久未用条目',
      '映射里加一个条目',
      '没有这个 Service 的条目',
    ],
    note: '条目 only for catalogue entries and the items of a list (a `containers` list, `hostAliases`, a hosts file). The rejected spellings are the collocations the guide had; a new one is a review matter.',
  },
  {
    en: 'GA (general availability)',
    zh: '正式发布（GA）',
    rejected: ['正式可用', '正式 GA', '成为稳定版', '进入稳定版'],
    note: 'Written 正式发布（GA） at the first GA of a page, then GA (1.33 起 GA, 进入 GA); a catalogue summary stands alone and writes GA.',
    why: 'GA is the word release notes and feature gates use, and it keeps a sentence short; spelling it out once tells a newcomer what it means.',
  },
] as const satisfies readonly Term[];
