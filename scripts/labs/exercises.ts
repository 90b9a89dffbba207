// Tries a lab's exercises (labs/exercises/<lab>.sh) as the tests do, and
// prints what every step printed: what a reader will see, for writing the
// question and the solution.
//
//   sudo npx tsx scripts/labs/exercises.ts veth-pair      on this machine, as root
//   npx tsx scripts/labs/exercises.ts --vm veth-pair      in the lab VM (npm run build:lab-vm)
//
// The lab runs with LAB_KEEP=1; then, for each exercise, the setup, the check
// (must hold), the break, the check (must fail), the fix, the check (must
// hold); then --clean-up. Exits non-zero at the first step that misbehaves.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {readExercises} from '../../src/features/labs/exercises';
import {labVmDir, manifestFile, readStateInfo, stateFile} from '../../src/features/lab-vm/manifest';
import {LabVm} from '../lab-vm/vm';
import {hostStep, keptLabInVm, runExercises, type StepResult} from './exercise-runner';

const ROOT = path.resolve(__dirname, '../..');
const LABS = path.join(ROOT, 'labs');

const {values, positionals} = parseArgs({allowPositionals: true, options: {vm: {type: 'boolean', default: false}}});
const [lab] = positionals;

function show(title: string, result: StepResult): void {
  console.log(`--- ${title} (exit ${result.status})\n${result.output.trimEnd()}`);
}

async function main(): Promise<number> {
  if (!lab || positionals.length !== 1) {
    console.error('usage: exercises.ts [--vm] LAB');
    return 2;
  }
  const exercises = readExercises(LABS, lab);
  if (!exercises) {
    console.error(`exercises.ts: there is no labs/exercises/${lab}.sh`);
    return 2;
  }
  const log = (e: {id: string}, step: string, result: StepResult) => show(`${e.id}: ${step}`, result);
  if (!values.vm) {
    if (process.getuid?.() !== 0) {
      console.error('exercises.ts: labs need root here (sudo), or run them in the lab VM with --vm');
      return 2;
    }
    const script = path.join(LABS, `${lab}.sh`);
    const kept = spawnSync('bash', ['-c', 'exec bash "$0" 2>&1', script], {encoding: 'utf8', cwd: ROOT, env: {...process.env, LAB_KEEP: '1'}});
    show(`LAB_KEEP=1 bash labs/${lab}.sh`, {status: kept.status ?? 128, output: kept.stdout.split('\n').slice(-12).join('\n')});
    try {
      if (kept.status !== 0) return 1;
      const runs = await runExercises(lab, exercises, hostStep(ROOT), 10_000, log);
      console.log(runs.map((r) => `✔ ${r.id} (${(r.ms / 1000).toFixed(1)} s)`).join('\n'));
      return 0;
    } finally {
      const clean = spawnSync('bash', [script, '--clean-up'], {encoding: 'utf8', cwd: ROOT});
      show(`bash labs/${lab}.sh --clean-up`, {status: clean.status ?? 128, output: clean.stdout + clean.stderr});
    }
  }
  const dir = labVmDir();
  const vm = new LabVm({manifestFile: manifestFile(dir), stateFile: stateFile(dir), memoryMiB: readStateInfo(stateFile(dir)).memoryMiB});
  try {
    await vm.poke(90_000);
    const {result, step, cleanUp} = await keptLabInVm(vm, LABS, lab, 600_000);
    show(`LAB_KEEP=1 bash ${lab}.sh (lab VM, ${(result.ms / 1000).toFixed(1)} s)`, {...result, output: result.output.split('\n').slice(-12).join('\n')});
    if (result.status !== 0) return 1;
    try {
      const runs = await runExercises(lab, exercises, step, 60_000, log);
      console.log(runs.map((r) => `✔ ${r.id} (${(r.ms / 1000).toFixed(1)} s in the lab VM)`).join('\n'));
      return 0;
    } finally {
      show(`bash ${lab}.sh --clean-up`, await cleanUp());
    }
  } finally {
    await vm.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
