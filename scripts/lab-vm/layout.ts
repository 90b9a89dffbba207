// What decides whether the lab VM's image is up to date. build.sh asks this
// file for the inputs key, so that ensure.ts can compare it with the built
// manifest without root or bash: one definition for both. Where the image
// lives is in src/features/lab-vm/manifest.ts.
//
//   tsx scripts/lab-vm/layout.ts      print the inputs key
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const SCRIPTS = __dirname;

/** The files whose bytes are hashed, in this order; a missing one is left out. */
const SOURCES = ['build.sh', 'pack.ts', '../../src/features/lab-vm/manifest.ts', 'initramfs-init.sh', 'packages.lock'];

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

if (require.main === module) console.log(inputsKey());
