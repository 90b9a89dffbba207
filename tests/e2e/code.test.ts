import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR, builtScripts, siteForSuite} from '../helpers/site';

const LAB = readFileSync(path.resolve(__dirname, '../../labs/netns-basics.sh'), 'utf8').trimEnd();

describe('code blocks, highlighted at build time', () => {
  const siteOr = siteForSuite();

  for (const [prefix, label, copied] of [
    ['', 'Copy code to clipboard', 'Copied'],
    ['/zh-Hans', '复制代码到剪贴板', '复制成功'],
  ] as const) {
    test(`${prefix || 'en'}: Copy puts the lab script on the clipboard, without its line numbers`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const context = await site.browser.newContext({permissions: ['clipboard-read', 'clipboard-write']});
      try {
        const page = await context.newPage();
        await page.goto(`${site.url}${prefix}/docs/linux/network-namespaces`, {waitUntil: 'networkidle'});
        // The lab's script is longer than 80 lines, so it is collapsed: open it first.
        await page.locator('summary', {hasText: 'labs/netns-basics.sh'}).click();
        const listing = page.locator('.listing', {hasText: 'labs/netns-basics.sh'}).first();
        const button = listing.getByRole('button', {name: label});
        await button.click();
        assert.equal(await page.evaluate('navigator.clipboard.readText()'), LAB);
        assert.equal((await button.innerText()).trim(), copied);
        // Keywords are coloured: the markup has Prism's token classes.
        assert.ok((await listing.locator('.token.function').count()) > 10);
      } finally {
        await context.close();
      }
    });
  }

  test('no page ships Prism: highlighting happened at build time', (t) => {
    const scripts = ['', 'zh-Hans'].map((locale) => builtScripts(locale));
    if (!scripts.every(Boolean)) return skipOrFail(t, `no build in ${BUILD_DIR}: run \`npm run build\` first`);
    // DFS is a method of Prism's core object; its name survives minification.
    const withPrism = scripts.flatMap((list) => list!.filter((s) => s.text.includes('DFS:function')).map((s) => s.file));
    assert.deepEqual(withPrism, []);
  });
});
