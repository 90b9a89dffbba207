import type {Reference} from './types';

const CHECKED = '2026-11-22';

const references: Reference[] = [
  {
    id: 'conduit',
    title: 'Conduit',
    url: 'https://conduit.io/',
    authors: ['Buoyant'],
    kind: 'tool',
    category: 'service-mesh',
    topics: ['service-mesh', 'proxies', 'history'],
    language: 'en',
    year: 2017,
    summary: {
      en: "Buoyant's lightweight Kubernetes service mesh with a Rust data plane and Go control plane, announced in 2017; merged into Linkerd in 2018, it lives on as Linkerd 2.",
      zh: 'Buoyant 于 2017 年推出的轻量级 Kubernetes 服务网格，数据面用 Rust、控制面用 Go 编写；2018 年并入 Linkerd 项目，延续为 Linkerd 2。',
    },
    status: {
      state: 'superseded',
      by: 'linkerd2',
      reason: {
        en: 'Conduit was merged into the Linkerd project and released as Linkerd 2 in July 2018; Conduit 0.5.0 was its last release.',
        zh: 'Conduit 于 2018 年 7 月并入 Linkerd 项目并以 Linkerd 2 发布，0.5.0 是其最后一个版本。',
      },
      checked: CHECKED,
      evidence: {
        urls: ['https://www.infoq.com/news/2018/07/conduit-merges-linkerd2/'],
        note: 'InfoQ, July 2018: Conduit merged into the Linkerd project and released as Linkerd 2 (beta); Conduit 0.5.0 was its last release.',
      },
    },
  },
  {
    id: 'istio',
    title: 'Istio',
    url: 'https://istio.io/',
    authors: ['Istio project'],
    kind: 'tool',
    category: 'service-mesh',
    topics: ['service-mesh', 'security', 'proxies', 'gateway-api'],
    language: 'en',
    year: 2017,
    summary: {
      en: 'Home of Istio, the service mesh that adds mutual TLS, traffic management, policy and telemetry to Kubernetes workloads, with Envoy sidecars or the sidecar-less ambient mode; its concepts pages are a good mesh primer.',
      zh: 'Istio 官网。Istio 为 Kubernetes 工作负载提供双向 TLS、流量管理、策略与遥测，既可使用 Envoy 边车，也可使用无边车的 ambient 模式；其概念文档是很好的服务网格入门材料。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      evidence: {urls: ['https://istio.io/'], note: 'Still published at its own address.'},
    },
  },
  {
    id: 'linkerd',
    title: 'Linkerd',
    url: 'https://linkerd.io/',
    authors: ['Buoyant', 'Linkerd project'],
    kind: 'tool',
    category: 'service-mesh',
    topics: ['service-mesh', 'security', 'observability'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'Site of Linkerd, the CNCF service mesh that began as a JVM proxy and since 2.0 uses a small Rust micro-proxy; known for automatic mTLS, golden metrics and low operational overhead.',
      zh: 'Linkerd 官网。这个 CNCF 服务网格最初是基于 JVM 的代理，自 2.0 起改用小巧的 Rust 微代理，以自动 mTLS、黄金指标和较低的运维负担著称。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      evidence: {urls: ['https://linkerd.io/'], note: 'Still published at its own address.'},
    },
  },
  {
    id: 'linkerd2',
    title: 'Linkerd 2 (linkerd/linkerd2)',
    url: 'https://github.com/linkerd/linkerd2',
    authors: ['Buoyant', 'Linkerd project'],
    kind: 'repo',
    category: 'service-mesh',
    topics: ['service-mesh', 'proxies', 'security'],
    language: 'en',
    year: 2018,
    addedByGuide: true,
    summary: {
      en: 'Source of Linkerd 2, the rewrite that absorbed Conduit: a Go control plane and the Rust linkerd2-proxy injected as a sidecar; read it to see how a mesh injects, identifies and observes pods.',
      zh: 'Linkerd 2 的源码仓库，这次重写吸收了 Conduit：控制面用 Go 编写，数据面是以边车注入的 Rust 代理 linkerd2-proxy。可从中了解服务网格如何注入、标识并观测 Pod。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      evidence: {urls: ['https://github.com/linkerd/linkerd2'], note: 'Still published at its own address.'},
    },
  },
  {
    id: 'istio-ambient-mode',
    title: 'Istio ambient mode: Overview',
    url: 'https://istio.io/latest/docs/ambient/overview/',
    authors: ['Istio project'],
    kind: 'docs',
    category: 'service-mesh',
    topics: ['service-mesh', 'security', 'proxies'],
    language: 'en',
    year: 2022,
    addedByGuide: true,
    summary: {
      en: "Explains Istio's sidecar-less data plane: a per-node ztunnel handles layer 4 mTLS and routing, and optional per-namespace waypoint proxies add layer 7 features; ambient mode became generally available in Istio 1.24.",
      zh: '讲解 Istio 无边车的数据面：每个节点上的 ztunnel 负责四层 mTLS 与转发，按需部署的命名空间级 waypoint 代理提供七层功能。ambient 模式已在 Istio 1.24 中正式发布（GA）。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      evidence: {urls: ['https://istio.io/latest/docs/ambient/overview/'], note: 'Still published at its own address.'},
    },
  },
  {
    id: 'istio-hbone',
    title: 'Istio documentation: HBONE',
    url: 'https://istio.io/latest/docs/ambient/architecture/hbone/',
    authors: ['Istio project'],
    kind: 'docs',
    category: 'service-mesh',
    topics: ['service-mesh', 'security', 'proxies'],
    language: 'en',
    year: 2023,
    addedByGuide: true,
    summary: {
      en: "Istio's HTTP-Based Overlay Network Environment: HTTP CONNECT for the tunnel, mTLS for its identities and encryption, HTTP/2 to multiplex application connections, one tunnel per pair of identities, and port 15008 on ztunnel and waypoints.",
      zh: 'Istio 的 HBONE（基于 HTTP 的 overlay 网络环境）：用 HTTP CONNECT 建立隧道，用 mTLS 提供身份与加密，用 HTTP/2 复用多条应用连接；每对身份一条隧道，ztunnel 与 waypoint 在 15008 端口监听。',
    },
    status: {
      state: 'active',
      checked: '2026-12-07',
      evidence: {urls: ['https://istio.io/latest/docs/ambient/architecture/hbone/'], note: 'Still published at its own address.'},
    },
  },
];

export default references;
