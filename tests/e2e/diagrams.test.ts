import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {allMermaidBlocks} from '../../scripts/lib/docs';
import {browserTestsUnavailable, openSite, type Site, watchedPage} from '../helpers/site';
import {skipOrFail} from '../helpers/ci';

/** Pages with diagrams, as URL paths, from the source files that hold ```mermaid blocks. */
function diagramPages(): Map<string, number> {
  const pages = new Map<string, number>();
  for (const b of allMermaidBlocks()) {
    const zh = b.file.startsWith('i18n/zh-Hans/');
    const rel = b.file.replace(/^i18n\/zh-Hans\/docusaurus-plugin-content-docs\/current\//, '').replace(/^docs\//, '').replace(/\.mdx?$/, '');
    const url = `${zh ? '/zh-Hans' : ''}/docs/${rel}`;
    pages.set(url, (pages.get(url) ?? 0) + 1);
  }
  return pages;
}

describe('diagrams render in both locales and both colour modes', () => {
  let site: Site | undefined;
  const unavailable = browserTestsUnavailable();
  before(async () => {
    if (!unavailable) site = await openSite();
  });
  after(async () => site?.close());

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme} mode: every diagram becomes an <svg> with no error`, {timeout: 300_000}, async (t) => {
      if (!site) return skipOrFail(t, unavailable ?? 'site did not start');
      const pages = diagramPages();
      assert.ok(pages.size > 0, 'no page has a diagram');
      const problems: string[] = [];
      const w = await watchedPage(site, {colorScheme: scheme});
      for (const [p, count] of pages) {
        await w.page.goto(site.url + p, {waitUntil: 'networkidle'});
        assert.equal(await w.page.locator('html').getAttribute('data-theme'), scheme);
        const containers = w.page.locator('.docusaurus-mermaid-container');
        await w.page.waitForFunction((n) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= n, count, {timeout: 20_000}).catch(() => undefined);
        const svgs = await containers.locator('svg').count();
        if (svgs < count) problems.push(`${p}: ${svgs} of ${count} diagrams rendered`);
        const errorText = await w.page.locator('.docusaurus-mermaid-container').evaluateAll((els) =>
          els.map((e) => e.textContent ?? '').filter((t) => /Syntax error|Parse error/i.test(t)),
        );
        if (errorText.length) problems.push(`${p}: error text in a diagram: ${errorText[0]}`);
        for (const msg of w.problems) problems.push(`${p}: ${msg}`);
        w.problems.length = 0;
      }
      await w.close();
      assert.deepEqual(problems, []);
    });
  }
});
