// Runs the lab VM (built by build.sh) in v86 under Node.
//
//   tsx scripts/lab-vm/run.ts boot                  boot to the shell prompt, say how long it took
//   tsx scripts/lab-vm/run.ts exec 'ip -br link'    run one command line; its output, its exit status
//   tsx scripts/lab-vm/run.ts lab netns-basics      copy labs/netns-basics.sh and labs/lib.sh in and run it
//   tsx scripts/lab-vm/run.ts labs [NAME...]        run every lab (or those named) in one VM, then a summary
//   tsx scripts/lab-vm/run.ts save-state [FILE]     boot, then save a state to restore instead of booting
//
// Options: --state FILE (restore it instead of booting), --memory MIB (default
// 256, the budget), --manifest FILE (default .cache/lab-vm/out/manifest.json),
// --timeout S (per command, default 600), --echo (copy the console to stderr),
// --labs DIR (where the labs are, default labs/),
// --keep-caches (save-state: keep the guest's page cache in the state).
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {gzipSync} from 'node:zlib';
import {LabVm} from './vm';

const REPO = path.resolve(__dirname, '../..');
const DEFAULT_MANIFEST = path.join(REPO, '.cache/lab-vm/out/manifest.json');

const {values: opts, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    manifest: {type: 'string', default: DEFAULT_MANIFEST},
    state: {type: 'string'},
    memory: {type: 'string', default: '256'},
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

async function start(stateFile = opts.state, extraCmdline?: string): Promise<LabVm> {
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

let copies = 0;
/** Copies labs/NAME.sh and labs/lib.sh into a fresh guest folder; returns the guest path of the lab. */
async function copyLab(vm: LabVm, name: string): Promise<string> {
  const file = path.join(LABS, `${name}.sh`);
  try {
    statSync(file);
  } catch {
    fail(`${file}: no such lab`);
  }
  // A new folder each time: the guest caches 9p lookups, and a name it has
  // already looked up could be stale.
  const dir = `/root/labs-${process.pid}-${copies++}`;
  const made = await vm.run(`mkdir ${dir}`);
  if (made.status !== 0) throw new Error(`cannot make ${dir} in the VM: ${made.output}`);
  await vm.writeFile(`${dir}/lib.sh`, readFileSync(path.join(LABS, 'lib.sh')));
  await vm.writeFile(`${dir}/${name}.sh`, readFileSync(file));
  return `${dir}/${name}.sh`;
}

async function runLab(vm: LabVm, name: string) {
  const guestPath = await copyLab(vm, name);
  return vm.run(`bash ${guestPath}`, timeoutMs);
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
      const fetched = vm.fetchedFiles();
      if (fetched) console.log(`files fetched: ${fetched.length}`);
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
      const manifestDir = path.dirname(opts.manifest);
      const file = rest[0] ?? path.join(manifestDir, 'state', 'lab-vm.state.zst');
      // memtest=1 writes zeros over all free memory early in the boot, and so
      // wipes what the boot loader left (the compressed kernel): pages that
      // the zero fill below cannot reach. labvm.preload: lab-init loads the
      // modules the labs use (rootfs/etc/lab-vm/preload-modules).
      const vm = await start(undefined, 'memtest=1 labvm.preload');
      if (!opts['keep-caches']) {
        const dropped = await vm.run('sync; echo 3 > /proc/sys/vm/drop_caches');
        if (dropped.status !== 0) throw new Error(`drop_caches failed: ${dropped.output}`);
      }
      // v86 leaves zero pages out of a state, but a freed page keeps what it
      // held: filling free memory with zeros (a tmpfs file, then removed)
      // turns the boot's leftovers into pages the state skips.
      const zeroed = await vm.run(ZERO_FREE_MEMORY);
      if (zeroed.status !== 0) throw new Error(`zeroing free memory failed: ${zeroed.output}`);
      const hinted = await vm.zeroFreeMemory();
      console.error(`run.ts: the balloon zeroed ${mb(hinted)} of free memory`);
      // Back to what a reader gets: line editing and echo on, a fresh prompt.
      await vm.run('stty echo; set -o emacs');
      const state = new Uint8Array(await vm.saveState());
      await vm.destroy();
      mkdirSync(path.dirname(file), {recursive: true});
      const raw = file.replace(/\.zst$/, '');
      writeFileSync(raw, state);
      execFileSync('zstd', ['-q', '-f', '-19', '-T2', raw, '-o', file]);
      const gzipBytes = gzipSync(state, {level: 9}).length;
      console.log(`state: ${mb(state.length)} raw, ${mb(statSync(file).size)} zstd -19, ${mb(gzipBytes)} gzip -9 -> ${file}`);
      return;
    }
    default:
      fail(`unknown mode '${mode ?? ''}' (boot, exec, lab, labs, save-state)`);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
