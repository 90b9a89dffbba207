import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR} from '../helpers/site';

/**
 * Schemas check the data at build and test time; a page that imports a data
 * module must not carry zod (about 20 KiB gzip) to the reader. A value import
 * of a schema module from a page is the way it slips in.
 */
describe('the browser bundle carries no build-time library', () => {
  test('no built script contains zod', (t) => {
    const dirs = [path.join(BUILD_DIR, 'assets/js'), path.join(BUILD_DIR, 'zh-Hans/assets/js')];
    if (!dirs.every(existsSync)) return skipOrFail(t, `no build in ${BUILD_DIR}: run \`npm run build\` first`);
    // zod names its error class and its core type in strings that minification keeps.
    const withZod = dirs.flatMap((dir) =>
      readdirSync(dir).filter((f) => f.endsWith('.js') && /ZodError|\$ZodType/.test(readFileSync(path.join(dir, f), 'utf8'))),
    );
    assert.deepEqual(withZod, [], 'import schemas with `import type` only, from anything the browser loads');
  });
});
