// Runs the lab VM (built by build.sh) in v86 under Node.
//
//   tsx scripts/lab-vm/run.ts boot                  boot to the shell prompt, say how long it took
//   tsx scripts/lab-vm/run.ts exec 'ip -br link'    run one command line; its output, its exit status
//   tsx scripts/lab-vm/run.ts lab netns-basics      copy labs/netns-basics.sh and labs/lib.sh in and run it
//   tsx scripts/lab-vm/run.ts labs [NAME...]        run every lab (or those named) in one VM, then a summary
//   tsx scripts/lab-vm/run.ts save-state [FILE]     boot, then save a state to restore instead of booting
//   tsx scripts/lab-vm/run.ts measure               the figures of README.md (3 runs each; about 10 minutes)
//
// Options: --state FILE (restore it instead of booting), --memory MIB (default
// 256, the budget), --manifest FILE (default $LAB_VM_DIR/manifest.json, LAB_VM_DIR
// defaulting to .cache/lab-vm/out),
// --timeout S (per command, default 600), --echo (copy the console to stderr),
// --labs DIR (where the labs are, default labs/),
// --keep-caches (save-state: keep the guest's page cache in the state).
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {loadavg} from 'node:os';
import {gzipSync} from 'node:zlib';
import {
  labVmDir,
  manifestFile,
  MEMORY_MIB,
  readManifest,
  readStateInfo,
  resolveIn,
  stateFile,
  type StateInfo,
} from '../../src/features/lab-vm/manifest';
import {LabVm} from './vm';

const REPO = path.resolve(__dirname, '../..');

const {values: opts, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    manifest: {type: 'string', default: manifestFile(labVmDir())},
    state: {type: 'string'},
    memory: {type: 'string', default: String(MEMORY_MIB)},
    timeout: {type: 'string', default: '600'},
    echo: {type: 'boolean', default: false},
    'keep-caches': {type: 'boolean', default: false},
    labs: {type: 'string', default: path.join(REPO, 'labs')},
  },
});
const [mode, ...rest] = positionals;
const timeoutMs = Number(opts.timeout) * 1000;
const LABS = path.resolve(opts.labs);

function fail(message: string): never {
  console.error(`run.ts: ${message}`);
  process.exit(2);
}

