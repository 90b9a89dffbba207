import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {findChrome, INSTALL_HINT, launchChrome} from '../../src/build/chromium';
import {allMermaidBlocks, ROOT} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';

const blocks = allMermaidBlocks();

describe('Mermaid diagrams in both locales', () => {
  test('the guide has diagrams to check', () => {
    assert.ok(blocks.length > 0, 'no ```mermaid block found under docs/ or i18n/');
  });

  test('every diagram has accTitle and accDescr, and colours only through classDef', () => {
    const problems: string[] = [];
    for (const b of blocks) {
      const at = `${b.file}:${b.line}`;
      if (!/^\s*accTitle\s*:/m.test(b.source)) problems.push(`${at}: no accTitle`);
      if (!/^\s*accDescr\s*[:{]/m.test(b.source)) problems.push(`${at}: no accDescr`);
      if (/^\s*style\s+\S+\s+.*fill\s*:/m.test(b.source)) problems.push(`${at}: inline "style ... fill"; use a classDef`);
    }
    assert.deepEqual(problems, []);
  });

  describe('every diagram parses with the Mermaid version the site ships', () => {
    let browser: Browser | undefined;
    let page: Page | undefined;
    before(async () => {
      if (!findChrome()) return;
      browser = await launchChrome();
      page = await browser.newPage();
      // The UMD bundle needs a DOM (DOMPurify), which Node lacks; a blank page has one.
      await page.addScriptTag({content: readFileSync(path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8')});
    });
    after(async () => browser?.close());

    test('parse', async (t) => {
      if (!page) return skipOrFail(t, INSTALL_HINT);
      const parseError = (source: string) =>
        page!.evaluate(async (text) => {
          try {
            await (window as unknown as {mermaid: {parse: (s: string) => Promise<unknown>}}).mermaid.parse(text);
            return null;
          } catch (e) {
            return String((e as Error).message ?? e)
              .split('\n')
              .slice(0, 4)
              .join(' ');
          }
        }, source);
      assert.ok(await parseError('flowchart LR\n  a -->'), 'a broken diagram must be reported');
      const failures: string[] = [];
      for (const b of blocks) {
        const error = await parseError(b.source);
        if (error) failures.push(`${b.file}:${b.line}: ${error}`);
      }
      assert.deepEqual(failures, [], `diagrams that do not parse:\n${failures.join('\n')}`);
    });
  });
});
