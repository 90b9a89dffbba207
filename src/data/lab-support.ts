/**
 * Where each lab runs. Every lab runs on a Linux host as root and in the lab
 * VM (the Linux that boots in the reader's browser and in `npm test`), except
 * those listed here, each with the reason. The Lab block shows the `vm`
 * reason in place of the "Run in your browser" button; the tests read both
 * lists: a lab skipped where this file does not say it cannot run is a
 * failure under CI=true. Validated by lab-support.schema.ts.
 */
import type {LabSupport} from './lab-support.schema';

export type {LabSupport};

export const labSupport = {
  vm: {
    'cgroup-egress': {
      en: 'The lab VM’s kernel is 32-bit, and on a 32-bit kernel a cgroup’s ID is not the inode number of its directory, which is what nft puts in a `socket cgroupv2` rule: the rule never matches. Run this lab on a 64-bit Linux.',
      zh: '实验虚拟机的内核是 32 位的。在 32 位内核上，cgroup 的 ID 并不等于其目录的 inode 号，而 nft 写进 `socket cgroupv2` 规则的正是这个 inode 号，所以规则永远匹配不上。请在 64 位 Linux 上运行本实验。',
    },
  },
  host: {
    'ipvs-clusterip': {
      en: 'Needs the kernel modules ip_vs, ip_vs_rr and dummy, which the kernel of this guide’s CI machine lacks; it runs in the lab VM.',
      zh: '需要 ip_vs、ip_vs_rr 和 dummy 这几个内核模块，而本指南 CI 机器的内核没有它们；这个实验可以在实验虚拟机里运行。',
    },
    'ovs-bridge': {
      en: 'Needs the openvswitch kernel module, which the kernel of this guide’s CI machine lacks; it runs in the lab VM.',
      zh: '需要 openvswitch 内核模块，而本指南 CI 机器的内核没有这个模块；这个实验可以在实验虚拟机里运行。',
    },
    'tc-hfsc': {
      en: 'Needs the sch_hfsc kernel module, which the kernel of this guide’s CI machine lacks; it runs in the lab VM.',
      zh: '需要 sch_hfsc 内核模块，而本指南 CI 机器的内核没有这个模块；这个实验可以在实验虚拟机里运行。',
    },
    'wireguard-nodes': {
      en: 'Needs the wireguard kernel module (in mainline Linux since 5.6), which the kernel of this guide’s CI machine lacks; it runs in the lab VM.',
      zh: '需要 wireguard 内核模块（Linux 5.6 起已进入主线），而本指南 CI 机器的内核没有这个模块；这个实验可以在实验虚拟机里运行。',
    },
  },
} as const satisfies LabSupport;
