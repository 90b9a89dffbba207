import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {AxeBuilder} from '@axe-core/playwright';
import type {Page} from 'playwright-core';
import {TARGETS} from '../../scripts/diagrams/measure';
import {scriptsContaining, siteForSuite, watchedPage} from '../helpers/site';

// Only the full-screen viewer's code names this attribute (its translated strings are in every page's
// bundle, so they cannot tell); a page must not load it before the reader asks.
const VIEWER_MARK = 'aria-keyshortcuts';

describe('diagrams a reader can read (issue #16)', () => {
  const siteOr = siteForSuite();

  // The contract for every diagram (text size, no sideways scroll) is measured in the sitemap sweep,
  // on its one visit per page (pages.test.ts); here, the full-screen view on a phone.
  const zoomOf = async (page: Page) => Number(await page.locator('dialog').getAttribute('data-zoom'));

  for (const {prefix, scheme, open} of [
    {prefix: '', scheme: 'light', open: /^Open “(.+)” full screen$/},
    {prefix: '/zh-Hans', scheme: 'dark', open: /^全屏查看“(.+)”$/},
  ] as const) {
    test(`${prefix || '/en'} (${scheme}): a diagram opens full screen, zooms with buttons and keys, and Escape returns the focus`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await watchedPage(site, {colorScheme: scheme});
      await w.page.setViewportSize({width: TARGETS.phone.width, height: TARGETS.phone.height});
      await w.page.goto(`${site.url}${prefix}/docs/docker/bridge-mode`, {waitUntil: 'networkidle'});
      assert.deepEqual(await scriptsContaining(w.scripts, VIEWER_MARK), [], 'the page loaded the viewer before a click');

      // On a phone the wide diagrams scroll inside their box; the page must stay free of axe violations.
      const axe = (scope = 'body') =>
        new AxeBuilder({page: w.page}).include(scope).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = (r: Awaited<ReturnType<typeof axe>>) =>
        r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(violations(await axe()), [], 'axe, page with scrolling diagrams');

      const figure = w.page.locator('figure[data-diagram]').nth(1);
      const opener = figure.getByRole('button', {name: open});
      const title = open.exec((await opener.getAttribute('aria-label')) ?? '')?.[1];
      assert.ok(title, 'the button names the diagram');
      await opener.click();
      const dialog = w.page.getByRole('dialog', {name: title});
      await dialog.waitFor();
      assert.ok((await scriptsContaining(w.scripts, VIEWER_MARK)).length > 0, 'the viewer’s code loads on the click');

      // The SVG of the page's colour mode, fitted to the screen.
      const shown = await dialog
        .locator('svg[id^="mermaid-"]')
        .evaluateAll((svgs) =>
          svgs
            .map((s) => ({id: s.id, width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height}))
            .filter((s) => s.width > 0),
        );
      assert.equal(shown.length, 1, 'one SVG visible in the viewer');
      const svg = shown[0]!;
      assert.ok(svg.id.endsWith(`-${scheme}`), `the ${scheme} variant is shown, not ${svg.id}`);
      const stage = await dialog.getByRole('group', {name: title}).boundingBox();
      assert.ok(stage);
      const fits = (b: {width: number; height: number}) =>
        b.width <= stage.width + 1 && b.height <= stage.height + 1 && (b.width >= stage.width - 2 || b.height >= stage.height - 2);
      assert.ok(fits(svg), `fitted: SVG ${svg.width}×${svg.height} in ${stage.width}×${stage.height}`);

      const fitted = await zoomOf(w.page);
      await w.page.keyboard.press('+');
      assert.ok((await zoomOf(w.page)) > fitted, '+ zooms in');
      const svgBox = () => dialog.locator(`svg#${svg.id}`).boundingBox();
      assert.ok((await svgBox())!.width > svg.width, 'the SVG is drawn larger');
      await dialog.getByRole('button', {name: scheme === 'light' ? 'Zoom in' : '放大'}).click();
      const zoomed = await zoomOf(w.page);
      await w.page.keyboard.press('-');
      assert.ok((await zoomOf(w.page)) < zoomed, '- zooms out');
      await w.page.keyboard.press('0');
      assert.equal(await zoomOf(w.page), fitted, '0 fits it to the screen again');

      assert.deepEqual(violations(await axe('dialog')), [], 'axe, viewer open');
      await w.page.keyboard.press('Escape');
      await dialog.waitFor({state: 'detached'});
      assert.equal(
        await w.page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
        await opener.getAttribute('aria-label'),
        'the focus is back on the button that opened the viewer',
      );
      assert.deepEqual(w.problems, []);
      assert.deepEqual(w.foreign, []);
      await w.close();
    });
  }
});
