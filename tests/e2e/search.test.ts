import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Page} from 'playwright-core';
import {siteForSuite, watchedPage, type Site} from '../helpers/site';

/** The first query's suggestions must not download the whole index: the issue's budget, per locale. */
const FIRST_QUERY_BUDGET_BYTES = 300 * 1024;

const LOCALES = [
  {name: 'English', prefix: ''},
  {name: 'Chinese', prefix: '/zh-Hans'},
] as const;

interface Found {
  url: string;
  title: string;
  /** The text indexed for the page. */
  content: string;
}

/** Runs in the page: the locale's Pagefind, as the search box loads it; null lists every indexed page. */
async function pagefindSearch(page: Page, baseUrl: string, terms: Array<string | null>, limit = 5): Promise<Found[][]> {
  return page.evaluate(
    async ({baseUrl, terms, limit}) => {
      type Data = {url: string; content: string; meta: {title?: string}};
      type Pagefind = {
        options: (o: object) => Promise<void>;
        search: (t: string | null) => Promise<{results: Array<{data: () => Promise<Data>}>}>;
      };
      const pagefind = (await import(/* webpackIgnore: true */ `${baseUrl}pagefind/pagefind.js`)) as Pagefind;
      await pagefind.options({baseUrl});
      const out: Array<Array<{url: string; title: string; content: string}>> = [];
      for (const term of terms) {
        const {results} = await pagefind.search(term);
        const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
        out.push(data.map((d) => ({url: d.url, title: d.meta.title ?? '', content: d.content})));
      }
      return out;
    },
    {baseUrl, terms, limit},
  );
}

async function openHome(site: Site, prefix: string) {
  const w = await watchedPage(site);
  await w.page.goto(`${site.url}${prefix}/`, {waitUntil: 'networkidle'});
  return w;
}

