import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';
import {cannotRunLabs, LABS_DIR, rootNamespaceState, SKIP_STATUS, skipReason} from './lab-env';

const labs = readdirSync(LABS_DIR)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.replace(/\.sh$/, ''))
  .sort();

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
      const leftBehind = `labs/${lab}.sh left something behind in the root namespace`;
      // A lab that lacks a tool says so and exits 77: this machine is missing something, the lab did not fail.
      if (result.status === SKIP_STATUS) {
        assert.equal(after, before, leftBehind);
        return skipOrFail(t, skipReason(result.stderr));
      }
      assert.equal(result.status, 0, `labs/${lab}.sh exited with ${result.status}:\n${output.slice(-3000)}`);
      assert.match(result.stdout, new RegExp(`^PASS: ${lab}$`, 'm'), 'no PASS line');
      const missing = unmatchedExpectedLines(readFileSync(path.join(LABS_DIR, `${lab}.expected.txt`), 'utf8'), result.stdout);
      assert.deepEqual(missing, [], `lines of labs/${lab}.expected.txt not seen in the real run:\n${missing.join('\n')}\n--- real output ---\n${result.stdout}`);
      assert.equal(after, before, leftBehind);
    });
  }
});
