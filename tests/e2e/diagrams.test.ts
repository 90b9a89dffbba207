import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {diagramPages} from '../../scripts/diagrams/measure';
import {BUILD_DIR, siteForSuite, visitConcurrently, watchedPage} from '../helpers/site';

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

    for (const scheme of ['light', 'dark'] as const) {
      test(`${scheme} mode shows the ${scheme} variant of every diagram and loads no Mermaid code`, {timeout: 300_000}, async (t) => {
        const site = siteOr(t);
        if (!site) return;
        const problems: string[] = [];
        const scripts = new Set<string>();
        await visitConcurrently(
          site,
          [...pages],
          3,
          async (w, [p, count]) => {
            w.page.on('response', (r) => {
              if (r.url().endsWith('.js')) scripts.add(r.url());
            });
            w.problems.length = 0;
            await w.page.goto(site.url + p, {waitUntil: 'networkidle'});
            assert.equal(await w.page.locator('html').getAttribute('data-theme'), scheme);
            const visibleCount = (mode: string) =>
              w.page
                .locator(`figure[data-diagram] .static-mermaid__${mode} svg`)
                .evaluateAll((svgs) => svgs.filter((el) => (el as SVGElement).getBoundingClientRect().width > 0).length);
            const visible = await visibleCount(scheme);
            const hidden = await visibleCount(scheme === 'light' ? 'dark' : 'light');
            if (visible !== count) problems.push(`${p}: ${visible} of ${count} ${scheme} diagrams visible`);
            if (hidden !== 0) problems.push(`${p}: ${hidden} diagrams of the other theme are visible`);
            for (const msg of w.problems) problems.push(`${p}: ${msg}`);
          },
          {colorScheme: scheme},
        );
        // Mermaid's own code carries this renderer name; no script a page loads may contain it.
        for (const url of scripts) {
          const body = await (await fetch(url)).text();
          if (body.includes('flowchart-v2')) problems.push(`${url} contains Mermaid`);
        }
        assert.deepEqual(problems, []);
      });
    }

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