describe('site search', () => {
  const siteOr = siteForSuite();

  for (const {name, prefix} of LOCALES) {
    test(`${name}: the index holds every chapter and reading list, and not the changelog, the explorer or the search page`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await openHome(site, prefix);
      const base = `${site.basePath}${prefix ? prefix.slice(1) + '/' : ''}`;
      const [all = []] = await pagefindSearch(w.page, base, [null], 1000);
      const urls = all.map((f) => f.url.replace(base, '/'));
      // Every page of the sidebar, read from a chapter's.
      await w.page.goto(`${site.url}${prefix}/docs/linux/network-namespaces`);
      const chapters = (
        await w.page
          .locator('.theme-doc-sidebar-container a.menu__link')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
      ).map((p) => p.replace(base, '/'));
      assert.ok(chapters.length > 40, `the sidebar lists ${chapters.length} pages`);
      assert.deepEqual(
        chapters.filter((c) => !urls.includes(c)),
        [],
        'sidebar pages missing from the index',
      );
      assert.ok(urls.includes('/docs/references/service-mesh'), 'a catalogue category page is indexed');
      assert.deepEqual(
        urls.filter((u) => /^\/(changelog|references$|search|$)/.test(u)),
        [],
        'pages that should not be in the index',
      );
      assert.deepEqual(w.problems, []);
      await w.close();
    });

    test(`${name}: a chapter’s title finds that chapter first, for every chapter`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await openHome(site, prefix);
      const base = `${site.basePath}${prefix ? prefix.slice(1) + '/' : ''}`;
      const [all = []] = await pagefindSearch(w.page, base, [null], 1000);
      const chapters = all.filter((f) => /\/docs\/(linux|docker|cni|kubernetes|today)\//.test(f.url));
      assert.ok(chapters.length >= 40, `${chapters.length} chapters indexed`);
      const box = w.page.locator('input.navbar__search-input');
      const first = w.page.locator('[role="listbox"] [role="option"]').first();
      const misses: string[] = [];
      for (const chapter of chapters) {
        await box.fill(chapter.title);
        // The options belong to the query in the box once the last one is "All results for …".
        await w.page
          .locator('[role="listbox"] [role="option"]')
          .last()
          .filter({hasText: `“${chapter.title}”`})
          .waitFor({timeout: 15_000});
        const title = await first.locator('span').first().innerText();
        if (title !== chapter.title) misses.push(`“${chapter.title}” → ${title}`);
      }
      assert.deepEqual(misses, [], 'chapter titles whose chapter is not the first result');
      await w.close();
    });

    test(`${name}: prose around a lab is found, the lab’s script and recorded output are not`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await openHome(site, prefix);
      const base = `${site.basePath}${prefix ? prefix.slice(1) + '/' : ''}`;
      const [all = []] = await pagefindSearch(w.page, base, [null], 1000);
      const chapter = all.find((f) => f.url.endsWith('/docs/linux/network-namespaces'));
      assert.ok(chapter, 'the namespaces chapter is not in the index');
      // The prose names the lab; only the scripts source lib.sh; the step title is only in the lab's transcript.
      assert.ok(chapter.content.includes('labs/netns-basics.sh'), 'the prose that names the lab is not indexed');
      assert.ok(!chapter.content.includes('dirname'), 'the lab script was indexed');
      assert.ok(!chapter.content.includes('Three ways in, one namespace'), 'the lab’s recorded output was indexed');
      // Nor the line every Pitfalls heading carries, which would make every chapter match its words.
      await w.page.goto(`${site.url}${prefix}/docs/linux/network-namespaces`);
      const pointer = await w.page.locator('.incident-pointer').first().innerText();
      assert.deepEqual(
        all.filter((f) => f.content.includes(pointer)).map((f) => f.url),
        [],
        `pages whose indexed text has “${pointer}”`,
      );
      await w.close();
    });

    test(`${name}: the first query’s suggestions download at most ${FIRST_QUERY_BUDGET_BYTES / 1024} KB`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await openHome(site, prefix);
      const box = w.page.locator('input.navbar__search-input');
      // Request events, not the page's resource timing: Pagefind fetches its index from a Web Worker as well.
      const fetched: Array<{url: string; bytes: number}> = [];
      const sizes: Array<Promise<void>> = [];
      w.page.on('requestfinished', (r) => {
        sizes.push(
          r.sizes().then((s) => {
            fetched.push({url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize});
          }),
        );
      });
      await box.click();
      await box.fill(prefix ? '服务网格' : 'service mesh');
      await w.page.locator('[role="listbox"] [role="option"]').first().waitFor({timeout: 15_000});
      await w.page.waitForLoadState('networkidle');
      await Promise.all(sizes);
      const total = fetched.reduce((sum, f) => sum + f.bytes, 0);
      t.diagnostic(`${(total / 1024).toFixed(0)} KB in ${fetched.length} requests`);
      assert.ok(
        fetched.some((f) => f.url.includes('/pagefind/')),
        'the query loaded nothing from the index',
      );
      assert.ok(total <= FIRST_QUERY_BUDGET_BYTES, `${total} bytes:\n${fetched.map((f) => `${f.bytes} ${f.url}`).join('\n')}`);
      assert.deepEqual(w.problems, []);
      await w.close();
    });

    test(`${name}: the box answers the keyboard: Ctrl+K, arrows, Enter, Escape`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await openHome(site, prefix);
      await w.page.locator('html[data-has-hydrated="true"]').waitFor();
      await w.page.keyboard.press('Control+k');
      const box = w.page.locator('input.navbar__search-input');
      assert.ok(await box.evaluate((el) => el === document.activeElement), 'Ctrl+K did not focus the search box');
      await w.page.keyboard.type(prefix ? '网桥' : 'bridge');
      const options = w.page.locator('[role="listbox"] [role="option"]');
      await options.first().waitFor({timeout: 15_000});
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      await w.page.keyboard.press('Escape');
      assert.equal(await box.getAttribute('aria-expanded'), 'false', 'Escape did not close the suggestions');
      await w.page.keyboard.press('ArrowDown');
      assert.equal(await box.getAttribute('aria-expanded'), 'true', 'ArrowDown did not reopen them');
      const first = await options.first().locator('span').first().innerText();
      assert.equal(await box.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
      await w.page.keyboard.press('Enter');
      await w.page.waitForURL((u) => u.pathname.includes('/docs/'));
      await w.page.locator('h1', {hasText: first}).first().waitFor({timeout: 10_000});
      assert.deepEqual(w.problems, []);
      await w.close();
    });

    test(`${name}: the search page lists every match, ten at a time, with the query in the URL`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await watchedPage(site);
      const query = prefix ? '命名空间' : 'namespace';
      await w.page.goto(`${site.url}${prefix}/search?q=${encodeURIComponent(query)}`);
      const results = w.page.locator('main ol > li');
      await results.first().waitFor({timeout: 15_000});
      assert.match(await w.page.title(), new RegExp(query), 'the tab’s title names the query');
      const count = Number(/\d+/.exec(await w.page.locator('main p').first().innerText())?.[0]);
      assert.ok(count > 10, `only ${count} pages match “${query}”`);
      assert.equal(await results.count(), 10);
      await w.page.getByRole('button', {name: prefix ? '更多结果' : 'More results'}).click();
      await results.nth(10).waitFor();
      const input = w.page.getByRole('searchbox');
      await input.fill(prefix ? '服务网格' : 'service mesh');
      await w.page.waitForURL((u) => u.searchParams.get('q') === (prefix ? '服务网格' : 'service mesh'));
      await w.page
        .locator('main ol > li a', {hasText: prefix ? '服务网格' : 'Service mesh'})
        .first()
        .waitFor({timeout: 15_000});
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  }
});
