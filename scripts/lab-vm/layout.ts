// Where the lab VM's image and saved state live, and what decides whether
// they are up to date. build.sh asks this file for the inputs key, so that
// ensure.ts can compare it with the built manifest without root or bash: one
// definition for both.
//
//   tsx scripts/lab-vm/layout.ts      print the inputs key
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';

const SCRIPTS = __dirname;
const REPO = path.resolve(SCRIPTS, '../..');

/** The guest memory the image is made for and a state is saved with (the reader's budget). */
export const MEMORY_MIB = 256;

/**
 * Where the built image lives (manifest.json, boot/, rootfs/, state/):
 * LAB_VM_DIR, or .cache/lab-vm/out in the repository. build.sh, run.ts,
 * ensure.ts and the tests all honour it.
 */
export function labVmDir(): string {
  return path.resolve(process.env.LAB_VM_DIR || path.join(REPO, '.cache/lab-vm/out'));
}

export function manifestFile(dir = labVmDir()): string {
  return path.join(dir, 'manifest.json');
}

/** The saved state that the tests and the page restore instead of booting (run.ts save-state writes it). */
export function stateFile(dir = labVmDir()): string {
  return path.join(dir, 'state', 'lab-vm.state.zst');
}

/** The files whose bytes are hashed, in this order; a missing one is left out. */
const SOURCES = ['build.sh', 'pack.ts', 'manifest.ts', 'initramfs-init.sh', 'packages.lock'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/**
 * 16 hex digits of SHA-256 over the build's sources and the files copied into
 * the image (rootfs/): the same value as the shell pipeline
 * `{ cat SOURCES; find rootfs -type f | LC_ALL=C sort | xargs sha256sum; } | sha256sum`
 * that the first images were keyed with, so that those stay up to date.
 */
export function inputsKey(scripts = SCRIPTS): string {
  const hash = createHash('sha256');
  for (const name of SOURCES) {
    const file = path.join(scripts, name);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  const rootfs = filesUnder(path.join(scripts, 'rootfs'))
    .map((full) => path.relative(scripts, full).split(path.sep).join('/'))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const rel of rootfs) {
    const digest = createHash('sha256')
      .update(readFileSync(path.join(scripts, rel)))
      .digest('hex');
    hash.update(`${digest}  ${rel}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** What a saved state was made from (beside it, as <state>.json): a state only fits that image and memory size. */
export const stateInfoSchema = z.object({inputsKey: z.string(), memoryMiB: z.number().int().positive()});
export type StateInfo = z.infer<typeof stateInfoSchema>;

/** Reads <state>.json; throws naming the file and the field, and how to make the state again. */
export function readStateInfo(state: string): StateInfo {
  const file = `${state}.json`;
  const again = 'make the state again: npm run build:lab-vm';
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: missing or unreadable (${String(error)}); ${again}`, {cause: error});
  }
  const parsed = stateInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}; ${again}`);
  }
  return parsed.data;
}

if (require.main === module) console.log(inputsKey());
