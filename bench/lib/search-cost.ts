import type {Browser} from 'playwright-core';
import {median} from './stats';

/** Queries a reader might type first: a tool, a concept, a chapter title, in each locale. */
export const SEARCH_QUERIES: Record<'en' | 'zh-Hans', string[]> = {
  en: ['nsenter', 'service mesh', 'conntrack table'],
  'zh-Hans': ['命名空间', '服务网格', '网络策略'],
};

export interface SearchCost {
  locale: 'en' | 'zh-Hans';
  query: string;
  runs: number;
  /** Median bytes on the wire (compressed bodies and headers) from the click in the box to the first suggestion. */
  transferBytes: number;
  /** Median bytes after decoding: what the reader's device parses. */
  rawBytes: number;
  requests: number;
  /** Median ms from the click to the first suggestion on screen (no throttling). */
  firstSuggestionMs: number;
}

/**
 * The first search of a visit, as a reader makes it: a fresh browser context
 * (empty cache) on the home page, a click in the navbar box, the query typed,
 * until the first suggestion shows. Playwright's request events, unlike the
 * page's resource timing, include what Pagefind fetches from its Web Worker.
 */
export async function measureFirstSearch(
  browser: Browser,
  origin: string,
  locale: 'en' | 'zh-Hans',
  query: string,
  runs: number,
): Promise<SearchCost> {
  const samples: Array<{transfer: number; raw: number; requests: number; ms: number}> = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${origin}${locale === 'en' ? '/' : '/zh-Hans/'}`, {waitUntil: 'networkidle'});
      const sizes: Array<Promise<{transfer: number; raw: number}>> = [];
      page.on('requestfinished', (r) => {
        sizes.push(
          Promise.all([r.sizes(), r.response().then((res) => res?.body().catch(() => undefined))]).then(([s, body]) => ({
            transfer: s.responseBodySize + s.responseHeadersSize,
            raw: body?.length ?? s.responseBodySize,
          })),
        );
      });
      const box = page.locator('input.navbar__search-input');
      const t0 = Date.now();
      await box.click();
      await box.fill(query);
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({timeout: 30_000});
      const ms = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      const got = await Promise.all(sizes);
      samples.push({
        transfer: got.reduce((a, s) => a + s.transfer, 0),
        raw: got.reduce((a, s) => a + s.raw, 0),
        requests: got.length,
        ms,
      });
    } finally {
      await context.close();
    }
  }
  return {
    locale,
    query,
    runs,
    transferBytes: median(samples.map((s) => s.transfer)),
    rawBytes: median(samples.map((s) => s.raw)),
    requests: median(samples.map((s) => s.requests)),
    firstSuggestionMs: median(samples.map((s) => s.ms)),
  };
}
