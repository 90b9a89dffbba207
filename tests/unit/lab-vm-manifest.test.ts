import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {readManifest, type Manifest} from '../../src/features/lab-vm/manifest';

const dir = mkdtempSync(path.join(tmpdir(), 'lab-vm-manifest-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const file = (name: string) => ({path: name, bytes: 1, sha256: 'a'.repeat(64)});
const valid: Manifest = {
  format: 1,
  inputsKey: '0123456789abcdef',
  debian: {suite: 'bookworm', architecture: 'i386'},
  kernel: {...file('boot/vmlinuz'), package: 'linux-image-6.1.0-57-686', version: '6.1.192-3', release: '6.1.0-57-686'},
  initrd: file('boot/initrd.img'),
  bios: file('bios/seabios.bin'),
  vgaBios: file('bios/vgabios.bin'),
  cmdline: 'console=ttyS0',
  rootfs: {index: file('rootfs/fs.json'), files: 'rootfs/files', entries: 3, uniqueFiles: 2, bytes: 10, storedBytes: 5, modules: 1},
  packages: [{name: 'bash', version: '5.2.15-2+b13', sha256: 'b'.repeat(64), inRootfs: true}],
};

function write(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

describe('lab VM manifest (scripts/lab-vm/manifest.ts)', () => {
  test('a manifest as pack.ts writes it is read back unchanged', () => {
    assert.deepEqual(readManifest(write('good.json', valid)), valid);
  });

  test('a missing field is named, with the file', () => {
    const withoutCmdline: Partial<Manifest> = {...valid};
    delete withoutCmdline.cmdline;
    const target = write('no-cmdline.json', withoutCmdline);
    assert.throws(
      () => readManifest(target),
      (error: Error) => error.message.includes(target) && error.message.includes('field cmdline'),
    );
  });

  test('a nested field with a wrong value is named by its path', () => {
    const target = write('bad-sha.json', {...valid, initrd: {...valid.initrd, sha256: 'not-a-hash'}});
    assert.throws(() => readManifest(target), /field initrd\.sha256/);
  });

  test('a file that is not JSON says how to make one', () => {
    const target = write('broken.json', '{');
    assert.throws(
      () => readManifest(target),
      (error: Error) => error.message.includes(target) && error.message.includes('npm run build:lab-vm'),
    );
  });
});
