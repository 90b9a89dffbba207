import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import {CATEGORIES} from './src/data/references/vocabulary';

/**
 * One sidebar, in reading order. Category labels are translated in
 * i18n/zh-Hans/docusaurus-plugin-content-docs/current.json (keys
 * `sidebar.guide.category.<label>`), so each category needs a stable key.
 */
const sidebars: SidebarsConfig = {
  guide: [
    'how-to-read',
    'something-is-broken',
    {
      type: 'category',
      label: 'Linux foundations',
      key: 'linux',
      collapsed: false,
      items: [
        'linux/networking-essentials',
        'linux/network-namespaces',
        'linux/veth-and-tuntap',
        'linux/linux-bridge',
        'linux/routing-and-forwarding',
        'linux/netfilter',
        'linux/cgroups-and-the-network',
        'linux/traffic-control',
        'linux/vxlan-overlays',
        'linux/open-vswitch',
        'linux/virtio-and-vhost',
        'linux/packet-path',
      ],
    },
    {
      type: 'category',
      label: 'Docker and CNI',
      key: 'docker-cni',
      collapsed: false,
      items: [
        'docker/docker-networking',
        'docker/bridge-mode',
        'docker/multi-host',
        'cni/container-network-interface',
        'cni/cni-protocol',
        'cni/chaining-plugins',
        'cni/cnm-vs-cni',
        'cni/plugin-landscape',
      ],
    },
    {
      type: 'category',
      label: 'Kubernetes networking',
      key: 'kubernetes',
      collapsed: false,
      items: [
        'kubernetes/kubernetes-for-networkers',
        'kubernetes/network-model',
        'kubernetes/container-to-container',
        'kubernetes/pod-to-pod',
        'kubernetes/services',
        'kubernetes/service-traffic-steering',
        'kubernetes/kube-proxy',
        'kubernetes/dns',
        'kubernetes/internet-to-service',
        'kubernetes/network-policy',
        'kubernetes/cluster-to-cluster',
        'kubernetes/service-discovery',
        'kubernetes/service-mesh',
        'kubernetes/follow-a-packet',
        'kubernetes/troubleshooting',
        'kubernetes/glossary',
      ],
    },
    {
      type: 'category',
      label: 'Today’s data planes',
      key: 'today',
      collapsed: false,
      items: [
        'today/ebpf-data-planes',
        'today/ipv6-dual-stack',
        'today/gateway-api',
        'today/encryption',
        'today/rootless-containers',
        'today/multiple-networks',
        'today/managed-clouds',
      ],
    },
    {
      type: 'category',
      label: 'References',
      key: 'references',
      collapsed: true,
      link: {type: 'doc', id: 'references/index'},
      items: Object.keys(CATEGORIES).map((id) => `references/${id}`),
    },
  ],
};

export default sidebars;
