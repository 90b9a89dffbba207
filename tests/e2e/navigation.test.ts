import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {siteForSuite, watchedPage} from '../helpers/site';

describe('locale switch and search', () => {
  const siteOr = siteForSuite();

  test('switching language on a chapter lands on the same chapter in the other language', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/docs/linux/network-namespaces`);
    await w.page.locator('.navbar__items--right .dropdown').first().hover();
    await w.page.getByRole('link', {name: '简体中文'}).click();
    await w.page.waitForURL(`${site.url}/zh-Hans/docs/linux/network-namespaces`);
    assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hans');
    assert.match(await w.page.locator('h1').first().innerText(), /网络命名空间/);
    await w.page.locator('.navbar__items--right .dropdown').first().hover();
    await w.page.getByRole('link', {name: 'English'}).click();
    await w.page.waitForURL(`${site.url}/docs/linux/network-namespaces`);
    assert.match(await w.page.locator('h1').first().innerText(), /Network namespaces/i);
    await w.close();
  });

  test('a page fetches no other page’s code until the reader points at a link to it', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const w = await watchedPage(site);
    const scripts: string[] = [];
    w.page.on('request', (r) => {
      if (/\/assets\/js\/.+\.js$/.test(r.url())) scripts.push(r.url());
    });
    await w.page.goto(`${site.url}/docs/linux/network-namespaces`, {waitUntil: 'networkidle'});
    assert.equal(await w.page.locator('link[rel="prefetch"]').count(), 0, 'no route is prefetched because its link is visible');
    const loaded = scripts.length;
    const link = w.page.locator(`.theme-doc-sidebar-container a[href="${site.basePath}docs/linux/linux-bridge"]`);
    // A link preloads on hover only once React has hydrated it; on a loaded machine that comes after networkidle.
    await w.page.locator('html[data-has-hydrated="true"]').waitFor();
    const preload = w.page.waitForRequest((r) => /\/assets\/js\/.+\.js$/.test(r.url()), {timeout: 10_000}).catch(() => undefined);
    await link.hover();
    await preload;
    await w.page.waitForLoadState('networkidle');
    assert.ok(scripts.length > loaded, 'pointing at a link loads that page’s code');
    await link.click();
    await w.page.locator('h1', {hasText: 'The Linux bridge'}).waitFor({timeout: 10_000});
    assert.deepEqual(w.problems, []);
    await w.close();
  });

  for (const [locale, prefix, query, title, expected] of [
    ['English', '', 'nsenter', 'Network namespaces', /\/docs\/linux\/network-namespaces/],
    ['Chinese', '/zh-Hans', '命名空间', '网络命名空间', /\/zh-Hans\/docs\/linux\/network-namespaces/],
    // Site search reaches the catalogue too: an entry's title finds its category page.
    ['English (a reference)', '', 'Conduit', 'Conduit', /\/docs\/references\/service-mesh/],
    ['Chinese (a reference)', '/zh-Hans', '深入剖析', '深入剖析Kubernetes', /\/zh-Hans\/docs\/references\/chinese-reading/],
  ] as const) {
    test(`a search in ${locale} finds the chapter and opens it`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await watchedPage(site);
      await w.page.goto(`${site.url}${prefix}/`, {waitUntil: 'networkidle'});
      const box = w.page.locator('input.navbar__search-input');
      await box.click();
      await box.fill(query);
      const options = w.page.locator('[role="listbox"] [role="option"]');
      await options.first().waitFor({timeout: 15_000});
      const texts = await options.allInnerTexts();
      const index = texts.findIndex((text) => text.includes(title));
      assert.ok(index >= 0, `no result for "${query}" is the chapter "${title}": ${texts.join(' | ')}`);
      await options.nth(index).click();
      await w.page.waitForURL(expected);
      // The URL changes before the new page renders; wait for its content.
      await w.page.locator('main').getByText(title).first().waitFor({timeout: 10_000});
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  }
});
