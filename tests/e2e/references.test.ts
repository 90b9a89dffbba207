import type {Page} from 'playwright-core';
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {references} from '../../src/data/references';
import {siteForSuite, watchedPage} from '../helpers/site';

describe('reference pages and explorer', () => {
  const siteOr = siteForSuite();

  test('a category page lists its entries with the summary in the reader’s language', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const inCategory = references.filter((r) => r.category === 'service-mesh');
    const w = await watchedPage(site);
    for (const [prefix, locale] of [
      ['', 'en'],
      ['/zh-Hans', 'zh'],
    ] as const) {
      await w.page.goto(`${site.url}${prefix}/docs/references/service-mesh`);
      assert.equal(await w.page.locator('article[id]').count(), inCategory.length);
      for (const ref of inCategory) {
        const card = w.page.locator(`article[id="${ref.id}"]`);
        assert.equal(await card.locator(`a[href="${ref.url}"]`).first().getAttribute('rel'), 'noopener noreferrer');
        assert.ok((await card.innerText()).includes(ref.summary[locale]), `${prefix}: ${ref.id} does not show its ${locale} summary`);
      }
    }
    await w.close();
  });

  test('a superseded entry links to its successor', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const old = references.find((r) => r.status.state === 'superseded');
    assert.ok(old && old.status.state === 'superseded', 'the catalogue has no superseded entry');
    const successor = references.find((r) => r.id === (old.status.state === 'superseded' ? old.status.by : ''))!;
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/zh-Hans/docs/references/${old.category}`);
    const link = w.page.locator(`article[id="${old.id}"]`).getByRole('link', {name: successor.title, exact: true}).last();
    await link.click();
    await w.page.waitForURL(new RegExp(`/zh-Hans/docs/references/${successor.category}#${successor.id}$`));
    assert.ok(await w.page.locator(`article[id="${successor.id}"]`).isVisible());
    await w.close();
  });

  test('the explorer filters by a Chinese query and a facet, and the URL round-trips', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const w = await watchedPage(site);
    await w.page.goto(`${site.url}/zh-Hans/references`, {waitUntil: 'networkidle'});
    const count = w.page.getByTestId('result-count');
    assert.match(await count.innerText(), new RegExp(`^${references.length} `));

    const query = '服务网格';
    const matching = references.filter((r) => r.summary.zh.includes(query) || r.summary.en.toLowerCase().includes(query));
    assert.ok(matching.length > 0, `no entry mentions ${query}`);
    await w.page.getByRole('searchbox').fill(query);
    await w.page.waitForURL(/q=/);
    // The list follows the query a render later than the field (useDeferredValue): read it once it has settled.
    const shown = Number((await settledText(w.page, '[data-testid=result-count]')).split(' ')[0]);
    assert.ok(shown >= matching.length && shown < references.length, `${shown} results for ${query}`);

    await w.page.getByLabel('状态').selectOption('active');
    await w.page.waitForURL(/status=active/);
    const filteredUrl = w.page.url();
    const filteredCount = await settledText(w.page, '[data-testid=result-count]');
    const badges = await w.page.getByTestId('results').locator('article').count();
    assert.ok(badges > 0);

    // A fresh load of the same URL shows the same list; the back button undoes the facet.
    await w.page.goto(filteredUrl, {waitUntil: 'networkidle'});
    assert.equal(await settledText(w.page, '[data-testid=result-count]'), filteredCount);
    assert.equal(await w.page.getByRole('searchbox').inputValue(), query);
    await w.page.goBack();
    await w.page.waitForURL((u) => !u.search.includes('status=active'));

    await w.page.getByRole('searchbox').fill('zzzz-没有这个');
    // The list follows the field a render later (useDeferredValue); wait for it, up to Playwright's timeout.
    await w.page.getByText('没有匹配的资料', {exact: false}).waitFor({state: 'visible'});
    assert.deepEqual(w.problems, []);
    await w.close();
  });

  test('the catalogue is published as /references.json', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const res = await fetch(`${site.url}/references.json`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      schemaVersion: number;
      references: {id: string; status: {evidence?: {urls?: unknown[]; note?: unknown}; source?: unknown}}[];
    };
    assert.equal(body.schemaVersion, 2);
    assert.equal(body.references.length, references.length);
    const withoutEvidence = body.references
      .filter((r) => 'source' in r.status || !r.status.evidence?.urls?.length || typeof r.status.evidence.note !== 'string')
      .map((r) => r.id);
    assert.deepEqual(withoutEvidence, [], 'published statuses without public evidence');
  });

  test('a card links the evidence of its status in both locales', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const ref = references.find((r) => r.status.state === 'superseded' && r.status.evidence.urls.some((u) => u !== r.url));
    assert.ok(ref, 'no superseded entry rests on evidence other than its own address');
    const extra: string[] = ref.status.evidence.urls.filter((u) => u !== ref.url);
    const w = await watchedPage(site);
    for (const prefix of ['', '/zh-Hans']) {
      await w.page.goto(`${site.url}${prefix}/docs/references/${ref.category}`);
      const card = w.page.locator(`article[id="${ref.id}"]`);
      for (const url of extra) {
        assert.equal(await card.locator(`a[href="${url}"]`).count(), 1, `${prefix}: ${ref.id} does not link ${url}`);
      }
    }
    await w.close();
  });
});

/** The element's text once it has stayed the same for three polls 50 ms apart (at most 10 s). */
async function settledText(page: Page, selector: string): Promise<string> {
  return page.evaluate(async (sel) => {
    let last: string | undefined;
    let same = 0;
    for (let i = 0; i < 200 && same < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const text = document.querySelector(sel)?.textContent ?? '';
      same = text === last ? same + 1 : 0;
      last = text;
    }
    return last ?? '';
  }, selector);
}
