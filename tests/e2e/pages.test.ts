import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {diagramPages, failures, measureLoadedPage, TARGETS} from '../../scripts/diagrams/measure';
import {BUILD_DIR, scriptsContaining, siteForSuite, visibleDiagrams, visitConcurrently, watchedPage} from '../helpers/site';

/** Paths of every page listed in a locale's sitemap, relative to the site's home (the build's base path taken off). */
function sitemapPaths(file: string, basePath: string): string[] {
  const xml = readFileSync(path.join(BUILD_DIR, file), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const pathname = new URL(m[1] ?? '').pathname;
    assert.ok(pathname.startsWith(basePath), `${file} lists ${pathname}, outside the base path ${basePath}`);
    return `/${pathname.slice(basePath.length)}`;
  });
}

describe('every page of both sitemaps', () => {
  const siteOr = siteForSuite();
  // One visit per page serves this suite, the diagrams' colour variants and their legibility (issue #16):
  // each sweep of every page is minutes of the browser tests.
  const diagrams = diagramPages();
  const diagramProblems: string[] = [];
  const diagramPagesSeen = new Set<string>();
  const scripts = new Set<string>();
  const illegible = new Map<string, string[]>([
    ['en', []],
    ['zh-Hans', []],
  ]);

  test('answers 200, shows its h1, logs no error and loads nothing from elsewhere', {timeout: 600_000}, async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const paths = [...sitemapPaths('sitemap.xml', site.basePath), ...sitemapPaths('zh-Hans/sitemap.xml', site.basePath)];
    assert.ok(
      paths.some((p) => p.startsWith('/zh-Hans/')),
      'the Chinese sitemap lists no page',
    );
    const problems: string[] = [];
    const desktop = {width: TARGETS.desktop.width, height: TARGETS.desktop.height};
    await visitConcurrently(
      site,
      paths,
      2,
      async (w, p) => {
        w.problems.length = 0;
        w.foreign.length = 0;
        const response = await w.page.goto(site.url + p, {waitUntil: 'networkidle'});
        if (response?.status() !== 200) problems.push(`${p}: status ${response?.status()}`);
        const h1 = (
          await w.page
            .locator('h1')
            .first()
            .textContent({timeout: 20_000})
            .catch(() => null)
        )?.trim();
        if (!h1) problems.push(`${p}: no <h1>`);
        for (const msg of w.problems) problems.push(`${p}: ${msg}`);
        for (const u of w.foreign) problems.push(`${p}: requested ${u}`);
        for (const u of w.scripts) scripts.add(u);
        const count = diagrams.get(p);
        if (count === undefined) return;
        diagramPagesSeen.add(p);
        // The colour-mode switch sets this attribute; the stylesheet alone decides which variant shows.
        for (const scheme of ['light', 'dark'] as const) {
          await w.page.evaluate((mode) => document.documentElement.setAttribute('data-theme', mode), scheme);
          const shown = await visibleDiagrams(w.page);
          const other = scheme === 'light' ? shown.dark : shown.light;
          if (shown[scheme] !== count) diagramProblems.push(`${p}: ${shown[scheme]} of ${count} ${scheme} diagrams visible`);
          if (other !== 0) diagramProblems.push(`${p}: ${other} diagrams of the other colour mode visible in ${scheme} mode`);
        }
        await w.page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
        illegible.get(p.startsWith('/zh-Hans/') ? 'zh-Hans' : 'en')!.push(...failures(await measureLoadedPage(w.page, p), count));
      },
      {viewport: desktop},
    );
    assert.deepEqual(problems, []);
  });

  test('every diagram shows the variant of the colour mode, light and dark, and no page loads Mermaid', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    assert.ok(diagrams.size > 0, 'no page has a diagram');
    assert.deepEqual(
      [...diagrams.keys()].filter((p) => !diagramPagesSeen.has(p)),
      [],
      'diagram pages the sweep above did not reach (a page missing from its sitemap, or the sweep stopped early)',
    );
    // Mermaid's own code carries this renderer name; no script a page loads may contain it.
    for (const url of await scriptsContaining(scripts, 'flowchart-v2')) diagramProblems.push(`${url} contains Mermaid`);
    assert.deepEqual(diagramProblems, []);
  });

  for (const locale of ['en', 'zh-Hans'] as const) {
    test(`${locale}: every diagram has median text ≥ ${TARGETS.desktop.medianPx} px, none < ${TARGETS.desktop.minPx} px and no sideways scroll at ${TARGETS.desktop.width} px, median ≥ ${TARGETS.phone.medianPx} px at ${TARGETS.phone.width} px`, (t) => {
      if (!siteOr(t)) return;
      assert.ok(
        [...diagramPagesSeen].some((p) => (locale === 'zh-Hans') === p.startsWith('/zh-Hans/')),
        `the sweep measured no ${locale} page with a diagram`,
      );
      const problems = illegible.get(locale)!;
      // A message of its own: the assertion's diff would elide the middle of a long list.
      assert.equal(problems.length, 0, `${problems.length} diagrams fail:\n${problems.sort().join('\n')}`);
    });
  }

  test('an unknown address shows the translated 404 page with status 404', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const w = await watchedPage(site);
    const en = await w.page.goto(`${site.url}/docs/no-such-page`);
    assert.equal(en?.status(), 404);
    assert.match(await w.page.locator('h1').first().innerText(), /Page Not Found/i);
    const zh = await w.page.goto(`${site.url}/zh-Hans/docs/no-such-page`);
    assert.equal(zh?.status(), 404);
    assert.match(await w.page.locator('h1').first().innerText(), /找不到页面/);
    await w.close();
  });
});
