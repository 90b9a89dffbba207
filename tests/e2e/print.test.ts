/** Printing a chapter (src/features/print/print.css): the article alone, legible on paper. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {siteForSuite} from '../helpers/site';

describe('a printed chapter', () => {
  const siteOr = siteForSuite();

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: prints the article alone, in light colours, with collapsed blocks open and outside links spelled out`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const context = await site.browser.newContext({colorScheme: 'dark'});
      const page = await context.newPage();
      await page.goto(`${site.url}${prefix}/docs/linux/network-namespaces`);
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
      const labScript = page.locator('details pre').first();
      assert.equal(await labScript.isVisible(), false, 'the lab script starts collapsed on screen');

      await page.emulateMedia({media: 'print'});
      for (const selector of ['.navbar', '.theme-doc-sidebar-container', '.pagination-nav', '.footer', '[data-page-actions]']) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
      }
      assert.equal(await labScript.isVisible(), true, 'the collapsed lab script is not printed');
      const figure = page.locator('figure[data-diagram]').first();
      assert.equal(await figure.locator('.static-mermaid__light').isVisible(), true, 'the light diagram is not printed');
      assert.equal(await figure.locator('.static-mermaid__dark').isVisible(), false, 'the dark diagram is printed');
      const colours = await page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(document.querySelector('.markdown p')!).color,
      }));
      assert.deepEqual(colours, {page: 'rgb(255, 255, 255)', text: 'rgb(28, 30, 33)'});
      const link = page.locator('.markdown a[href^="http"]').first();
      const href = await link.getAttribute('href');
      const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
      assert.equal(after, `" (${href})"`);
      const wrap = await page
        .locator('.markdown pre')
        .first()
        .evaluate((pre) => getComputedStyle(pre).whiteSpace);
      assert.equal(wrap, 'pre-wrap');
      await context.close();
    });
  }
});