function checkState(stateFile: string): void {
  let info: StateInfo;
  try {
    info = readStateInfo(stateFile);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const key = readManifest(opts.manifest).inputsKey;
  if (info.inputsKey !== key)
    fail(`${stateFile} was saved from image ${info.inputsKey}, not the current ${key}; make it again: run.ts save-state`);
  if (info.memoryMiB !== Number(opts.memory)) fail(`${stateFile} was saved with --memory ${info.memoryMiB}, not ${opts.memory}`);
}

async function start(stateFile = opts.state, extraCmdline?: string): Promise<LabVm> {
  if (stateFile) checkState(stateFile);
  const vm = new LabVm({
    extraCmdline,
    manifestFile: opts.manifest,
    memoryMiB: Number(opts.memory),
    stateFile,
    echo: opts.echo ? process.stderr : undefined,
  });
  if (stateFile) await vm.poke(90_000);
  else await vm.waitForPrompt(90_000);
  console.error(
    `run.ts: prompt after ${(vm.elapsed() / 1000).toFixed(1)} s (${stateFile ? `restored ${path.basename(stateFile)}` : 'cold boot'})`,
  );
  return vm;
}

// Fills free memory with zeros, then frees it: a freed page keeps what it
// held, and v86 leaves only zero pages out of a state. First the slab caches
// give back their empty pages (9p keeps message buffers of msize bytes around),
// and the DMA zone (below 16 MiB, where v86 loaded the compressed kernel) loses
// its reserve so that the fill reaches it. 6 MiB stay free, above the kernel's
// minimum, so nothing is killed.
const ZERO_FREE_MEMORY = [
  'for f in /sys/kernel/slab/*/shrink; do echo 1 > $f; done',
  'sysctl -q vm.lowmem_reserve_ratio="0 0 0"',
  'mkdir -p /run/zero && mount -t tmpfs -o size=100% zero /run/zero',
  "free=$(awk '/^MemFree:/ { print int($2 / 1024) - 6 }' /proc/meminfo)",
  'dd if=/dev/zero of=/run/zero/fill bs=1M count=$free 2>/dev/null; rm /run/zero/fill && umount /run/zero',
].join(' && ');

async function runLab(vm: LabVm, name: string) {
  const file = path.join(LABS, `${name}.sh`);
  if (!existsSync(file)) fail(`${file}: no such lab`);
  return vm.runLab(LABS, name, timeoutMs);
}

function labNames(): string[] {
  return execFileSync('ls', [LABS], {encoding: 'utf8'})
    .split('\n')
    .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
    .map((f) => f.slice(0, -3));
}

/** Why a lab failed, in one line: its FAIL message, or its last line. */
function reason(output: string): string {
  const lines = output.trimEnd().split('\n');
  return lines.find((l) => l.startsWith('FAIL:')) ?? lines.at(-1) ?? '(no output)';
}

async function main() {
  switch (mode) {
    case 'boot': {
      const vm = await start();
      const fetched = storedBytes(vm);
      if (fetched) console.log(`root file system files fetched: ${fetched.files}, ${mb(fetched.bytes)} stored (zstd)`);
      await vm.destroy();
      return;
    }
    case 'exec': {
      if (rest.length !== 1) fail("exec takes one command line, quoted: run.ts exec 'ip -br link'");
      const vm = await start();
      const result = await vm.run(rest[0]!, timeoutMs);
      process.stdout.write(result.output);
      await vm.destroy();
      process.exitCode = result.status;
      return;
    }
    case 'lab': {
      if (rest.length !== 1) fail('lab takes one name: run.ts lab netns-basics');
      const vm = await start();
      const result = await runLab(vm, rest[0]!);
      process.stdout.write(result.output);
      console.error(`run.ts: ${rest[0]} exited ${result.status} after ${(result.ms / 1000).toFixed(1)} s`);
      await vm.destroy();
      process.exitCode = result.status;
      return;
    }
    case 'labs': {
      const names = rest.length > 0 ? rest : labNames();
      const vm = await start();
      const results: Array<{name: string; status: number; ms: number; why: string}> = [];
      for (const name of names) {
        const result = await runLab(vm, name);
        const why = result.status === 0 ? '' : reason(result.output);
        results.push({name, status: result.status, ms: result.ms, why});
        console.log(
          `${result.status === 0 ? 'pass' : `FAIL (exit ${result.status})`} ${name} ${(result.ms / 1000).toFixed(1)} s${why ? `: ${why}` : ''}`,
        );
        if (result.status !== 0) writeFileSync(path.join(process.env.LAB_VM_LOGS ?? '/tmp', `lab-vm-${name}.log`), result.output);
      }
      // For keeping rootfs/etc/lab-vm/preload-modules in step with the labs.
      const modules = await vm.run("cut -d' ' -f1 /proc/modules | sort | tr '\\n' ' '");
      console.error(`run.ts: modules loaded after the labs: ${modules.output.trim()}`);
      await vm.destroy();
      const failed = results.filter((r) => r.status !== 0).length;
      console.log(`${results.length - failed} passed, ${failed} failed`);
      process.exitCode = failed > 0 ? 1 : 0;
      return;
    }
    case 'save-state': {
      if (opts.state) fail('save-state boots cold: drop --state');
      const file = rest[0] ?? defaultStateFile();
      const sizes = await saveState(file);
      console.log(`state: ${mb(sizes.raw)} raw, ${mb(sizes.zstd)} zstd -19, ${mb(sizes.gzip)} gzip -9 -> ${file}`);
      return;
    }
    case 'measure': {
      await measure();
      return;
    }
    default:
      fail(`unknown mode '${mode ?? ''}' (boot, exec, lab, labs, save-state, measure)`);
  }
}

function defaultStateFile(): string {
  return stateFile(path.dirname(opts.manifest));
}

/** Boots cold, prepares the guest, saves a state (raw and zstd-compressed); returns the sizes in bytes. */
async function saveState(file: string): Promise<{raw: number; zstd: number; gzip: number; bootMs: number}> {
  // memtest=1 writes zeros over all free memory early in the boot, and so
  // wipes what the boot loader left (the compressed kernel): pages that
  // the zero fill below cannot reach. labvm.preload: lab-init loads the
  // modules the labs use (rootfs/etc/lab-vm/preload-modules).
  const vm = await start(undefined, 'memtest=1 labvm.preload');
  const bootMs = vm.elapsed();
  if (!opts['keep-caches']) {
    const dropped = await vm.run('sync; echo 3 > /proc/sys/vm/drop_caches');
    if (dropped.status !== 0) throw new Error(`drop_caches failed: ${dropped.output}`);
  }
  const zeroed = await vm.run(ZERO_FREE_MEMORY);
  if (zeroed.status !== 0) throw new Error(`zeroing free memory failed: ${zeroed.output}`);
  const hinted = await vm.zeroFreeMemory();
  console.error(`run.ts: the balloon zeroed ${mb(hinted)} of free memory`);
  // The state is what a reader gets: line editing and echo on, a prompt.
  await vm.interactive();
  const state = new Uint8Array(await vm.saveState());
  await vm.destroy();
  mkdirSync(path.dirname(file), {recursive: true});
  const raw = file.replace(/\.zst$/, '');
  writeFileSync(raw, state);
  execFileSync('zstd', ['-q', '-f', '-19', '-T2', raw, '-o', file]);
  const info: StateInfo = {inputsKey: vm.manifest.inputsKey, memoryMiB: Number(opts.memory)};
  writeFileSync(`${file}.json`, `${JSON.stringify(info)}\n`);
  writeFileSync(`${raw}.json`, `${JSON.stringify(info)}\n`);
  return {raw: state.length, zstd: statSync(file).size, gzip: gzipSync(state, {level: 9}).length, bootMs};
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The stored (compressed) root file system files the VM fetched: unique files and their bytes. */
function storedBytes(vm: LabVm): {files: number; bytes: number} | undefined {
  const names = vm.fetchedFiles();
  if (!names) return undefined;
  const unique = [...new Set(names)];
  const dir = resolveIn(opts.manifest, vm.manifest.rootfs.files);
  return {files: unique.length, bytes: unique.reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0)};
}

/**
 * The figures of README.md: cold boots, the state's size, restores, and
 * netns-basics in the VM against on this machine. Three runs each, median.
 */
async function measure() {
  const runs = 3;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const report: Record<string, unknown> = {v86: v86Version(), memoryMiB: Number(opts.memory), loadBefore: load()};
  const cold: number[] = [];
  let coldFetched;
  for (let i = 0; i < runs; i++) {
    const vm = await start(undefined);
    cold.push(vm.elapsed());
    coldFetched = storedBytes(vm);
    await vm.destroy();
  }
  report.coldBootMs = cold.map(Math.round);
  report.coldBootFetched = coldFetched;
  const file = defaultStateFile();
  report.state = await saveState(file);
  const restore: number[] = [];
  const lab: number[] = [];
  let labFetched;
  for (let i = 0; i < runs; i++) {
    const vm = await start(file);
    restore.push(vm.elapsed());
    const result = await runLab(vm, 'netns-basics');
    if (result.status !== 0) throw new Error(`netns-basics failed in the VM:\n${result.output}`);
    lab.push(result.ms);
    labFetched = storedBytes(vm);
    await vm.destroy();
  }
  report.restoreMs = restore.map(Math.round);
  report.netnsBasicsVmMs = lab.map(Math.round);
  report.restoreAndLabFetched = labFetched;
  const host: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync('bash', [path.join(LABS, 'netns-basics.sh')], {stdio: 'ignore'});
    host.push(performance.now() - t0);
  }
  report.netnsBasicsHostMs = host.map(Math.round);
  const wasm = readFileSync(require.resolve('v86/build/v86.wasm'));
  const lib = readFileSync(require.resolve('v86/build/libv86.mjs'));
  report.v86Bytes = {
    wasm: wasm.length,
    wasmGzip: gzipSync(wasm, {level: 9}).length,
    lib: lib.length,
    libGzip: gzipSync(lib, {level: 9}).length,
  };
  report.loadAfter = load();
  writeFileSync(path.join(path.dirname(opts.manifest), 'measure.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`cold boot to prompt: median ${s(median(cold))} (${cold.map(s).join(', ')})`);
  console.log(`restore to prompt: median ${s(median(restore))} (${restore.map(s).join(', ')})`);
  console.log(`netns-basics: VM median ${s(median(lab))}, host median ${s(median(host))}`);
}

function v86Version(): string {
  return (JSON.parse(readFileSync(require.resolve('v86/package.json'), 'utf8')) as {version: string}).version;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
