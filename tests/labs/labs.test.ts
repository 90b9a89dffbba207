import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';

const LABS_DIR = path.join(ROOT, 'labs');
const labs = readdirSync(LABS_DIR)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.replace(/\.sh$/, ''))
  .sort();

function cannotRunLabs(): string | undefined {
  if (process.platform !== 'linux') return `labs need Linux network namespaces; this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'labs create network namespaces and need root: run `sudo npm test`, or `sudo bash labs/<name>.sh` for one lab';
  for (const tool of ['ip', 'iptables-save', 'ping']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `'${tool}' is missing (Debian: apt-get install iproute2 iptables iputils-ping)`;
  }
  return undefined;
}

/** What a lab must leave exactly as it found it: the root namespace's devices, addresses, routes, rules, and the list of namespaces. */
function rootNamespaceState(): string {
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

/** Each line of the expected output must appear in the real output, in order; … stands for any text. */
export function unmatchedExpectedLines(expected: string, actual: string): string[] {
  const actualLines = actual.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of expected.split('\n').filter((l) => l.trim())) {
    const pattern = new RegExp(`^${line.trim().split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const found = actualLines.findIndex((l, i) => i >= at && pattern.test(l.trim()));
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe('labs', () => {
  test('every lab has its expected output and is shown on a page', () => {
    assert.ok(labs.length > 0, 'no lab found in labs/');
    const pages = listDocs(DOCS_DIR).map((f) => readFileSync(path.join(DOCS_DIR, f), 'utf8')).join('\n');
    for (const lab of labs) {
      assert.ok(existsSync(path.join(LABS_DIR, `${lab}.expected.txt`)), `labs/${lab}.expected.txt is missing`);
      assert.ok(pages.includes(`<Lab name="${lab}"`), `no page shows labs/${lab}.sh with <Lab name="${lab}" />`);
    }
  });

  test('expected-output matching is strict about order and text', () => {
    assert.deepEqual(unmatchedExpectedLines('a …\nc', 'a 1\nb\nc'), []);
    assert.deepEqual(unmatchedExpectedLines('c\na …', 'a 1\nb\nc'), ['a …']);
    assert.deepEqual(unmatchedExpectedLines('PASS: x', 'FAIL: x'), ['PASS: x']);
  });

  for (const lab of labs) {
    test(`labs/${lab}.sh runs, passes and leaves the root namespace as it found it`, {timeout: 180_000}, (t) => {
      const reason = cannotRunLabs();
      if (reason) return skipOrFail(t, reason);
      const before = rootNamespaceState();
      const result = spawnSync('timeout', ['150', 'bash', path.join(LABS_DIR, `${lab}.sh`)], {encoding: 'utf8', cwd: ROOT});
      const output = `${result.stdout}\n${result.stderr}`;
      const after = rootNamespaceState();
      assert.equal(result.status, 0, `labs/${lab}.sh exited with ${result.status}:\n${output.slice(-3000)}`);
      assert.match(result.stdout, new RegExp(`^PASS: ${lab}$`, 'm'), 'no PASS line');
      const missing = unmatchedExpectedLines(readFileSync(path.join(LABS_DIR, `${lab}.expected.txt`), 'utf8'), result.stdout);
      assert.deepEqual(missing, [], `lines of labs/${lab}.expected.txt not seen in the real run:\n${missing.join('\n')}\n--- real output ---\n${result.stdout}`);
      assert.equal(after, before, `labs/${lab}.sh left something behind in the root namespace`);
    });
  }
});
