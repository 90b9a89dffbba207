import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {BUILD_DIR, siteForSuite, visitConcurrently, watchedPage} from '../helpers/site';

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

  test('answers 200, shows its h1, logs no error and loads nothing from elsewhere', {timeout: 600_000}, async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const paths = [...sitemapPaths('sitemap.xml', site.basePath), ...sitemapPaths('zh-Hans/sitemap.xml', site.basePath)];
    assert.ok(
      paths.some((p) => p.startsWith('/zh-Hans/')),
      'the Chinese sitemap lists no page',
    );
    const problems: string[] = [];
    await visitConcurrently(site, paths, 2, async (w, p) => {
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
    });
    assert.deepEqual(problems, []);
  });

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
