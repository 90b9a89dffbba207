import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {hostStep, runExercises} from '../../scripts/labs/exercise-runner';
import {DOCS_DIR, listDocs, ROOT} from '../../scripts/lib/docs';
import {readExercises} from '../../src/features/labs/exercises';
import {skipOrFail} from '../helpers/ci';
import {labSupport} from '../../src/data/lab-support';
import {validateLabSupport, type LabSupport} from '../../src/data/lab-support.schema';
import {
  cannotRunLabs,
  keptNamespaces,
  LAB_NAMES,
  LABS_DIR,
  namespaceList,
  rootNamespaceState,
  SKIP_STATUS,
  skipReason,
  unmatchedExpectedLines,
} from './lab-env';

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
    // Every lab runs kept (LAB_KEEP=1), as a reader exploring it would, so that its exercises run on
    // the same run; then --clean-up must take away everything a plain run would have.
    const exercises = readExercises(LABS_DIR, lab);
    const doing = exercises ? `, its ${exercises.length} exercises work` : '';
    // A lab listed under host needs a kernel module a stock host may lack: there it must say so, exit 77 and
    // leave nothing behind, and tests/labs/vm.test.ts runs it in full in the lab VM.
    const orSays = support.host[lab] ? ' (or, on a host without what it needs, says so and exits 77 leaving nothing)' : '';
    test(`labs/${lab}.sh passes, is kept${doing}, and --clean-up leaves the root namespace as it found it${orSays}`, {timeout: 300_000}, async (t) => {
      const reason = cannotRunLabs();
      if (reason) return skipOrFail(t, reason);
      const script = path.join(LABS_DIR, `${lab}.sh`);
      const before = rootNamespaceState();
      const t0 = performance.now();
      const result = spawnSync('timeout', ['150', 'bash', script], {encoding: 'utf8', cwd: ROOT, env: {...process.env, LAB_KEEP: '1'}});
      const labMs = performance.now() - t0;
      const output = `${result.stdout}\n${result.stderr}`;
      const leftBehind = `labs/${lab}.sh left something behind in the root namespace`;
      let cleanUp: ReturnType<typeof spawnSync> | undefined;
      try {
        // A lab that lacks a tool says so and exits 77: this machine is missing something, the lab did not fail.
        if (result.status === SKIP_STATUS) {
          assert.ok(!existsSync(`/run/labs/${lab}`), `labs/${lab}.sh kept something when it skipped`);
          assert.equal(rootNamespaceState(), before, leftBehind);
          const listed = support.host[lab];
          if (!listed) return skipOrFail(t, skipReason(result.stderr));
          // What a reader on such a host sees: which module is missing, and where the lab runs instead.
          assert.match(result.stderr, /needs the kernel modules? /, `labs/${lab}.sh exited 77 without saying what this host lacks:\n${result.stderr}`);
          t.diagnostic(`not run on this host, as src/data/lab-support.ts says: ${skipReason(result.stderr)}`);
          return;
        }
        assert.equal(result.status, 0, `labs/${lab}.sh exited with ${result.status}:\n${output.slice(-3000)}`);
        assert.match(result.stdout, new RegExp(`^PASS: ${lab}$`, 'm'), 'no PASS line');
        const missing = unmatchedExpectedLines(readFileSync(path.join(LABS_DIR, `${lab}.expected.txt`), 'utf8'), result.stdout);
        assert.deepEqual(missing, [], `lines of labs/${lab}.expected.txt not seen in the real run:\n${missing.join('\n')}\n--- real output ---\n${result.stdout}`);
        const kept = keptNamespaces(result.stdout);
        assert.ok(kept.length > 0, `labs/${lab}.sh run with LAB_KEEP=1 names no namespace it kept:\n${result.stdout.slice(-2000)}`);
        const present = namespaceList();
        assert.deepEqual(kept.filter((ns) => !present.includes(ns)), [], 'namespaces the kept run names are gone');
        if (exercises) {
          const t1 = performance.now();
          await runExercises(lab, exercises, hostStep(ROOT), 10_000);
          t.diagnostic(`lab ${(labMs / 1000).toFixed(1)} s, exercises ${((performance.now() - t1) / 1000).toFixed(1)} s`);
        }
      } finally {
        cleanUp = spawnSync('timeout', ['60', 'bash', script, '--clean-up'], {encoding: 'utf8', cwd: ROOT});
      }
      assert.equal(cleanUp.status, 0, `bash labs/${lab}.sh --clean-up exited with ${cleanUp.status}:\n${String(cleanUp.stdout)}${String(cleanUp.stderr)}`);
      assert.ok(!existsSync(`/run/labs/${lab}`), `bash labs/${lab}.sh --clean-up left /run/labs/${lab}`);
      assert.equal(rootNamespaceState(), before, leftBehind);
    });
  }
});
