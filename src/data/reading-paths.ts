import {translate} from '@docusaurus/Translate';
import {READING_PATHS, type ReadingPathDocs, type ReadingPathId, type StepDocId} from './reading-path-docs';

export interface PathStep {
  /** The doc that teaches this step (a unit test checks that it exists in both locales). */
  docId: StepDocId;
  label: string;
}

export type ReadingPath = Omit<ReadingPathDocs, 'steps'> & {title: string; audience: string; steps: PathStep[]};

/** Called during render: translate() needs the current locale. The docs of each path are in reading-path-docs.ts. */
export function readingPaths(): ReadingPath[] {
  const words: Record<ReadingPathId, {title: string; audience: string}> = {
    newcomer: {
      title: translate({id: 'home.path.newcomer.title', message: 'New to container networking'}),
      audience: translate({
        id: 'home.path.newcomer.audience',
        message: 'From one isolated network stack to a Kubernetes Service, each step building on the last.',
      }),
    },
    operator: {
      title: translate({id: 'home.path.operator.title', message: 'Running clusters'}),
      audience: translate({
        id: 'home.path.operator.audience',
        message: 'For operators who need to know which component moves the packet, and how to see it.',
      }),
    },
    'reading-list': {
      title: translate({id: 'home.path.readingList.title', message: 'Just the reading list'}),
      audience: translate({
        id: 'home.path.readingList.audience',
        message: 'The curated catalogue: every link of the classic reading lists, with what still holds and what replaced the rest.',
      }),
    },
  };
  const labels: Record<StepDocId, string> = {
    'linux/network-namespaces': translate({id: 'home.step.namespaces', message: 'Network namespaces'}),
    'docker/bridge-mode': translate({id: 'home.step.dockerBridge', message: 'Docker’s bridge network'}),
    'kubernetes/network-model': translate({id: 'home.step.k8sModel', message: 'The Kubernetes network model'}),
    'kubernetes/services': translate({id: 'home.step.services', message: 'Services'}),
    'cni/container-network-interface': translate({id: 'home.step.cni', message: 'The Container Network Interface'}),
    'kubernetes/kube-proxy': translate({id: 'home.step.kubeProxy', message: 'kube-proxy and its replacements'}),
    'kubernetes/dns': translate({id: 'home.step.dns', message: 'DNS in Kubernetes'}),
    'kubernetes/network-policy': translate({id: 'home.step.networkPolicy', message: 'NetworkPolicy'}),
    'references/index': translate({id: 'home.step.readingLists', message: 'Reading lists by category'}),
    'references/kubernetes-docs': translate({id: 'home.step.k8sDocs', message: 'Kubernetes: official documentation'}),
    'references/chinese-reading': translate({id: 'home.step.chinese', message: 'Chinese-language reading'}),
  };
  return READING_PATHS.map((path) => ({
    id: path.id,
    ...words[path.id],
    steps: path.steps.map((docId) => ({docId, label: labels[docId]})),
  }));
}
