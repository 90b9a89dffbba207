import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';
import {labSupport} from '../../src/data/lab-support';
import {validateLabSupport, type LabSupport} from '../../src/data/lab-support.schema';
import {cannotRunLabs, LAB_NAMES, LABS_DIR, rootNamespaceState, SKIP_STATUS, skipReason, unmatchedExpectedLines} from './lab-env';

const labs = LAB_NAMES;
// Labs a stock Linux host may not be able to run (they exit 77 there), each with the reason.
const support: LabSupport = labSupport;

describe('labs', () => {
  test('every lab has its expected output and is shown on a page', () => {
    assert.ok(labs.length > 0, 'no lab found in labs/');
    const pages = listDocs(DOCS_DIR).map((f) => readFileSync(path.join(DOCS_DIR, f), 'utf8')).join('\n');
    for (const lab of labs) {
      assert.ok(existsSync(path.join(LABS_DIR, `${lab}.expected.txt`)), `labs/${lab}.expected.txt is missing`);
      assert.ok(pages.includes(`<Lab name="${lab}"`), `no page shows labs/${lab}.sh with <Lab name="${lab}" />`);
    }
  });

  test('src/data/lab-support.ts names only labs that exist, each with a reason in both locales', () => {
    validateLabSupport(labSupport, labs);
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
        const listed = support.host[lab];
        // Listed: a stock host is known to lack it (the lab runs in the VM instead), so CI accepts the skip.
        if (listed) return t.skip(`${skipReason(result.stderr)} (src/data/lab-support.ts, host: ${listed.en})`);
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
