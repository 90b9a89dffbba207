import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {diagramPages} from '../../scripts/diagrams/measure';
import {BUILD_DIR, siteForSuite, visibleDiagrams, watchedPage} from '../helpers/site';

describe('diagrams are rendered at build time', () => {
  const pages = diagramPages();

  test('every diagram of both locales is inline SVG in the built HTML, light and dark, with an accessible name', () => {
    assert.ok(pages.size > 0, 'no page has a diagram');
    const problems: string[] = [];
    for (const [p, count] of pages) {
      const html = readFileSync(path.join(BUILD_DIR, `${p}.html`), 'utf8');
      const figures = [...html.matchAll(/<figure[^>]*data-diagram[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => m[1] ?? '');
      if (figures.length !== count) problems.push(`${p}: ${figures.length} diagram figures for ${count} diagrams`);
      figures.forEach((inner, i) => {
        for (const mode of ['light', 'dark']) {
          const svg = new RegExp(`class="?static-mermaid__${mode}"?><svg[^>]*aria-labelledby="?([^" >]+)`).exec(inner);
          if (!svg) problems.push(`${p}, diagram ${i + 1}: no ${mode} <svg> with aria-labelledby`);
          else if (!new RegExp(`<title id="?${svg[1]}"?>[^<]+</title>`).test(inner))
            problems.push(`${p}, diagram ${i + 1}: ${mode} SVG has no <title> (accTitle)`);
        }
        if (!/<desc /.test(inner)) problems.push(`${p}, diagram ${i + 1}: no <desc> (accDescr)`);
      });
    }
    assert.deepEqual(problems, []);
  });

  describe('in the browser', () => {
    const siteOr = siteForSuite();

    // Every page's light and dark variants are checked in the sitemap sweep (pages.test.ts), by the
    // attribute the colour-mode switch sets; here, a reader whose system asks for dark gets dark first.
    test('a reader whose system is in dark mode gets the dark diagrams on the first paint', async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const p = '/zh-Hans/docs/docker/bridge-mode';
      const count = pages.get(p) ?? 0;
      assert.ok(count > 0, `${p} has no diagram`);
      const w = await watchedPage(site, {colorScheme: 'dark'});
      await w.page.goto(site.url + p, {waitUntil: 'load'});
      assert.equal(await w.page.locator('html').getAttribute('data-theme'), 'dark');
      assert.deepEqual(await visibleDiagrams(w.page), {light: 0, dark: count});
      assert.deepEqual(w.problems, []);
      await w.close();
    });

    test('a diagram reached by client-side navigation is fetched and shown', async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await watchedPage(site);
      await w.page.goto(`${site.url}/docs/references`, {waitUntil: 'networkidle'});
      await w.page.locator('nav.menu').getByRole('link', {name: 'Network namespaces'}).click();
      await w.page.waitForURL(/\/docs\/linux\/network-namespaces$/);
      const count = pages.get('/docs/linux/network-namespaces') ?? 0;
      await w.page.waitForFunction(
        (n) => document.querySelectorAll('figure[data-diagram] .static-mermaid__light svg').length === n,
        count,
        {timeout: 10_000},
      );
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  });
});
