import {translate} from '@docusaurus/Translate';
import {READING_PATHS, type ReadingPathId, type StepDocId} from './reading-path-docs';

export interface PathStep {
  /** The doc that teaches this step (a unit test checks that it exists in both locales). */
  docId: StepDocId;
  label: string;
}

export interface ReadingPath {
  id: ReadingPathId;
  title: string;
  audience: string;
  steps: PathStep[];
}

/** Called during render: translate() needs the current locale. The docs of each path are in reading-path-docs.ts. */
export function readingPaths(): ReadingPath[] {
  const words: Record<ReadingPathId, {title: string; audience: string}> = {
    newcomer: {
      title: translate({id: 'home.path.newcomer.title', message: 'New to container networking'}),
      audience: translate({
        id: 'home.path.newcomer.audience',
        message: 'From addresses, routes and one isolated network stack to a Kubernetes Service, each step building on the last.',
      }),
    },
    operator: {
      title: translate({id: 'home.path.operator.title', message: 'Running clusters'}),
      audience: translate({
        id: 'home.path.operator.audience',
        message: 'For operators who need to know which component moves the packet, and how to see it.',
      }),
    },
    today: {
      title: translate({id: 'home.path.today.title', message: 'Today’s clusters'}),
      audience: translate({
        id: 'home.path.today.audience',
        message:
          'For operators of clusters built in 2026: eBPF instead of kube-proxy, two address families, Gateway API, encrypted links, pods on several networks, and the clouds’ own CNI plugins.',
      }),
    },
    incident: {
      title: translate({id: 'home.path.incident.title', message: 'Something is broken'}),
      audience: translate({
        id: 'home.path.incident.audience',
        message:
          'For operators in the middle of an incident: start from what you see, run the checks in order, then follow the packet hop by hop.',
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
    'linux/networking-essentials': translate({id: 'home.step.essentials', message: 'Networking essentials'}),
    'linux/network-namespaces': translate({id: 'home.step.namespaces', message: 'Network namespaces'}),
    'linux/linux-bridge': translate({id: 'home.step.linuxBridge', message: 'The Linux bridge'}),
    'linux/netfilter': translate({id: 'home.step.netfilter', message: 'Netfilter: iptables and nftables'}),
    'docker/bridge-mode': translate({id: 'home.step.dockerBridge', message: 'Docker’s bridge network'}),
    'kubernetes/network-model': translate({id: 'home.step.k8sModel', message: 'The Kubernetes network model'}),
    'kubernetes/pod-to-pod': translate({id: 'home.step.podToPod', message: 'Pod to Pod'}),
    'kubernetes/services': translate({id: 'home.step.services', message: 'Services'}),
    'cni/container-network-interface': translate({id: 'home.step.cni', message: 'The Container Network Interface'}),
    'kubernetes/kube-proxy': translate({id: 'home.step.kubeProxy', message: 'kube-proxy and its replacements'}),
    'kubernetes/service-traffic-steering': translate({id: 'home.step.trafficSteering', message: 'Steering Service traffic'}),
    'kubernetes/dns': translate({id: 'home.step.dns', message: 'DNS in Kubernetes'}),
    'kubernetes/network-policy': translate({id: 'home.step.networkPolicy', message: 'NetworkPolicy'}),
    'kubernetes/follow-a-packet': translate({id: 'home.step.followAPacket', message: 'Follow a packet through a cluster'}),
    'something-is-broken': translate({id: 'home.step.somethingIsBroken', message: 'Something is broken: start from the symptom'}),
    'kubernetes/troubleshooting': translate({id: 'home.step.troubleshooting', message: 'The troubleshooting playbook'}),
    'today/ebpf-data-planes': translate({id: 'home.step.ebpf', message: 'eBPF data planes'}),
    'today/ipv6-dual-stack': translate({id: 'home.step.ipv6', message: 'IPv6 and dual-stack'}),
    'today/gateway-api': translate({id: 'home.step.gatewayApi', message: 'Gateway API, and leaving ingress-nginx'}),
    'today/encryption': translate({id: 'home.step.encryption', message: 'Encryption between nodes'}),
    'today/multiple-networks': translate({id: 'home.step.multipleNetworks', message: 'More than one network'}),
    'today/managed-clouds': translate({id: 'home.step.managedClouds', message: 'Managed clouds'}),
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
