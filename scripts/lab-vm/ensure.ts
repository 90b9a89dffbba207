// Makes sure the lab VM (image and saved state) is in LAB_VM_DIR (default
// .cache/lab-vm/out) before the site is built or tested.
//
//   tsx scripts/lab-vm/ensure.ts             npm run build / start / test: up to date, nothing to do;
//                                            else build it when this machine can, or say why not and go on
//   tsx scripts/lab-vm/ensure.ts --required  npm run build:lab-vm: build it or fail (--force and --relock
//                                            go to build.sh)
//
// The image is remade when its inputs (layout.ts: inputsKey) changed, by
// build.sh, which runs as root on Debian/Ubuntu; the state is remade when it
// is missing or was saved from another image, by run.ts save-state (a boot
// in v86, no root). LAB_VM=skip leaves both as they are (quick local builds).
// Under CI=true a lab VM that cannot be made is an error: CI runs the labs in it.
import {spawnSync} from 'node:child_process';
import {accessSync, constants, existsSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {labVmDir, manifestFile, MEMORY_MIB, readManifest, readStateInfo, stateFile} from '../../src/features/lab-vm/manifest';
import {inputsKey} from './layout';

const HERE = __dirname;
const HOW = 'to build it (Debian/Ubuntu, as root; the first build downloads about 110 MB of Debian packages): sudo npm run build:lab-vm';

const {values: opts} = parseArgs({
  options: {
    required: {type: 'boolean', default: false},
    force: {type: 'boolean', default: false},
    relock: {type: 'boolean', default: false},
  },
});

const dir = labVmDir();
const say = (message: string) => console.log(`lab VM: ${message}`);

/** Why the image in dir is not the one the sources make, or undefined when it is. */
function imageProblem(key: string): string | undefined {
  if (!existsSync(manifestFile(dir))) return `no image in ${dir}`;
  let manifest;
  try {
    manifest = readManifest(manifestFile(dir));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (manifest.inputsKey !== key) return `the image in ${dir} was built from other sources (inputs ${manifest.inputsKey}, now ${key})`;
  for (const file of [manifest.kernel, manifest.initrd, manifest.bios, manifest.vgaBios, manifest.rootfs.index]) {
    if (!existsSync(path.join(dir, file.path))) return `${path.join(dir, file.path)} is missing`;
  }
  return undefined;
}

/** Why the saved state does not fit the image, or undefined when it does. */
function stateProblem(key: string): string | undefined {
  const state = stateFile(dir);
  if (!existsSync(state)) return `no saved state (${state})`;
  try {
    const info = readStateInfo(state);
    if (info.inputsKey !== key) return `the saved state is of another image (inputs ${info.inputsKey}, the image's ${key})`;
    if (info.memoryMiB !== MEMORY_MIB) return `the saved state has ${info.memoryMiB} MiB of memory, not ${MEMORY_MIB}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** The inputs key of the image in dir, if there is a readable one. */
function builtKey(): string | undefined {
  try {
    return readManifest(manifestFile(dir)).inputsKey;
  } catch {
    return undefined;
  }
}

/** What this machine lacks to build the image (build.sh --can-build lists it), or undefined. */
function cannotBuild(): string | undefined {
  if (process.platform !== 'linux') return `building the image needs Linux (this is ${process.platform})`;
  const check = spawnSync('bash', [path.join(HERE, 'build.sh'), '--can-build'], {encoding: 'utf8'});
  if (check.status === 0) return undefined;
  return (check.stderr || check.stdout || `build.sh --can-build exited ${check.status ?? check.signal}`).trim();
}

/** What this machine lacks to save a state, or undefined. */
function cannotSaveState(): string | undefined {
  if (spawnSync('zstd', ['--version']).status !== 0) return "'zstd' is missing (apt-get install zstd)";
  const target = path.dirname(stateFile(dir));
  try {
    mkdirSync(target, {recursive: true});
    accessSync(target, constants.W_OK);
  } catch {
    return `${target} is not writable (was the image built by root? then: sudo npm run build:lab-vm)`;
  }
  return undefined;
}

/** Runs a step with its output shown; true when it succeeded. */
function step(title: string, command: string, args: string[]): boolean {
  say(title);
  const started = Date.now();
  const result = spawnSync(command, args, {stdio: 'inherit', env: {...process.env, LAB_VM_DIR: dir}});
  const ok = result.status === 0;
  say(`${ok ? 'done' : `FAILED (exit ${result.status ?? result.signal})`}: ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return ok;
}

const tsx = path.resolve(HERE, '../../node_modules/.bin/tsx');

/** Builds what is missing; returns what could not be made, or undefined when the image and state are ready. */
function ensure(): string | undefined {
  const key = inputsKey();
  const image = opts.force || opts.relock ? 'a rebuild was asked for' : imageProblem(key);
  if (image) {
    say(image);
    const lacking = opts.required ? undefined : cannotBuild();
    if (lacking) return `${image}, and this machine cannot build it:\n${lacking}`;
    const flags = [opts.force ? '--force' : '', opts.relock ? '--relock' : ''].filter(Boolean);
    if (!step('building the image (scripts/lab-vm/build.sh)', 'bash', [path.join(HERE, 'build.sh'), ...flags]))
      return 'scripts/lab-vm/build.sh failed (its messages are above)';
    const still = imageProblem(inputsKey());
    if (still) return `build.sh finished, yet: ${still}`;
  }
  const builtKey = readManifest(manifestFile(dir)).inputsKey;
  const state = stateProblem(builtKey);
  if (state) {
    say(state);
    const lacking = cannotSaveState();
    if (lacking) return `${state}, and it cannot be saved: ${lacking}`;
    const saved = step('saving the state (scripts/lab-vm/run.ts save-state: boots the VM, about a minute)', tsx, [
      path.join(HERE, 'run.ts'),
      '--manifest',
      manifestFile(dir),
      'save-state',
    ]);
    if (!saved) return 'run.ts save-state failed (its messages are above)';
    const still = stateProblem(builtKey);
    if (still) return `save-state finished, yet: ${still}`;
  }
  say(`${image || state ? 'ready' : 'up to date'}: ${dir} (inputs ${builtKey}, state saved)`);
  return undefined;
}

function main(): number {
  if (!opts.required && process.env.LAB_VM === 'skip') {
    const key = inputsKey();
    const image = imageProblem(key);
    say(
      `LAB_VM=skip: not checked or built. ${image ? `Going on WITHOUT an up-to-date lab VM (${image}).` : `${dir} holds the current image${stateProblem(key) ? ' but no fitting state' : ' and state'}.`}`,
    );
    return 0;
  }
  const missing = ensure();
  if (!missing) return 0;
  console.error(`\nlab VM: NOT READY. ${missing}`);
  if (opts.required) return 1;
  const key = builtKey();
  console.error(
    key && !stateProblem(key)
      ? `lab VM: going on with the OUT-OF-DATE image in ${dir} (inputs ${key}) and its state.`
      : 'lab VM: going on WITHOUT the lab VM: the site is built without it (its labs will not run in the browser), and tests/labs/vm.test.ts skips its labs.',
  );
  console.error(`lab VM: ${HOW}. (LAB_VM=skip skips this check.)\n`);
  if (process.env.CI === 'true') {
    console.error('lab VM: under CI=true this is an error: CI runs every lab in the lab VM.');
    return 1;
  }
  return 0;
}

process.exitCode = main();
