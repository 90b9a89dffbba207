import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Page} from 'playwright-core';
import {READING_PATHS} from '../../src/data/reading-path-docs';
import {siteForSuite, type Site} from '../helpers/site';

/**
 * The reading paths as a reader meets them in the built HTML, with JavaScript
 * off (what is there before any script runs, and without one): the home
 * page's cards list each path's chapters in the order of
 * src/data/reading-path-docs.ts, and every chapter on a path ends with the
 * step it is and a link to the path's next chapter, or, on the last, the
 * path's completion and a link back to the paths.
 */
const LOCALES = [
  {locale: 'en', prefix: '', step: (n: number, total: number) => `Step ${n} of ${total}`, done: /You have finished the path/},
  {locale: 'zh-Hans', prefix: 'zh-Hans/', step: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`, done: /这条路线已经读完/},
] as const;

/** The URL path of a doc: its id under /docs/, an index doc at its folder's address. */
const docPathname = (site: Site, prefix: string, docId: string) => `${site.basePath}${prefix}docs/${docId.replace(/\/?index$/, '')}`;

async function open(site: Site): Promise<{page: Page; close: () => Promise<void>}> {
  const context = await site.browser.newContext({javaScriptEnabled: false});
  return {page: await context.newPage(), close: () => context.close()};
}

const pathnameOf = (href: string | null, page: Page) => new URL(href ?? '', page.url()).pathname;

describe('reading paths, from the built HTML without JavaScript', () => {
  const siteOr = siteForSuite();

  for (const {locale, prefix, step, done} of LOCALES) {
    test(`${locale}: the home page lists every path's chapters in order`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const {page, close} = await open(site);
      try {
        await page.goto(`${site.url}/${prefix}`);
        assert.equal(await page.locator('h2#reading-paths').count(), 1, 'the paths heading has no #reading-paths anchor');
        for (const path of READING_PATHS) {
          const links = page.locator(`section[aria-labelledby="path-${path.id}"] ol[data-path="${path.id}"] a`);
          const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
          assert.deepEqual(
            hrefs.map((h) => pathnameOf(h, page)),
            path.steps.map((id: string): string => docPathname(site, prefix, id)),
            `the card of path "${path.id}"`,
          );
        }
      } finally {
        await close();
      }
    });

    test(`${locale}: each chapter on a path links the path's next chapter, and the last one says the path is complete`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const {page, close} = await open(site);
      const problems: string[] = [];
      try {
        for (const path of READING_PATHS) {
          for (const [i, docId] of path.steps.entries()) {
            const where = `${path.id} step ${i + 1} (${docId})`;
            await page.goto(`${site.url}${docPathname(site, prefix, docId).slice(site.basePath.length - 1)}`);
            const line = page.locator(`[data-testid="next-on-path"] li[data-path="${path.id}"]`);
            if ((await line.count()) !== 1) {
              problems.push(`${where}: no "Next on your path" line for this path`);
              continue;
            }
            const text = (await line.innerText()).replace(/\s+/g, ' ');
            if (!text.includes(step(i + 1, path.steps.length)))
              problems.push(`${where}: does not say "${step(i + 1, path.steps.length)}": ${text}`);
            const nextId = path.steps[i + 1];
            if (nextId) {
              const next = line.locator('a[data-next-step]');
              const href = pathnameOf(await next.getAttribute('href'), page);
              if (href !== docPathname(site, prefix, nextId)) problems.push(`${where}: the next link goes to ${href}, not to ${nextId}`);
            } else {
              if (!done.test(text)) problems.push(`${where}: the last step does not say the path is complete: ${text}`);
              const back = await line.locator('a[data-path-complete]').getAttribute('href');
              if (pathnameOf(back, page) !== `${site.basePath}${prefix}` || !back?.endsWith('#reading-paths')) {
                problems.push(`${where}: the completion links to ${back}, not to the home page's paths`);
              }
            }
            // The block sits at the end of the chapter, before Docusaurus's previous/next, which follow the sidebar.
            if ((await page.locator('article:has([data-testid="next-on-path"]) + nav.pagination-nav').count()) !== 1) {
              problems.push(`${where}: the block is not at the end of the article, right before the pagination`);
            }
          }
        }
        await page.goto(`${site.url}/${prefix}docs/linux/veth-and-tuntap`);
        if ((await page.locator('[data-testid="next-on-path"]').count()) !== 0)
          problems.push('linux/veth-and-tuntap, on no path, shows a path');
      } finally {
        await close();
      }
      assert.deepEqual(problems, []);
    });
  }
});
