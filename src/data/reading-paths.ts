import {translate} from '@docusaurus/Translate';

export interface PathStep {
  /** The doc that teaches this step (a unit test checks that it exists in both locales). */
  docId: string;
  label: string;
}

export interface ReadingPath {
  id: string;
  title: string;
  audience: string;
  steps: PathStep[];
}

/** Called during render: translate() needs the current locale. */
export function readingPaths(): ReadingPath[] {
  return [
    {
      id: 'newcomer',
      title: translate({id: 'home.path.newcomer.title', message: 'New to container networking'}),
      audience: translate({id: 'home.path.newcomer.audience', message: 'From one isolated network stack to a Kubernetes Service, each step building on the last.'}),
      steps: [
        {docId: 'linux/network-namespaces', label: translate({id: 'home.step.namespaces', message: 'Network namespaces'})},
        {docId: 'docker/bridge-mode', label: translate({id: 'home.step.dockerBridge', message: 'Docker’s bridge network'})},
        {docId: 'kubernetes/network-model', label: translate({id: 'home.step.k8sModel', message: 'The Kubernetes network model'})},
        {docId: 'kubernetes/services', label: translate({id: 'home.step.services', message: 'Services'})},
      ],
    },
    {
      id: 'operator',
      title: translate({id: 'home.path.operator.title', message: 'Running clusters'}),
      audience: translate({id: 'home.path.operator.audience', message: 'For operators who need to know which component moves the packet, and how to see it.'}),
      steps: [
        {docId: 'cni/container-network-interface', label: translate({id: 'home.step.cni', message: 'The Container Network Interface'})},
        {docId: 'kubernetes/kube-proxy', label: translate({id: 'home.step.kubeProxy', message: 'kube-proxy and its replacements'})},
        {docId: 'kubernetes/dns', label: translate({id: 'home.step.dns', message: 'DNS in Kubernetes'})},
        {docId: 'kubernetes/network-policy', label: translate({id: 'home.step.networkPolicy', message: 'NetworkPolicy'})},
      ],
    },
    {
      id: 'reading-list',
      title: translate({id: 'home.path.readingList.title', message: 'Just the reading list'}),
      audience: translate({id: 'home.path.readingList.audience', message: 'The curated catalogue: every link of the classic reading lists, with what still holds and what replaced the rest.'}),
      steps: [
        {docId: 'references/index', label: translate({id: 'home.step.readingLists', message: 'Reading lists by category'})},
        {docId: 'references/kubernetes-docs', label: translate({id: 'home.step.k8sDocs', message: 'Kubernetes: official documentation'})},
        {docId: 'references/chinese-reading', label: translate({id: 'home.step.chinese', message: 'Chinese-language reading'})},
      ],
    },
  ];
}
