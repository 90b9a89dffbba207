/**
 * Seed links that are deliberately not catalogue entries, each with the reason.
 * The coverage test accepts a seed link only if it is an entry's url or
 * seedUrls, or listed here.
 */
export interface SeedExclusion {
  link: string;
  reason: string;
}

export const seedExclusions: SeedExclusion[] = [
  {
    link: '#3rd-party-articles',
    reason:
      "In-page anchor of seed 001's table of contents (#3rd-party-articles); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#docker',
    reason: "In-page anchor of seed 001's table of contents (#docker); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#ingress-and-gateways',
    reason:
      "In-page anchor of seed 001's table of contents (#ingress-and-gateways); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#kubernetes',
    reason: "In-page anchor of seed 001's table of contents (#kubernetes); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#linux-kernel',
    reason: "In-page anchor of seed 001's table of contents (#linux-kernel); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#networking-101',
    reason: "In-page anchor of seed 001's table of contents (#networking-101); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#official-documentation',
    reason:
      "In-page anchor of seed 001's table of contents (#official-documentation); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#other',
    reason: "In-page anchor of seed 001's table of contents (#other); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#proxies-and-load-balancers',
    reason:
      "In-page anchor of seed 001's table of contents (#proxies-and-load-balancers); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#sdn',
    reason: "In-page anchor of seed 001's table of contents (#sdn); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#service-meshes',
    reason: "In-page anchor of seed 001's table of contents (#service-meshes); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '#tooling',
    reason: "In-page anchor of seed 001's table of contents (#tooling); points to a heading of the list itself, not to a resource.",
  },
  {
    link: '- https://github.com/coreos/alb-ingress-controller',
    reason:
      'Malformed link target in seed 001 (a list marker and line break inside the parentheses); it duplicates https://github.com/coreos/alb-ingress-controller, which is catalogued as an entry in ingress-gateways.',
  },
  {
    link: '../images/A-1.png',
    reason:
      'Image embedded in seed 000 (screenshot of the Katacoda dashboard, figure A-1); a picture in the source document, not a reading resource.',
  },
  {
    link: 'img/cn-book.png',
    reason:
      'Image embedded in seed 001 (the cover of the Container Networking book); not a reading resource. The book itself is catalogued as hausenblas-container-networking.',
  },
  {
    link: 'assets/1024px-Simplified_Structure_of_the_Linux_Kernel.svg.png',
    reason: 'Image embedded in seed 002 (a diagram of the Linux kernel structure) with a relative path; not a reading resource.',
  },
  {
    link: 'bsd-socket.md',
    reason:
      "Relative link to the seed 002 author's own notes file (bsd-socket.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'cnm-vs-cni.md',
    reason:
      "Relative link to the seed 002 author's own notes file (cnm-vs-cni.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'container-networks.md',
    reason:
      "Relative link to the seed 002 author's own notes file (container-networks.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'docker-bridge.md',
    reason:
      "Relative link to the seed 002 author's own notes file (docker-bridge.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'docker-intro.md',
    reason:
      "Relative link to the seed 002 author's own notes file (docker-intro.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'docker-networks.md',
    reason:
      "Relative link to the seed 002 author's own notes file (docker-networks.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'docker-overlay-networks.md',
    reason:
      "Relative link to the seed 002 author's own notes file (docker-overlay-networks.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'k8s-networks.md',
    reason:
      "Relative link to the seed 002 author's own notes file (k8s-networks.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'linux-cgroups.md',
    reason:
      "Relative link to the seed 002 author's own notes file (linux-cgroups.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'linux-netfilter.md',
    reason:
      "Relative link to the seed 002 author's own notes file (linux-netfilter.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'linux-netns.md',
    reason:
      "Relative link to the seed 002 author's own notes file (linux-netns.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'linux-pkt-scheduler.md',
    reason:
      "Relative link to the seed 002 author's own notes file (linux-pkt-scheduler.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'linux-tcpip-stack.md',
    reason:
      "Relative link to the seed 002 author's own notes file (linux-tcpip-stack.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'ovs.md',
    reason:
      "Relative link to the seed 002 author's own notes file (ovs.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'tuntap-vs-veth.md',
    reason:
      "Relative link to the seed 002 author's own notes file (tuntap-vs-veth.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'virtio.md',
    reason:
      "Relative link to the seed 002 author's own notes file (virtio.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'vxlan.md',
    reason:
      "Relative link to the seed 002 author's own notes file (vxlan.md); the notes have no public address, so there is nothing a reader could open.",
  },
  {
    link: 'https://camo.githubusercontent.com/1aebd968bff43f7def3a57b9e03238ab5dc6a7aaa1e194ca2df40f09f481da9b/68747470733a2f2f7265732e636c6f7564696e6172792e636f6d2f647178746e3069636b2f696d6167652f75706c6f61642f76313531303537383935372f61727469636c652f6b756265726e657465732f6e6574776f726b2f6e6574776f726b2d617263682e706e67',
    reason:
      "GitHub's camo image proxy address for a network architecture diagram (a PNG on res.cloudinary.com) shown in seed 003; an image, not a reading resource.",
  },
];
