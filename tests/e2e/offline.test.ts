/**
 * Offline reading (src/features/offline, @docusaurus/plugin-pwa): the guide
 * installs as an app in each locale, and pages a reader has opened, by
 * loading them or by following a link inside the site, open again with the
 * network cut, diagrams, styles, scripts and search included. A page never
 * opened says so in the page's language. The lab VM and the books are
 * never put in the cache.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {CHROME_ARGS, findChrome} from '../../src/build/chromium';
import {describe, test} from 'node:test';
import type {Page} from 'playwright-core';
import {BUILD_DIR, siteForSuite} from '../helpers/site';

const LOCALES = [
  {
    name: 'en',
    prefix: '',
    lang: 'en',
    appName: 'Container Networking Guide',
    notSaved: 'This page is not saved on this device',
    query: 'conntrack',
  },
  {
    name: 'zh-Hans',
    prefix: '/zh-Hans',
    lang: 'zh-Hans',
    appName: '容器网络指南',
    notSaved: '这个页面没有保存在本设备上',
    query: '命名空间',
  },
] as const;

const FIRST = 'docs/linux/network-namespaces';
const NEVER_OPENED = 'docs/kubernetes/kube-proxy';

/** The locale's home page: '/', '/zh-Hans/', '/repo/zh-Hans/'. */
const home = (basePath: string, prefix: string) => `${basePath}${prefix ? `${prefix.slice(1)}/` : ''}`;

/** Every address in the page's origin's caches. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) out.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return out;
  });

/** Waits until the worker has kept an address that `kept` accepts, or fails naming what it kept. */
async function waitUntilCached(page: Page, what: string, kept: (url: string) => boolean = (u) => u === what): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await cachedUrls(page)).some(kept)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the worker did not keep ${what}; it kept:\n${(await cachedUrls(page)).join('\n')}`);
}

describe('offline reading', () => {
  const siteOr = siteForSuite();

  for (const locale of LOCALES) {
    test(`${locale.name}: the guide is an installable app in the page's language`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      // Chromium offers no install in an incognito context, which is what newContext() makes.
      const profile = mkdtempSync(path.join(tmpdir(), 'cng-profile-'));
      const context = await chromium.launchPersistentContext(profile, {executablePath: findChrome(), headless: true, args: CHROME_ARGS});
      try {
        const page = await context.newPage();
        await page.goto(`${site.url}${locale.prefix}/${FIRST}`);
        const cdp = await context.newCDPSession(page);
        const {url, errors, parsed} = (await cdp.send('Page.getAppManifest')) as {url: string; errors: unknown[]; parsed?: unknown};
        assert.equal(url, `${site.url}${locale.prefix}/manifest.webmanifest`);
        assert.deepEqual(errors, [], 'the manifest has errors');
        assert.ok(parsed, 'Chromium did not parse the manifest');
        const manifest = (await (await page.request.get(url)).json()) as {name: string; lang: string; start_url: string};
        assert.equal(manifest.name, locale.appName);
        assert.equal(manifest.lang, locale.lang);
        assert.equal(manifest.start_url, home(site.basePath, locale.prefix));
        await page.evaluate(() => navigator.serviceWorker.ready);
        const {installabilityErrors} = (await cdp.send('Page.getInstallabilityErrors')) as {installabilityErrors: Array<{errorId: string}>};
        assert.deepEqual(
          installabilityErrors.map((e) => e.errorId),
          [],
          'Chromium would not offer to install the guide',
        );
      } finally {
        await context.close();
        rmSync(profile, {recursive: true, force: true});
      }
    });

    test(`${locale.name}: pages opened before, by address or by a link, reopen offline; others say they are not saved`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const first = `${site.url}${locale.prefix}/${FIRST}`;
      await page.goto(first);
      const title = await page.locator('article h1').innerText();
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
      assert.ok(worker.startsWith(`${site.url}${locale.prefix}/sw.js`), `the page's worker is ${worker}`);
      await waitUntilCached(page, first);

      // A link inside the site: Docusaurus renders the next chapter without loading it as a document.
      const next = page.locator('a.pagination-nav__link--next');
      const nextHref = new URL((await next.getAttribute('href'))!, site.url).href;
      const nextTitle = await next.locator('.pagination-nav__label').innerText();
      await next.click();
      await page.waitForURL(nextHref);
      // The address changes before the chapter is drawn.
      await page.locator('article h1', {hasText: nextTitle}).waitFor();
      await waitUntilCached(page, nextHref);

      // A query typed online: its index chunks and result fragments are kept as they load.
      const box = page.locator('input.navbar__search-input');
      await box.fill(locale.query);
      const option = page.locator('[role="listbox"] [role="option"]').first();
      await option.waitFor();
      const firstResult = await option.innerText();
      await box.fill('');
      await waitUntilCached(page, 'a search result', (u) => u.endsWith('.pf_fragment'));

      await context.setOffline(true);

      const reopened = await page.goto(first);
      assert.equal(reopened?.status(), 200, `${first} offline`);
      assert.equal(await page.locator('article h1').innerText(), title, `offline at ${page.url()}`);
      assert.ok((await page.locator('figure svg').count()) > 0, 'the saved page has no diagram');
      assert.notEqual(
        await page.locator('.navbar').evaluate((el) => getComputedStyle(el).position),
        'static',
        'the saved page has lost its stylesheet',
      );
      // The page's scripts run (React draws the suggestions) and the search's files were kept.
      await box.fill(locale.query);
      await option.waitFor();
      assert.equal(await option.innerText(), firstResult, 'the search typed online gives another answer offline');

      const reopenedNext = await page.goto(nextHref);
      assert.equal(reopenedNext?.status(), 200, `${nextHref}, reached by a link, offline`);
      assert.equal(await page.locator('article h1').innerText(), nextTitle, `offline at ${page.url()}`);

      const never = await page.goto(`${site.url}${locale.prefix}/${NEVER_OPENED}`);
      assert.equal(never?.status(), 503);
      assert.equal(await page.locator('html').getAttribute('lang'), locale.lang);
      assert.equal(await page.locator('h1').innerText(), locale.notSaved);
      assert.equal(await page.locator('a', {hasText: /Home page|首页/}).getAttribute('href'), home(site.basePath, locale.prefix));

      assert.deepEqual(errors, [], 'errors in the pages');
      await context.close();
    });
  }

  test('the lab VM and the books go past the cache', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const wasm = readdirSync(path.join(BUILD_DIR, 'assets/lab-vm')).find((f) => f.endsWith('.wasm'));
    assert.ok(wasm, 'the build has no lab VM');
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the worker does not control the page');
    const book = await page.locator('a[href$=".epub"]').first().getAttribute('href');
    assert.ok(book, 'the home page links no book');
    const fetched = await page.evaluate(
      (urls) => Promise.all(urls.map((u) => fetch(u).then((r) => `${u}: ${r.status}`))),
      [`${site.basePath}assets/lab-vm/${wasm}`, book],
    );
    const kept = (await cachedUrls(page)).filter((u) => /\/assets\/lab-vm\/|\/lab-vm\/|\/books\//.test(u));
    assert.deepEqual(kept, [], `fetched ${fetched.join(', ')}; kept`);
    await context.close();
  });
});
