/**
 * `npm test`: the typecheck, ESLint and Prettier, while the lab VM is made if
 * it is missing and this machine can (scripts/lab-vm/ensure.ts); a production
 * build of both locales; then every test file in one node:test run (unit, labs
 * as root, browser tests against the build). The labs in the lab VM
 * (tests/labs/vm.test.ts, a quarter of an hour of emulation on one core) run in
 * a process of their own from the moment the VM is ready, during the build and
 * the main run; their report follows the main one, and one closing line counts
 * both.
 * `npm test -- --no-build` reuses an existing build; naming test files (`npm test -- --no-build e2e/references`)
 * runs only those, without lint (for quick local re-runs).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const children = new Set<ChildProcess>();
// A step that fails ends the run; whatever else is still running (the lab VM's image or tests) ends with it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

function track<C extends ChildProcess>(child: C): C {
  children.add(child);
  child.on('close', () => children.delete(child));
  return child;
}

/** One step before the tests; its output passed through; a failure ends `npm test`. */
function run(title: string, cmd: string, cmdArgs: string[]): Promise<void> {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const child = track(spawn(cmd, cmdArgs, {cwd: root, stdio: 'inherit'}));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      if (code !== 0) {
        console.error(`✖ ${title} failed (exit ${code ?? signal})`);
        process.exit(code ?? 1);
      }
      console.log(`✔ ${title} (${seconds(started)})`);
      resolve();
    }),
  );
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? testFiles(p) : name.endsWith('.test.ts') ? [p] : [];
  });
}

const only = args.filter((a) => !a.startsWith('--'));
const order = ['unit', 'labs', 'e2e'];
const files = order.flatMap((d) => testFiles(path.join(root, 'tests', d)).sort());
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const VM_TEST = path.join(root, 'tests/labs/vm.test.ts');
const building = !args.includes('--no-build');

const nodeTest = (testFiles: string[]) => ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...testFiles];

interface Outcome {
  title: string;
  status: number;
  /** The spec reporter's closing counts (tests, pass, fail, skipped…). */
  counts: Map<string, number>;
}

// The spec reporter closes with lines such as "ℹ pass 57".
function counts(output: string): Map<string, number> {
  // eslint-disable-next-line no-control-regex -- colour codes, when the output was meant for a terminal
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  return new Map([...plain.matchAll(/^ℹ (\w+) (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

/** Runs node:test over the files, its report passed through as it comes (or kept until print() when quiet). */
function testRun(title: string, testFiles: string[], quiet: boolean) {
  const started = Date.now();
  const child = track(
    spawn(process.execPath, nodeTest(testFiles), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, ...(process.stdout.isTTY ? {FORCE_COLOR: '1'} : {})},
    }),
  );
  let output = '';
  let quietEnd = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output += chunk;
      if (!quiet) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
    });
  }
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', (code, signal) => {
      const status = code ?? 1;
      resolve({title, status, counts: counts(output)});
      if (!quiet) console.log(`${status === 0 ? '✔' : '✖'} ${title} (${seconds(started)}${signal ? `, ${signal}` : ''})`);
      else quietEnd = `${status === 0 ? '✔' : '✖'} ${title} (${seconds(started)}, alongside the main run)`;
    }),
  );
  return {
    done,
    print: () => {
      console.log(`\n▶ ${title}`);
      process.stdout.write(output);
      console.log(quietEnd);
    },
  };
}

async function main(): Promise<number> {
  const needsVm = building || selected.includes(VM_TEST);
  // The image build (on a fresh clone) mostly waits on one core: the checks take the other meanwhile.
  const vmImage = needsVm ? run('Lab VM (scripts/lab-vm/ensure.ts)', bin('tsx'), ['scripts/lab-vm/ensure.ts']) : Promise.resolve();
  await run('Typecheck (tsc --noEmit, strict)', bin('tsc'), ['--noEmit']);
  if (!only.length) {
    await run('Lint (ESLint, zero warnings)', bin('eslint'), ['--max-warnings=0', '.']);
    await run('Format (Prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.']);
  }
  await vmImage;
  const alongside = selected.includes(VM_TEST) && selected.length > 1;
  // The labs in the VM need only its image, not the site: they start before the site is built, and
  // fill the cores the build leaves idle in its single-threaded stretches.
  const vm = alongside ? testRun('Tests in the lab VM (tests/labs/vm.test.ts)', [VM_TEST], true) : undefined;
  if (building) await run('Production build, both locales', bin('docusaurus'), ['build']);
  const mainFiles = alongside ? selected.filter((f) => f !== VM_TEST) : selected;
  const title = `Tests (${mainFiles.length} files${vm ? ', and the lab VM alongside' : ''})`;
  console.log(`\n▶ ${title}`);
  const outcomes = [await testRun(title, mainFiles, false).done];
  if (vm) {
    console.log('\n(waiting for the lab VM tests)');
    outcomes.push(await vm.done);
    vm.print();
    const keys = ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo'];
    const total = keys.map((k) => `${outcomes.reduce((sum, o) => sum + (o.counts.get(k) ?? 0), 0)} ${k}`);
    console.log(`\nAll tests, both runs: ${total.join(', ')}`);
  }
  const failed = outcomes.filter((o) => o.status !== 0);
  for (const o of failed) console.error(`✖ ${o.title} failed (exit ${o.status})`);
  return failed.length ? 1 : 0;
}

void main().then((status) => process.exit(status));
