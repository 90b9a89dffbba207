/**
 * Which docs each reading path on the home page visits, in order. The words
 * (titles, audiences, step labels) are in reading-paths.ts as translate()
 * calls, where write-translations can find them; this half imports nothing
 * from Docusaurus, so the tests can load it and check every step against
 * reading-path-docs.schema.ts.
 */
import type {ReadingPathDocs} from './reading-path-docs.schema';

export type {ReadingPathDocs};

const paths = [
  {id: 'newcomer', steps: ['linux/network-namespaces', 'docker/bridge-mode', 'kubernetes/network-model', 'kubernetes/services']},
  {id: 'operator', steps: ['cni/container-network-interface', 'kubernetes/kube-proxy', 'kubernetes/dns', 'kubernetes/network-policy']},
  {id: 'reading-list', steps: ['references/index', 'references/kubernetes-docs', 'references/chinese-reading']},
] as const satisfies readonly ReadingPathDocs[];

/** The ids, as literal types, so reading-paths.ts cannot miss the words for a path or a step. */
export type ReadingPathId = (typeof paths)[number]['id'];
export type StepDocId = (typeof paths)[number]['steps'][number];

export const READING_PATHS: typeof paths = paths;
