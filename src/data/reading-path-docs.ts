/**
 * Which docs each reading path visits, in order: the one place that order
 * lives. The home page's path cards, the path lists of "How to read this
 * guide" and the "Next on your path" line at the end of each step's chapter
 * (src/features/reading-paths/) all read it. The words (titles, audiences,
 * step labels) are in reading-paths.ts as translate() calls, where
 * write-translations can find them; this half imports nothing from
 * Docusaurus, so the tests can load it and check every step against
 * reading-path-docs.schema.ts.
 *
 * A step comes after the chapters it builds on: Docker's bridge mode is read
 * after the Linux bridge and Netfilter, whose bridges, chains and NAT it
 * assembles.
 */
import type {ReadingPathDocs} from './reading-path-docs.schema';

export type {ReadingPathDocs};

const paths = [
  {
    id: 'newcomer',
    steps: [
      'linux/networking-essentials',
      'linux/network-namespaces',
      'linux/linux-bridge',
      'linux/netfilter',
      'docker/bridge-mode',
      'kubernetes/network-model',
      'kubernetes/pod-to-pod',
      'kubernetes/services',
    ],
  },
  {
    id: 'operator',
    steps: [
      'cni/container-network-interface',
      'kubernetes/pod-to-pod',
      'kubernetes/kube-proxy',
      'kubernetes/service-traffic-steering',
      'kubernetes/dns',
      'kubernetes/network-policy',
      'kubernetes/follow-a-packet',
      'something-is-broken',
    ],
  },
  {
    id: 'today',
    steps: [
      'today/ebpf-data-planes',
      'today/ipv6-dual-stack',
      'today/gateway-api',
      'today/encryption',
      'today/multiple-networks',
      'today/managed-clouds',
    ],
  },
  {id: 'reading-list', steps: ['references/index', 'references/kubernetes-docs', 'references/chinese-reading']},
  {id: 'incident', steps: ['something-is-broken', 'kubernetes/troubleshooting', 'kubernetes/follow-a-packet']},
] as const satisfies readonly ReadingPathDocs[];

/** The ids, as literal types, so reading-paths.ts cannot miss the words for a path or a step. */
export type ReadingPathId = (typeof paths)[number]['id'];
export type StepDocId = (typeof paths)[number]['steps'][number];

export const READING_PATHS: typeof paths = paths;
