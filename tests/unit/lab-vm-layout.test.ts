import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {inputsKey} from '../../scripts/lab-vm/layout';
import {readStateInfo} from '../../src/features/lab-vm/manifest';

const dir = mkdtempSync(path.join(tmpdir(), 'lab-vm-layout-'));
after(() => rmSync(dir, {recursive: true, force: true}));

describe('lab VM inputs key and state info (scripts/lab-vm/layout.ts)', () => {
  // ensure.ts rebuilds the image exactly when this key changes.
  test('the key follows the image sources and the rootfs files, not the runner', () => {
    const scripts = path.join(dir, 'scripts');
    cpSync(path.join(__dirname, '../../scripts/lab-vm'), scripts, {recursive: true});
    const key = inputsKey(scripts);
    assert.match(key, /^[0-9a-f]{16}$/);
    assert.equal(inputsKey(scripts), key, 'same sources, same key');

    writeFileSync(path.join(scripts, 'run.ts'), '// changed\n', {flag: 'a'});
    assert.equal(inputsKey(scripts), key, 'run.ts does not go into the image');

    writeFileSync(path.join(scripts, 'rootfs/etc/hosts'), '# changed\n', {flag: 'a'});
    const afterRootfs = inputsKey(scripts);
    assert.notEqual(afterRootfs, key, 'a file copied into the image');

    writeFileSync(path.join(scripts, 'packages.lock'), 'bash 1\n', {flag: 'a'});
    assert.notEqual(inputsKey(scripts), afterRootfs, 'a package version');
  });

  test('a state without its .json, or with a bad field, names the file and says how to make it again', () => {
    const state = path.join(dir, 'lab-vm.state.zst');
    assert.throws(
      () => readStateInfo(state),
      (error: Error) => error.message.includes(`${state}.json`) && error.message.includes('npm run build:lab-vm'),
    );
    writeFileSync(`${state}.json`, JSON.stringify({inputsKey: 'abc', memoryMiB: '256'}));
    assert.throws(() => readStateInfo(state), /field memoryMiB/);
    writeFileSync(`${state}.json`, JSON.stringify({inputsKey: 'abc', memoryMiB: 256}));
    assert.deepEqual(readStateInfo(state), {inputsKey: 'abc', memoryMiB: 256});
  });
});
