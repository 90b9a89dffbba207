/**
 * The networking features whose stage the guide states, and when each stage
 * came: the one place a stage is written. Chapters cite a feature with
 * `<Feature id="…" />` (src/features/timeline/remark.ts) and /timeline lists
 * them release by release. Every stage rests on a public source; a stage
 * nobody could check is left out rather than guessed.
 */
import {parseTimelineData, type TimelineInput} from './features.schema';

const data: TimelineInput = {
  kubernetesReleases: [
    // Months where no source seen gives the day; a month is enough to order the timeline.
    {version: '1.21', date: '2021-04', source: 'https://kubernetes.io/releases/'},
    {version: '1.23', date: '2021-12', source: 'https://kubernetes.io/releases/'},
    {version: '1.26', date: '2022-12-08', source: 'https://github.com/kubernetes/enhancements/pull/3972'},
    {version: '1.27', date: '2023-04', source: 'https://kubernetes.io/releases/'},
    {version: '1.28', date: '2023-08', source: 'https://kubernetes.io/releases/'},
    {version: '1.29', date: '2023-12', source: 'https://kubernetes.io/releases/'},
    {version: '1.30', date: '2024-04', source: 'https://kubernetes.io/releases/1.30/'},
    {version: '1.31', date: '2024-08', source: 'https://kubernetes.io/releases/'},
    {version: '1.32', date: '2024-12-11', source: 'https://kubernetes.io/blog/2024/12/11/kubernetes-v1-32-release/'},
    {version: '1.33', date: '2025-04', source: 'https://kubernetes.io/releases/1.33/'},
    {version: '1.34', date: '2025-08', source: 'https://kubernetes.io/releases/1.34'},
    {version: '1.35', date: '2025-12', source: 'https://kubernetes.io/releases/1.35'},
    {version: '1.36', date: '2026-04-22', source: 'https://kubernetes.io/releases/1.36/'},
    {version: '1.37', date: '2026-08-26', source: 'https://kubernetes.io/releases/1.37/'},
  ],
  features: [
    {
      id: 'kube-proxy-nftables',
      name: {en: 'kube-proxy nftables mode', zh: 'kube-proxy 的 nftables 模式'},
      kep: 3866,
      sources: [
        'https://raw.githubusercontent.com/kubernetes/enhancements/master/keps/sig-network/3866-nftables-proxy/kep.yaml',
        'https://github.com/kubernetes/enhancements/issues/3866',
      ],
      chapters: ['kubernetes/kube-proxy', 'kubernetes/follow-a-packet', 'linux/netfilter'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.29'},
        {stage: 'beta', project: 'kubernetes', version: '1.31'},
        {stage: 'ga', project: 'kubernetes', version: '1.33'},
      ],
    },
    {
      id: 'kube-proxy-ipvs-deprecation',
      name: {en: 'kube-proxy IPVS mode', zh: 'kube-proxy 的 IPVS 模式'},
      kep: 5495,
      sources: [
        'https://raw.githubusercontent.com/kubernetes/enhancements/master/keps/sig-network/5495-deprecate-ipvs-mode-in-kube-proxy/kep.yaml',
        'https://kubernetes.dev/resources/keps/5495',
      ],
      chapters: ['kubernetes/kube-proxy', 'kubernetes/follow-a-packet'],
      stages: [{stage: 'deprecated', project: 'kubernetes', version: '1.35'}],
    },
    {
      id: 'minimize-iptables-restore',
      name: {en: 'MinimizeIPTablesRestore (partial iptables syncs)', zh: 'MinimizeIPTablesRestore（iptables 部分同步）'},
      kep: 3453,
      sources: [
        'https://github.com/kubernetes/enhancements/pull/3972',
        'https://github.com/kubernetes/kubernetes/commit/423f62d69a2d5417225f4f31bca800f675d3702e',
      ],
      chapters: ['kubernetes/kube-proxy'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.26'},
        {stage: 'beta', project: 'kubernetes', version: '1.27'},
        {stage: 'ga', project: 'kubernetes', version: '1.28'},
      ],
    },
    {
      id: 'endpointslice',
      name: {en: 'EndpointSlice API', zh: 'EndpointSlice API'},
      kep: 752,
      sources: ['https://kubernetes.io/blog/2025/04/24/endpoints-deprecation'],
      chapters: ['kubernetes/services'],
      stages: [{stage: 'ga', project: 'kubernetes', version: '1.21'}],
    },
    {
      id: 'endpoints-deprecation',
      name: {en: 'v1 Endpoints API', zh: 'v1 Endpoints API'},
      kep: 4974,
      sources: ['https://kubernetes.io/blog/2025/04/24/endpoints-deprecation', 'https://www.kubernetes.dev/resources/keps/4974/'],
      chapters: ['kubernetes/services'],
      stages: [{stage: 'deprecated', project: 'kubernetes', version: '1.33'}],
    },
    {
      id: 'traffic-distribution',
      name: {en: 'Service trafficDistribution', zh: 'Service 的 trafficDistribution'},
      kep: 4444,
      sources: ['https://github.com/kubernetes/kubernetes/pull/130673', 'https://github.com/kubernetes/enhancements/issues/4444'],
      chapters: ['kubernetes/service-traffic-steering'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.30'},
        {stage: 'beta', project: 'kubernetes', version: '1.31'},
        {stage: 'ga', project: 'kubernetes', version: '1.33'},
      ],
    },
    {
      id: 'load-balancer-ip-mode',
      name: {en: 'LoadBalancer IP mode (ipMode)', zh: 'LoadBalancer 的 IP 模式（ipMode）'},
      kep: 1860,
      sources: ['https://github.com/kubernetes/kubernetes/pull/127348', 'https://github.com/kubernetes/website/pull/43476'],
      chapters: ['kubernetes/internet-to-service'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.29'},
        {stage: 'beta', project: 'kubernetes', version: '1.30'},
        {stage: 'ga', project: 'kubernetes', version: '1.32'},
      ],
    },
    {
      id: 'traffic-distribution-prefer-same',
      name: {
        en: 'trafficDistribution: PreferSameZone and PreferSameNode',
        zh: 'trafficDistribution：PreferSameZone 与 PreferSameNode',
      },
      kep: 3015,
      sources: ['https://www.kubernetes.dev/resources/keps/3015/', 'https://github.com/kubernetes/enhancements/issues/3015'],
      chapters: ['kubernetes/service-traffic-steering'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.33'},
        {stage: 'beta', project: 'kubernetes', version: '1.34'},
        {stage: 'ga', project: 'kubernetes', version: '1.35'},
      ],
    },
    {
      id: 'internal-traffic-policy',
      name: {en: 'Service internalTrafficPolicy', zh: 'Service 的 internalTrafficPolicy'},
      kep: 2086,
      sources: [
        'https://kubernetes.io/docs/concepts/services-networking/service-traffic-policy/',
        'https://www.kubernetes.dev/resources/keps/2086/',
      ],
      chapters: ['kubernetes/service-traffic-steering'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.21'},
        {stage: 'ga', project: 'kubernetes', version: '1.26'},
      ],
    },
    {
      id: 'dual-stack',
      name: {en: 'IPv4/IPv6 dual-stack', zh: 'IPv4/IPv6 双栈'},
      kep: 563,
      sources: ['https://github.com/kubernetes/enhancements/issues/563'],
      chapters: ['today/ipv6-dual-stack'],
      stages: [{stage: 'ga', project: 'kubernetes', version: '1.23'}],
    },
    {
      id: 'multiple-service-cidrs',
      name: {en: 'Multiple Service CIDRs (ServiceCIDR API)', zh: '多个 Service 网段（ServiceCIDR API）'},
      kep: 1880,
      sources: [
        'https://support.huaweicloud.com/eu/bulletin-cce/cce_bulletin_0105.html',
        'https://github.com/kubernetes/enhancements/issues/1880',
      ],
      chapters: ['kubernetes/services'],
      stages: [{stage: 'ga', project: 'kubernetes', version: '1.33'}],
    },
    {
      id: 'sidecar-containers',
      name: {en: 'Sidecar containers', zh: '边车容器'},
      kep: 753,
      sources: [
        'https://kubernetes.io/docs/tutorials/configuration/pod-sidecar-containers/',
        'https://github.com/kubernetes/enhancements/issues/753',
      ],
      chapters: ['kubernetes/container-to-container', 'kubernetes/service-mesh'],
      stages: [
        {stage: 'alpha', project: 'kubernetes', version: '1.28'},
        {stage: 'beta', project: 'kubernetes', version: '1.29'},
        {stage: 'ga', project: 'kubernetes', version: '1.33'},
      ],
    },
    {
      id: 'gateway-api-v1',
      name: {en: 'Gateway API: Gateway, GatewayClass and HTTPRoute', zh: 'Gateway API：Gateway、GatewayClass 与 HTTPRoute'},
      sources: [
        'https://github.com/kubernetes-sigs/gateway-api/releases/tag/v1.0.0',
        'https://kubernetes.io/blog/2023/10/31/gateway-api-ga/',
      ],
      chapters: ['today/gateway-api', 'kubernetes/internet-to-service'],
      stages: [{stage: 'ga', project: 'gateway-api', version: 'v1.0', date: '2023-10-31'}],
    },
    {
      id: 'ingress-nginx-retirement',
      name: {en: 'ingress-nginx controller', zh: 'ingress-nginx 控制器'},
      sources: ['https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/', 'https://github.com/kubernetes/ingress-nginx'],
      chapters: ['kubernetes/internet-to-service', 'today/gateway-api'],
      stages: [{stage: 'retired', project: 'ingress-nginx', version: 'v1.15.1', date: '2026-03'}],
    },
    {
      id: 'wireguard-mainline',
      name: {en: 'WireGuard in the mainline kernel', zh: '主线内核中的 WireGuard'},
      sources: ['https://www.stackscale.com/blog/linux-5-6-wireguard-vpn/'],
      chapters: ['today/encryption'],
      stages: [{stage: 'released', project: 'linux', version: '5.6', date: '2020-03'}],
    },
    {
      id: 'netkit',
      name: {en: 'netkit devices', zh: 'netkit 设备'},
      sources: ['https://lwn.net/Articles/949960/'],
      chapters: ['linux/veth-and-tuntap', 'linux/packet-path'],
      stages: [{stage: 'released', project: 'linux', version: '6.7', date: '2024-01'}],
    },
  ],
};

export const timeline = parseTimelineData(data);
export const {features, kubernetesReleases} = timeline;
