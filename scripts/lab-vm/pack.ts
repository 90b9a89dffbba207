// Turns the lab VM's staged root file system into what v86 serves over 9p: an
// index (fs.json, v86's JSON format 3) and a folder of zstd-compressed files
// named by content hash, fetched one by one when the guest opens them. Then
// writes manifest.json. Called by build.sh; see README.md beside this file.
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {manifestSchema, type Manifest} from '../../src/features/lab-vm/manifest';

const {values: args} = parseArgs({
  options: {
    stage: {type: 'string'},
    out: {type: 'string'},
    lock: {type: 'string'},
    debs: {type: 'string'},
    'kernel-package': {type: 'string'},
    'kernel-version': {type: 'string'},
    'kernel-release': {type: 'string'},
    modules: {type: 'string'},
    mtime: {type: 'string'},
    cmdline: {type: 'string'},
    'inputs-key': {type: 'string'},
    suite: {type: 'string'},
    skipped: {type: 'string', default: ''},
  },
});

function arg(name: keyof typeof args): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') throw new Error(`pack.ts: --${name} is required`);
  return value;
}

const stage = arg('stage');
const out = arg('out');
const mtime = Number(arg('mtime'));
const filesDir = path.join(out, 'rootfs', 'files');

// v86's JSON file system, format 3: [name, size, mtime, mode, uid, gid, target],
// where target is the children of a directory, the target of a symlink, or the
// stored file name of a regular file.
type Entry = [string, number, number, number, number, number, (Entry[] | string)?];

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
// 16 hex digits of SHA-256: a collision is checked for, and the index is half
// the size it would be with whole hashes.
const HASH_CHARS = 16;

const stored = new Map<string, string>(); // stored name -> full sha256
const toStore = new Map<string, string>(); // stored name -> a source path
let entries = 0;
let totalBytes = 0;

function walk(dir: string): Entry[] {
  const children: Entry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const st = lstatSync(full);
    const type = st.mode & S_IFMT;
    const head: [string, number, number, number, number, number] = [name, 0, mtime, st.mode, st.uid, st.gid];
    entries++;
    if (type === S_IFDIR) {
      children.push([...head, walk(full)]);
    } else if (type === S_IFLNK) {
      const target = readlinkSync(full);
      head[1] = Buffer.byteLength(target);
      children.push([...head, target]);
    } else if (type === S_IFREG) {
      const sha = createHash('sha256').update(readFileSync(full)).digest('hex');
      const storedName = `${sha.slice(0, HASH_CHARS)}.bin.zst`;
      const known = stored.get(storedName);
      if (known !== undefined && known !== sha)
        throw new Error(`pack.ts: ${full}: hash prefix collision with another file; raise HASH_CHARS`);
      if (known === undefined) {
        stored.set(storedName, sha);
        toStore.set(storedName, full);
      }
      head[1] = st.size;
      totalBytes += st.size;
      children.push([...head, storedName]);
    } else {
      // Device nodes come from devtmpfs at boot; nothing else is expected.
      throw new Error(`pack.ts: ${full}: not a file, directory or symlink (mode ${st.mode.toString(8)})`);
    }
  }
  return children;
}

const fsroot = walk(stage);
const index = {fsroot, version: 3, size: totalBytes};
mkdirSync(filesDir, {recursive: true});

// Compress what the folder lacks, in batches: zstd takes many files per call.
const pending: string[] = [];
for (const [storedName, source] of toStore) {
  if (existsSync(path.join(filesDir, storedName))) continue;
  const raw = path.join(filesDir, storedName.replace(/\.zst$/, ''));
  copyFileSync(source, raw);
  pending.push(raw);
}
// One zstd per core: a file is too small for zstd's own threads, and -19 is
// what a reader downloads (level 12 would be 9 % bigger), so the cores share
// the files instead (2 cores: 80 s -> 50 s for the whole image).
if (pending.length > 0) {
  execFileSync('xargs', ['-0', '-P', String(availableParallelism()), '-n', '64', 'zstd', '-q', '-19', '--rm', '-f'], {
    input: pending.join('\0'),
    stdio: ['pipe', 'inherit', 'inherit'],
  });
}
// Files no longer in the image go, so the folder is exactly what the index names.
let storedBytes = 0;
for (const name of readdirSync(filesDir)) {
  if (!stored.has(name)) rmSync(path.join(filesDir, name));
  else storedBytes += statSync(path.join(filesDir, name)).size;
}

const indexFile = path.join(out, 'rootfs', 'fs.json');
writeFileSync(`${indexFile}.tmp`, JSON.stringify(index));
renameSync(`${indexFile}.tmp`, indexFile);

function describe(relative: string) {
  const data = readFileSync(path.join(out, relative));
  return {path: relative, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex')};
}

const skipped = new Set(args.skipped?.split(/\s+/).filter(Boolean));
const debs = arg('debs');
const debFiles = readdirSync(debs);
const kernelPackage = arg('kernel-package');
const packages = readFileSync(arg('lock'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [name = '', version = ''] = line.split(' ');
    const prefix = `${name}_${version.replace(':', '%3a')}_`;
    const deb = debFiles.find((f) => f.startsWith(prefix) && f.endsWith('.deb'));
    if (!deb) throw new Error(`pack.ts: no .deb for ${name} ${version} in ${debs}`);
    const sha256 = createHash('sha256')
      .update(readFileSync(path.join(debs, deb)))
      .digest('hex');
    const inRootfs = !skipped.has(name) && name !== kernelPackage;
    return {name, version, sha256, inRootfs};
  });

const manifest: Manifest = manifestSchema.parse({
  format: 1,
  inputsKey: arg('inputs-key'),
  debian: {suite: arg('suite'), architecture: 'i386'},
  kernel: {...describe('boot/vmlinuz'), package: kernelPackage, version: arg('kernel-version'), release: arg('kernel-release')},
  initrd: describe('boot/initrd.img'),
  bios: describe('bios/seabios.bin'),
  vgaBios: describe('bios/vgabios.bin'),
  cmdline: arg('cmdline'),
  rootfs: {
    index: describe('rootfs/fs.json'),
    files: 'rootfs/files',
    entries,
    uniqueFiles: stored.size,
    bytes: totalBytes,
    storedBytes,
    modules: Number(arg('modules')),
  },
  packages,
});
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `pack.ts: ${entries} entries, ${stored.size} unique files, ${(totalBytes / 1e6).toFixed(1)} MB -> ${(storedBytes / 1e6).toFixed(1)} MB stored (${pending.length} newly compressed)`,
);
