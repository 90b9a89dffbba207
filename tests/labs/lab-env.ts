import {execFileSync, spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {ROOT} from '../../scripts/lib/docs';

export const LABS_DIR = path.join(ROOT, 'labs');

/** Every lab: labs/<name>.sh, lib.sh aside, sorted. */
export const LAB_NAMES = readdirSync(LABS_DIR)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.replace(/\.sh$/, ''))
  .sort();

export {unmatchedExpectedLines} from '../../src/features/labs/expected-output';

/** A lab script exits with this status when the machine lacks something it needs (the automake convention for SKIP). */
export const SKIP_STATUS = 77;

/** Why labs cannot run on this machine, or undefined when they can. */
export function cannotRunLabs(): string | undefined {
  if (process.platform !== 'linux') return `labs need Linux network namespaces; this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'labs create network namespaces and need root: run `sudo npm test`, or `sudo bash labs/<name>.sh` for one lab';
  for (const tool of ['ip', 'iptables-save', 'ping']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `'${tool}' is missing (Debian: apt-get install iproute2 iptables iputils-ping)`;
  }
  return undefined;
}

/** What a lab must leave exactly as it found it: the root namespace's devices, addresses, routes, rules, and the list of namespaces. */
export function rootNamespaceState(): string {
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
    } catch {
      return `(${cmd} ${args.join(' ')} failed)`;
    }
  };
  return [
    run('ip', ['netns', 'list']),
    run('ip', ['-o', 'link', 'show']).replace(/\s+link\/\S+ .*$/gm, ''),
    run('ip', ['-o', 'address', 'show']).replace(/valid_lft.*$/gm, ''),
    run('ip', ['route', 'show', 'table', 'all']),
    run('ip', ['rule', 'show']),
    run('iptables-save', []).replace(/^#.*$/gm, '').replace(/\[\d+:\d+\]/g, ''),
  ].join('\n----\n');
}

/** The message a skipped lab printed last on stderr: why it cannot run, and what to install. */
export function skipReason(stderr: string): string {
  return stderr.trim().split('\n').pop() ?? `exited with ${SKIP_STATUS}`;
}

/** The names of the network namespaces that exist now. */
export function namespaceList(): string[] {
  return execFileSync('ip', ['netns', 'list'], {encoding: 'utf8'})
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter(Boolean);
}

/** The namespaces a run with LAB_KEEP=1 says it kept (lib.sh's lab_keep_message). */
export function keptNamespaces(stdout: string): string[] {
  return /^Its namespaces: (.+)$/m.exec(stdout)?.[1]?.split(' ') ?? [];
}
