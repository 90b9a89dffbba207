/**
 * Runs a lab's exercises (src/features/labs/exercises.ts) on the state a kept
 * run of the lab left (LAB_KEEP=1), wherever a step is run: on this machine
 * (hostStep) or in the lab VM (tests/labs/vm.test.ts). For each exercise, in
 * the file's order: the setup, if any; the check must hold; the break; the
 * check must fail; the fix; the check must hold again. A change may take a
 * moment to show (a link's carrier, a route), so the check is retried until
 * it gives the wanted answer, for at most `settleMs`.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {exercisesFile, type Exercise, type Step} from '../../src/features/labs/exercises';

export interface StepResult {
  status: number;
  output: string;
}

/** Runs the commands of one step as root in a fresh bash with `set -euo pipefail`; resolves with its status and output. */
export type RunStep = (commands: string) => Promise<StepResult>;

export interface ExerciseRun {
  id: string;
  ms: number;
}

/** The commands of a step as one bash script: a failing command fails the step, as in a lab. */
export function stepScript(commands: string): string {
  return `set -euo pipefail\n${commands}\n`;
}

/** A step run on this machine, as root, with stderr merged into the output, bounded by `timeoutS`. */
export function hostStep(cwd: string, timeoutS = 60): RunStep {
  return (commands) => {
    const result = spawnSync('timeout', [String(timeoutS), 'bash', '-c', `exec 2>&1\n${stepScript(commands)}`], {encoding: 'utf8', cwd});
    return Promise.resolve({status: result.status ?? 128, output: result.stdout ?? ''});
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs every exercise of `lab` in order; throws, naming the file, exercise and step, at the first that does not behave. */
export async function runExercises(
  lab: string,
  exercises: Exercise[],
  run: RunStep,
  settleMs: number,
  /** Told of every step run, with its result: for authors who want to see what a reader sees. */
  onStep?: (exercise: Exercise, step: Step, result: StepResult) => void,
): Promise<ExerciseRun[]> {
  const done: ExerciseRun[] = [];
  for (const exercise of exercises) {
    const t0 = performance.now();
    const where = `${exercisesFile(lab)}:${exercise.line}: exercise "${exercise.id}"`;
    const must = async (step: Exclude<Step, 'check'>) => {
      const result = await run(exercise[step]!);
      onStep?.(exercise, step, result);
      if (result.status !== 0) throw new Error(`${where}: its ${step} step exited with ${result.status}:\n${result.output}`);
    };
    const checkUntil = async (holds: boolean, when: string) => {
      const deadline = performance.now() + settleMs;
      for (;;) {
        const result = await run(exercise.check);
        onStep?.(exercise, 'check', result);
        if ((result.status === 0) === holds) return;
        if (performance.now() > deadline) {
          const verdict = holds ? `fails (exit ${result.status})` : 'still holds (exit 0)';
          throw new Error(`${where}: its check ${verdict} ${when}, for ${settleMs / 1000} s; its last output:\n${result.output}`);
        }
        await sleep(250);
      }
    };
    if (exercise.setup) await must('setup');
    await checkUntil(true, exercise.setup ? 'after the setup' : 'on the kept lab, before the break');
    await must('break');
    await checkUntil(false, 'after the break');
    await must('fix');
    await checkUntil(true, 'after the fix');
    done.push({id: exercise.id, ms: performance.now() - t0});
  }
  return done;
}

/** What the VM side needs of scripts/lab-vm/vm.ts's LabVm. */
interface Vm {
  run(command: string, timeoutMs?: number): Promise<StepResult & {ms: number}>;
  writeFile(guestPath: string, data: Uint8Array | string): Promise<void>;
}

let copies = 0;

/**
 * A lab in the lab VM, run as a reader's "Run and explore" runs it: lib.sh and
 * the lab copied into a fresh folder (the guest caches 9p lookups, so a name
 * is never reused), run with LAB_KEEP=1; then steps, and --clean-up.
 */
export async function keptLabInVm(vm: Vm, labsDir: string, lab: string, timeoutMs: number) {
  const dir = `/root/kept-${process.pid}-${copies++}`;
  const made = await vm.run(`mkdir ${dir}`);
  if (made.status !== 0) throw new Error(`lab VM: cannot make ${dir}: ${made.output}`);
  await vm.writeFile(`${dir}/lib.sh`, readFileSync(path.join(labsDir, 'lib.sh')));
  await vm.writeFile(`${dir}/${lab}.sh`, readFileSync(path.join(labsDir, `${lab}.sh`)));
  const result = await vm.run(`LAB_KEEP=1 bash ${dir}/${lab}.sh`, timeoutMs);
  let steps = 0;
  const step: RunStep = async (commands) => {
    const file = `${dir}/step-${steps++}.sh`;
    await vm.writeFile(file, stepScript(commands));
    return vm.run(`bash ${file}`, 120_000);
  };
  return {result, step, cleanUp: () => vm.run(`bash ${dir}/${lab}.sh --clean-up`, 120_000)};
}
