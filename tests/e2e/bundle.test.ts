import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR, builtScripts} from '../helpers/site';

/**
 * Schemas check the data at build and test time; a page that imports a data
 * module must not carry zod (about 20 KiB gzip) to the reader. A value import
 * of a schema module from a page is the way it slips in.
 */
describe('the browser bundle carries no build-time library', () => {
  test('no built script contains zod', (t) => {
    const scripts = ['', 'zh-Hans'].map((locale) => builtScripts(locale));
    if (!scripts.every(Boolean)) return skipOrFail(t, `no build in ${BUILD_DIR}: run \`npm run build\` first`);
    // zod names its error class and its core type in strings that minification keeps.
    const withZod = scripts.flatMap((list) => list!.filter((s) => /ZodError|\$ZodType/.test(s.text)).map((s) => s.file));
    assert.deepEqual(withZod, [], 'import schemas with `import type` only, from anything the browser loads');
  });
});
