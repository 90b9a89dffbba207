// Records the transcripts the lab pages show: runs each lab and writes its
// output to labs/transcripts/<lab>.txt (src/features/labs/transcripts.ts).
//
//   sudo npm run labs:record                  every lab
//   sudo npm run labs:record -- veth-pair …   those named
//
// A lab runs here, as root, unless src/data/lab-support.ts says a stock host
// may lack what it needs (`host`): those run in the lab VM (scripts/lab-vm/,
// from its saved state; build it with `sudo npm run build:lab-vm`). A run
// that does not pass, or whose output does not match labs/<lab>.expected.txt,
// is reported and not written.
import {execFileSync, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {labSupport} from '../../src/data/lab-support';
import type {LabSupport} from '../../src/data/lab-support.schema';
import {unmatchedExpectedLines} from '../../src/features/labs/expected-output';
import {formatTranscript, transcriptFile, type TranscriptHeader} from '../../src/features/labs/transcripts';
import {labVmDir, manifestFile, readManifest, readStateInfo, stateFile} from '../../src/features/lab-vm/manifest';
import {LabVm} from '../lab-vm/vm';

const ROOT = path.resolve(__dirname, '../..');
const LABS = path.join(ROOT, 'labs');
const support: LabSupport = labSupport;
const ALL = readdirSync(LABS)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.slice(0, -3))
  .sort();

const today = () => new Date().toISOString().slice(0, 10);

/** `uname -srm` and the PRETTY_NAME of /etc/os-release, read by a shell on the machine that runs the lab. */
const ABOUT = `uname -srm; . /etc/os-release; echo "$PRETTY_NAME"`;
function about(text: string): Pick<TranscriptHeader, 'kernel' | 'system'> {
  const [kernel = '', system = ''] = text.trim().split('\n');
  return {kernel: kernel.trim(), system: system.trim()};
}

interface Run {
  status: number;
  output: string;
  header: TranscriptHeader;
}

function runOnHost(lab: string): Run {
  if (process.getuid?.() !== 0) throw new Error('labs create network namespaces: run this as root (sudo npm run labs:record)');
  const env = {...process.env};
  delete env.LAB_KEEP;
  // One pipe for stdout and stderr, so that the transcript has both in the order a terminal shows them.
  const result = spawnSync('timeout', ['150', 'bash', '-c', 'exec bash "$0" 2>&1', path.join(LABS, `${lab}.sh`)], {
    encoding: 'utf8',
    cwd: ROOT,
    env,
  });
  return {
    status: result.status ?? 128,
    output: result.stdout,
    header: {recorded: today(), ...about(execFileSync('sh', ['-c', ABOUT], {encoding: 'utf8'})), where: 'host'},
  };
}

let vm: LabVm | undefined;
async function runInVm(lab: string): Promise<Run> {
  if (!vm) {
    const dir = labVmDir();
    const info = readStateInfo(stateFile(dir));
    if (info.inputsKey !== readManifest(manifestFile(dir)).inputsKey) {
      throw new Error(`${stateFile(dir)} was saved from another image; make it again: sudo npm run build:lab-vm`);
    }
    vm = new LabVm({manifestFile: manifestFile(dir), stateFile: stateFile(dir), memoryMiB: info.memoryMiB});
    await vm.poke(90_000);
  }
  const result = await vm.runLab(LABS, lab, 600_000);
  const system = await vm.run(ABOUT);
  return {status: result.status, output: result.output, header: {recorded: today(), ...about(system.output), where: 'vm'}};
}

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !ALL.includes(n));
  if (unknown.length) {
    console.error(`record.ts: no such lab: ${unknown.join(', ')} (labs/<name>.sh)`);
    return 2;
  }
  let failed = 0;
  mkdirSync(path.join(LABS, 'transcripts'), {recursive: true});
  for (const lab of names.length ? names : ALL) {
    const inVm = lab in support.host;
    const t0 = performance.now();
    let run: Run;
    try {
      run = inVm ? await runInVm(lab) : runOnHost(lab);
    } catch (error) {
      console.error(`✖ ${lab}: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
      continue;
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const missing = unmatchedExpectedLines(readFileSync(path.join(LABS, `${lab}.expected.txt`), 'utf8'), run.output);
    const passed = run.status === 0 && new RegExp(`^PASS: ${lab}$`, 'm').test(run.output);
    if (!passed || missing.length) {
      const why = passed ? `lines of labs/${lab}.expected.txt not in its output:\n${missing.join('\n')}` : `exited with ${run.status}`;
      console.error(`✖ ${lab} (${inVm ? 'lab VM' : 'host'}, ${seconds} s): not recorded: ${why}\n${run.output.slice(-2000)}`);
      failed++;
      continue;
    }
    writeFileSync(path.join(ROOT, transcriptFile(lab)), formatTranscript(run.header, run.output));
    console.log(`✔ ${transcriptFile(lab)} (${inVm ? 'lab VM' : 'host'}, ${seconds} s)`);
  }
  await vm?.destroy();
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
