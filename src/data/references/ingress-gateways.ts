import type {Reference} from './types';

const CHECKED = '2026-11-22';

const references: Reference[] = [
  {
    id: 'ambassador-api-gateway',
    title: 'Ambassador API Gateway',
    url: 'https://www.getambassador.io/',
    authors: ['Datawire', 'Ambassador Labs'],
    kind: 'tool',
    category: 'ingress-gateways',
    topics: ['ingress', 'proxies', 'gateway-api'],
    language: 'en',
    year: 2017,
    summary: {
      en: "Datawire's Kubernetes-native API gateway on Envoy, configured through annotations and later CRDs; the seed lists it as one of the first Envoy-based edge gateways. The site now sells the commercial Ambassador Edge Stack.",
      zh: 'Datawire 基于 Envoy 打造的 Kubernetes 原生 API 网关，先用注解、后用 CRD 配置，是种子清单中最早的一批 Envoy 边缘网关之一。该网站如今主要介绍商业产品 Ambassador Edge Stack。',
    },
    status: {
      state: 'superseded',
      by: 'emissary-ingress',
      reason: {
        en: 'The open-source Ambassador API Gateway was renamed Emissary-ingress and joined the CNCF in 2021; Ambassador Edge Stack is the commercial superset.',
        zh: '开源的 Ambassador API Gateway 于 2021 年更名为 Emissary-ingress 并加入 CNCF，Ambassador Edge Stack 是其商业增强版。',
      },
      checked: CHECKED,
      source:
        'datawire/ambassador README on pkg.go.dev: "Emissary Ingress (formerly known as the Ambassador API Gateway)", Edge Stack a superset; cncf/toc PR #435 (2021) approved Emissary-ingress for incubation',
    },
  },
  {
    id: 'contour',
    title: 'Contour',
    url: 'https://github.com/projectcontour/contour',
    authors: ['Heptio', 'VMware', 'Contour project'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'gateway-api', 'proxies'],
    language: 'en',
    year: 2017,
    seedUrls: ['https://github.com/heptio/contour'],
    summary: {
      en: 'CNCF ingress controller that runs Envoy as its data plane, with its own HTTPProxy CRD for delegated routing and support for Gateway API; a clear example of a control plane translating Kubernetes objects into xDS.',
      zh: 'CNCF 旗下的 Ingress 控制器，以 Envoy 为数据面，提供支持路由委派的 HTTPProxy CRD，并实现了 Gateway API，是“控制面把 Kubernetes 对象翻译成 xDS 配置”的清晰范例。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from heptio/contour to projectcontour/contour in September 2019 when the Heptio org shut down (projectcontour/contour#1472); CNCF landscape metadata updated 2026-08 (cncf/landscape PR #5080)',
    },
  },
  {
    id: 'coreos-alb-ingress-controller',
    title: 'AWS ALB Ingress Controller (CoreOS)',
    url: 'https://github.com/coreos/alb-ingress-controller',
    authors: ['CoreOS', 'Ticketmaster'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'load-balancing'],
    language: 'en',
    year: 2017,
    summary: {
      en: 'The original controller that turned Kubernetes Ingress objects into AWS Application Load Balancers; of historical interest as the starting point of the controller AWS now maintains.',
      zh: '最早把 Kubernetes Ingress 对象转换为 AWS 应用负载均衡器（ALB）的控制器，如今主要作为 AWS 现行控制器的起点而具有历史意义。',
    },
    status: {
      state: 'superseded',
      by: 'aws-load-balancer-controller',
      reason: {
        en: 'The project moved to kubernetes-sigs/aws-alb-ingress-controller and was renamed AWS Load Balancer Controller with its v2 release in 2020.',
        zh: '项目先迁至 kubernetes-sigs/aws-alb-ingress-controller，2020 年随 v2 版本更名为 AWS Load Balancer Controller。',
      },
      checked: CHECKED,
      source:
        'kubernetes/website PR #24777 (2020-10): AWS ALB Ingress Controller renamed AWS Load Balancer Controller; aws-load-balancer-controller PR #1441 (2020-09) package rename; kubernetes/community PR #7032',
    },
  },
  {
    id: 'kube-router',
    title: 'Kube-router',
    url: 'https://www.kube-router.io/',
    authors: ['Cloudnative Labs', 'kube-router project'],
    kind: 'tool',
    category: 'ingress-gateways',
    topics: ['kube-proxy', 'bgp', 'network-policy', 'routing'],
    language: 'en',
    year: 2017,
    summary: {
      en: 'A single daemon that does pod routing with BGP, an IPVS-based service proxy that can replace kube-proxy (with DSR), and iptables/ipset network policy; useful for seeing all three jobs handled without an overlay.',
      zh: '一个守护进程同时完成三件事：用 BGP 做 Pod 路由、用 IPVS 实现可取代 kube-proxy 的服务代理（支持 DSR）、用 iptables/ipset 执行网络策略，可借此了解不依赖 overlay 的实现方式。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'kube-router.io remains the project site for cloudnativelabs/kube-router; no archive notice found in the issues corpus (weak evidence: no recent release checked)',
    },
  },
  {
    id: 'k8s-ingress-concept',
    title: 'Ingress',
    url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    authors: ['Kubernetes project'],
    kind: 'docs',
    category: 'ingress-gateways',
    topics: ['ingress', 'services', 'load-balancing'],
    language: 'en',
    year: 2015,
    summary: {
      en: 'The Kubernetes concept page for the Ingress API: rules, path types, TLS, IngressClass and the need for a controller. The API is frozen and the page points to Gateway API for new work.',
      zh: 'Kubernetes 关于 Ingress API 的概念页：规则、路径类型、TLS、IngressClass，以及为何必须有控制器。该 API 已冻结，页面建议新工作改用 Gateway API。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'kubernetes.io Ingress page cited as current in the 2025-11-11 ingress-nginx retirement post; Ingress API stable and feature-frozen per Gateway API migration docs (docs corpus)',
    },
  },
  {
    id: 'ingress-gce',
    title: 'kubernetes/ingress-gce',
    url: 'https://github.com/kubernetes/ingress-gce',
    authors: ['Kubernetes SIG Network', 'Google'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'load-balancing'],
    language: 'en',
    year: 2017,
    seedUrls: ['https://github.com/kubernetes/ingress-gce/'],
    summary: {
      en: 'The controller behind GKE Ingress, which maps Ingress and Service objects onto Google Cloud HTTP(S) load balancers and network endpoint groups; shows how a cloud ingress differs from an in-cluster proxy.',
      zh: 'GKE Ingress 背后的控制器，把 Ingress 与 Service 对象映射为 Google Cloud HTTP(S) 负载均衡器与网络端点组（NEG），可以看出云厂商 Ingress 与集群内代理的区别。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Repository under the kubernetes org still serves GKE Ingress; no retirement or archive notice found (GKE networking recipes reference it through 2023)',
    },
  },
  {
    id: 'ingress-nginx',
    title: 'Ingress NGINX Controller',
    url: 'https://github.com/kubernetes/ingress-nginx',
    authors: ['Kubernetes SIG Network'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'proxies', 'history'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'The community NGINX-based ingress controller that became the de facto default for Kubernetes; still worth reading to understand annotations, snippets and why its flexibility turned into a security burden.',
      zh: '社区维护、基于 NGINX 的 Ingress 控制器，曾是 Kubernetes 事实上的默认选择。阅读它有助于理解注解与 snippet 机制，以及这种灵活性为何最终成了安全负担。',
    },
    status: {
      state: 'superseded',
      by: 'gateway-api-implementations',
      reason: {
        en: 'Retired in March 2026 after best-effort maintenance ended; the repository is read-only. SIG Network recommends migrating to a Gateway API implementation or another Ingress controller.',
        zh: '尽力维护期结束后于 2026 年 3 月退役，仓库转为只读。SIG Network 建议迁移到 Gateway API 的某个实现或其他 Ingress 控制器。',
      },
      checked: CHECKED,
      source:
        'Kubernetes blog 2025-11-11 "Ingress NGINX Retirement: What You Need to Know" (stored zh copy, kubernetes.io/zh-cn/blog/2025/11/11/ingress-nginx-retirement/): maintenance stops March 2026, repo becomes read-only, Gateway API recommended',
    },
  },
  {
    id: 'nginx-kubernetes-ingress',
    title: 'NGINX Ingress Controller (F5 NGINX)',
    url: 'https://github.com/nginx/kubernetes-ingress',
    authors: ['NGINX Inc.', 'F5'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'proxies'],
    language: 'en',
    year: 2016,
    seedUrls: ['https://github.com/nginxinc/kubernetes-ingress'],
    summary: {
      en: "NGINX's own ingress controller for NGINX and NGINX Plus, a separate codebase from the community ingress-nginx; offers VirtualServer CRDs and is one of the controllers people confuse with, and migrate to from, ingress-nginx.",
      zh: 'NGINX 官方为 NGINX 与 NGINX Plus 开发的 Ingress 控制器，与社区版 ingress-nginx 是两套不同的代码，提供 VirtualServer 等 CRD，常与 ingress-nginx 混淆，也是其迁移去向之一。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'Moved from nginxinc/kubernetes-ingress: the issues corpus files its threads under nginx/kubernetes-ingress (e.g. #145 confirming it is unrelated to kubernetes/ingress)',
    },
  },
  {
    id: 'nghttpx-ingress-lb',
    title: 'nghttpx ingress controller',
    url: 'https://github.com/zlabjp/nghttpx-ingress-lb',
    authors: ['Z Lab Corporation', 'Tatsuhiro Tsujikawa'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'proxies'],
    language: 'en',
    year: 2016,
    summary: {
      en: 'Ingress controller built on nghttpx, the HTTP/2 and HTTP/3 proxy from the nghttp2 project; a smaller, protocol-focused alternative that shows how an ingress can be driven by a non-NGINX proxy.',
      zh: '基于 nghttp2 项目中 HTTP/2 与 HTTP/3 代理 nghttpx 的 Ingress 控制器，体量较小、专注协议支持，展示了如何用 NGINX 之外的代理来实现 Ingress。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'zlabjp/nghttpx-ingress-lb keeps merging nghttp2 upgrades, up to v1.67.1 (PR #488) in the issues corpus',
    },
  },
  {
    id: 'emissary-ingress',
    title: 'Emissary-ingress',
    url: 'https://github.com/emissary-ingress/emissary',
    authors: ['Ambassador Labs', 'Emissary-ingress community'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'proxies', 'load-balancing'],
    language: 'en',
    year: 2021,
    addedByGuide: true,
    summary: {
      en: 'The CNCF project that continues the open-source Ambassador API Gateway: an Envoy-based ingress and API gateway configured with Mapping and Host CRDs, with rate limiting, auth hooks and canary routing.',
      zh: '延续开源 Ambassador API Gateway 的 CNCF 项目：基于 Envoy 的 Ingress 与 API 网关，通过 Mapping、Host 等 CRD 配置，支持限流、认证扩展与金丝雀路由。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source: 'Emissary-ingress 3.9.x releases on GitHub; CNCF landscape metadata updated 2026-09 (cncf/landscape PR #5118)',
    },
  },
  {
    id: 'aws-load-balancer-controller',
    title: 'AWS Load Balancer Controller',
    url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller',
    authors: ['Amazon Web Services', 'Kubernetes SIG AWS'],
    kind: 'repo',
    category: 'ingress-gateways',
    topics: ['ingress', 'load-balancing', 'services'],
    language: 'en',
    year: 2020,
    addedByGuide: true,
    summary: {
      en: 'Controller that provisions AWS Application Load Balancers for Ingress and Network Load Balancers for Services, with IP targets that send traffic straight to pods; the successor of the ALB ingress controller.',
      zh: '为 Ingress 创建 AWS 应用负载均衡器（ALB）、为 Service 创建网络负载均衡器（NLB）的控制器，支持直接把流量送到 Pod 的 IP 目标模式，是 ALB Ingress 控制器的继任者。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'kubernetes-sigs/aws-load-balancer-controller is the renamed project (PR #1441, 2020); EKS docs and external-dns docs point to it (external-dns PR #3273, 2022)',
    },
  },
  {
    id: 'gateway-api-implementations',
    title: 'Gateway API Implementations',
    url: 'https://gateway-api.sigs.k8s.io/implementations/',
    authors: ['Kubernetes SIG Network'],
    kind: 'docs',
    category: 'ingress-gateways',
    topics: ['gateway-api', 'ingress'],
    language: 'en',
    year: 2023,
    addedByGuide: true,
    summary: {
      en: "The Gateway API project's list of implementations (Envoy Gateway, Contour, Istio, Cilium, NGINX Gateway Fabric, Traefik and others) with their conformance status; the place to start when choosing a replacement for ingress-nginx.",
      zh: 'Gateway API 项目维护的实现列表（Envoy Gateway、Contour、Istio、Cilium、NGINX Gateway Fabric、Traefik 等）及其一致性测试状态，是为 ingress-nginx 挑选替代方案时的起点。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'gateway-api.sigs.k8s.io is the Gateway API project site (Gateway API GA October 2023, kubernetes.io blog cited in GitLab epic); implementations page referenced by 2026 migration guides',
    },
  },
  {
    id: 'envoy-gateway',
    title: 'Envoy Gateway',
    url: 'https://gateway.envoyproxy.io/',
    authors: ['Envoy project'],
    kind: 'tool',
    category: 'ingress-gateways',
    topics: ['gateway-api', 'proxies', 'ingress'],
    language: 'en',
    year: 2022,
    addedByGuide: true,
    summary: {
      en: "The Envoy project's own Gateway API implementation, which provisions and configures Envoy proxies from Gateway and Route objects and adds policies for rate limiting, authentication and TLS.",
      zh: 'Envoy 项目官方的 Gateway API 实现：根据 Gateway 与各类 Route 对象自动部署并配置 Envoy 代理，并提供限流、认证与 TLS 等扩展策略。',
    },
    status: {
      state: 'active',
      checked: CHECKED,
      source:
        'gateway.envoyproxy.io docs (docs corpus) with v1.x releases; envoyproxy/gateway README; Helm chart v1.6.3 in 2026 provider docs',
    },
  },
];

export default references;
