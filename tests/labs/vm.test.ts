/**
 * Every lab in the lab VM, the Linux a reader's browser boots: one VM restored
 * from the saved state (LAB_VM_DIR, default .cache/lab-vm/out; made by
 * `npm run build:lab-vm`), each lab copied in and run as in labs.test.ts on
 * the host, with the same checks. Labs that src/data/lab-support.ts lists
 * under `vm` get no test here. Labs
 * it lists under `host` (a stock host may lack a kernel module they need) run
 * here with LAB_KEEP=1 when they have exercises, which run on the kept lab as
 * tests/labs/labs.test.ts runs them on the host; then --clean-up.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {labVmDir, manifestFile, readManifest, readStateInfo, stateFile} from '../../src/features/lab-vm/manifest';
import {LabVm} from '../../scripts/lab-vm/vm';
import {keptLabInVm, runExercises} from '../../scripts/labs/exercise-runner';
import {readExercises} from '../../src/features/labs/exercises';
import {labSupport} from '../../src/data/lab-support';
import type {LabSupport} from '../../src/data/lab-support.schema';
import {skipOrFail} from '../helpers/ci';
import {keptNamespaces, LAB_NAMES, LABS_DIR, SKIP_STATUS, unmatchedExpectedLines} from './lab-env';

const dir = labVmDir();
const support: LabSupport = labSupport;
const BUILD = 'build it: sudo npm run build:lab-vm (Debian/Ubuntu), or point LAB_VM_DIR at a built one';
/** Restoring the state and the first prompt: about 2 s on an idle machine, 4 under load. */
const RESTORE_MS = 90_000;
/** A lab takes 5-120 s in the emulator on a loaded 2-core machine; clusterip-by-hand (120 socat connections) up to 210. */
const LAB_MS = 420_000;
/** Exercises on a kept lab: each step a program start or two in the emulator, each check retried for up to a minute. */
const EXERCISES_MS = 600_000;

/** Why the VM cannot be started here, or undefined. */
function missingVm(): string | undefined {
  if (!existsSync(manifestFile(dir))) return `no lab VM image in ${dir}; ${BUILD}`;
  if (!existsSync(stateFile(dir))) return `no saved state of the lab VM (${stateFile(dir)}); ${BUILD}`;
  return undefined;
}

let vm: LabVm | undefined;
/** A restore that failed fails the remaining labs at once, rather than each after its own wait. */
let restoreError: Error | undefined;

/** The running VM, restored from the state when there is none (at first, or after a lab wedged the last one). */
async function labVm(): Promise<LabVm> {
  if (vm) return vm;
  if (restoreError) throw restoreError;
  const key = readManifest(manifestFile(dir)).inputsKey;
  const info = readStateInfo(stateFile(dir));
  assert.equal(info.inputsKey, key, `${stateFile(dir)} was saved from another image; make it again: npm run build:lab-vm`);
  const started = new LabVm({manifestFile: manifestFile(dir), stateFile: stateFile(dir), memoryMiB: info.memoryMiB});
  try {
    await started.poke(RESTORE_MS);
  } catch (error) {
    restoreError = error instanceof Error ? error : new Error(String(error));
    await started.destroy();
    throw error;
  }
  vm = started;
  return vm;
}

async function dropVm(): Promise<void> {
  const old = vm;
  vm = undefined;
  await old?.destroy();
}

describe('labs in the lab VM', () => {
  after(dropVm);

  // A lab listed under vm is not offered in the browser (its Lab block gives the reason instead of the
  // button), so there is nothing to run here: no test, rather than a skip that would read as a pass.
  for (const lab of LAB_NAMES.filter((l) => !(l in support.vm))) {
    // Exercises run where the lab runs in CI: on the host, unless a stock host may lack what it needs.
    const exercises = lab in support.host ? readExercises(LABS_DIR, lab) : undefined;
    const title = exercises ? `labs/${lab}.sh passes in the lab VM, kept, and its ${exercises.length} exercises work` : `labs/${lab}.sh passes in the lab VM`;
    test(title, {timeout: RESTORE_MS + 2 * LAB_MS + (exercises ? EXERCISES_MS : 0) + 30_000}, async (t) => {
      const missing = missingVm();
      if (missing) return skipOrFail(t, missing);
      let result;
      let kept: Awaited<ReturnType<typeof keptLabInVm>> | undefined;
      const attempt = async () => {
        const running = await labVm();
        try {
          if (exercises) {
            kept = await keptLabInVm(running, LABS_DIR, lab, LAB_MS);
            return kept.result;
          }
          return await running.runLab(LABS_DIR, lab, LAB_MS);
        } catch (error) {
          // The shell is still busy with the lab: the next lab gets a fresh VM.
          await dropVm();
          throw error;
        }
      };
      result = await attempt();
      if (result.status !== 0 && result.status !== SKIP_STATUS) {
        // The emulator shares two cores with the rest of the suite, so a rate or
        // a timeout can land on the wrong side of a check now and then. One more
        // run, with the first failure shown; a lab that fails twice fails.
        t.diagnostic(`first run failed (exit ${result.status}), running it once more; its last lines:\n${result.output.slice(-1500)}`);
        const cleanUp = await kept?.cleanUp();
        if (cleanUp) assert.equal(cleanUp.status, 0, `bash labs/${lab}.sh --clean-up exited with ${cleanUp.status} in the lab VM:\n${cleanUp.output}`);
        kept = undefined;
        result = await attempt();
      }
      t.diagnostic(`${(result.ms / 1000).toFixed(1)} s in the VM`);
      const output = result.output;
      try {
        assert.notEqual(
          result.status,
          SKIP_STATUS,
          `labs/${lab}.sh exited ${SKIP_STATUS} (cannot run) in the lab VM: add what it lacks to scripts/lab-vm/build.sh, or list it under vm in src/data/lab-support.ts with the reason:\n${output.slice(-3000)}`,
        );
        assert.equal(result.status, 0, `labs/${lab}.sh exited with ${result.status} in the lab VM:\n${output.slice(-3000)}`);
        assert.match(output, new RegExp(`^PASS: ${lab}$`, 'm'), 'no PASS line');
        const missingLines = unmatchedExpectedLines(readFileSync(path.join(LABS_DIR, `${lab}.expected.txt`), 'utf8'), output);
        assert.deepEqual(
          missingLines,
          [],
          `lines of labs/${lab}.expected.txt not seen in the lab VM:\n${missingLines.join('\n')}\n--- real output ---\n${output}`,
        );
        if (kept && exercises) {
          assert.ok(keptNamespaces(output).length > 0, `labs/${lab}.sh run with LAB_KEEP=1 names no namespace it kept`);
          const t0 = performance.now();
          await runExercises(lab, exercises, kept.step, 60_000);
          t.diagnostic(`exercises: ${((performance.now() - t0) / 1000).toFixed(1)} s in the VM`);
        }
      } finally {
        // A kept lab (even a failed one) must not stay in the VM the next labs run in.
        const cleanUp = await kept?.cleanUp();
        if (cleanUp) assert.equal(cleanUp.status, 0, `bash labs/${lab}.sh --clean-up exited with ${cleanUp.status} in the lab VM:\n${cleanUp.output}`);
      }
    });
  }
});
