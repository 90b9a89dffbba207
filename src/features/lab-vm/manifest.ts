// The lab VM's manifest.json (scripts/lab-vm/build.sh): what it produced, from which packages, and
// how to boot it. pack.ts writes it; run.ts and the site's lab-vm plugin read it.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

const fileSchema = z.object({
  /** Relative to the folder of manifest.json. */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(1),
  /** Hash of build.sh's inputs: equal keys, same output. */
  inputsKey: z.string(),
  debian: z.object({suite: z.string(), architecture: z.literal('i386')}),
  kernel: fileSchema.extend({package: z.string(), version: z.string(), release: z.string()}),
  initrd: fileSchema,
  bios: fileSchema,
  vgaBios: fileSchema,
  cmdline: z.string(),
  rootfs: z.object({
    /** v86's 9p index (JSON format 3): the tree, with each file named by its content hash. */
    index: fileSchema,
    /** Folder of the files, each zstd-compressed, named <hash>.bin.zst. */
    files: z.string(),
    entries: z.number().int(),
    uniqueFiles: z.number().int(),
    bytes: z.number().int(),
    storedBytes: z.number().int(),
    modules: z.number().int(),
  }),
  packages: z.array(z.object({name: z.string(), version: z.string(), sha256: z.string(), inRootfs: z.boolean()})),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function readManifest(file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the lab VM manifest (run: npm run build:lab-vm): ${String(error)}`, {cause: error});
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message} (rebuild: npm run build:lab-vm -- --force)`);
  }
  return parsed.data;
}

/** Absolute path of a file the manifest names. */
export function resolveIn(manifestFile: string, relative: string): string {
  return path.join(path.dirname(manifestFile), relative);
}

/** <state>.json beside a saved state: a state only fits the image and the memory size it was saved with. */
export const stateInfoSchema = z.object({inputsKey: z.string(), memoryMiB: z.number().int().positive()});
export type StateInfo = z.infer<typeof stateInfoSchema>;

export function readStateInfo(stateFile: string): StateInfo {
  const file = `${stateFile}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read what the lab VM state was saved from (run: npm run build:lab-vm): ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = stateInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message} (run: npm run build:lab-vm)`);
  }
  return parsed.data;
}

const REPO = path.resolve(__dirname, '../../..');

/** The guest memory the image is made for and a state is saved with (the reader's budget). */
export const MEMORY_MIB = 256;

/**
 * Where the built image lives (manifest.json, boot/, rootfs/, state/):
 * LAB_VM_DIR, or .cache/lab-vm/out in the repository. build.sh, run.ts,
 * ensure.ts, the site's plugin and the tests all honour it.
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
