import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {siteForSuite} from '../helpers/site';

// One page of each type; a phone screen, where headings wrap and shifts are largest.
const PAGES = [
  '/',
  '/docs/linux/network-namespaces',
  '/docs/references',
  '/docs/references/service-mesh',
  '/references',
  '/search?q=namespace',
  '/changelog',
  '/changelog/part-4-todays-data-planes',
];
const PHONE = {viewport: {width: 412, height: 823}, isMobile: true, hasTouch: true};

/** Records every layout shift that no input caused, from the first paint on. */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const nodes = (e.sources || []).map((s) => s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 80) : String(s.node && s.node.nodeName));
      window.__shifts.push({value: e.value, nodes});
    }
  }).observe({type: 'layout-shift', buffered: true});
`;

describe('no layout shift while a page loads and hydrates', () => {
  const siteOr = siteForSuite();

  for (const prefix of ['', '/zh-Hans']) {
    test(`${prefix || 'en'}: every page type keeps its layout on a phone`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const context = await site.browser.newContext(PHONE);
      try {
        const shifted: string[] = [];
        for (const p of PAGES) {
          const page = await context.newPage();
          // A slow phone: the server's HTML is painted well before hydration changes anything.
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', {rate: 6});
          await page.addInitScript(OBSERVE_SHIFTS);
          await page.goto(`${site.url}${prefix}${p}`, {waitUntil: 'networkidle'});
          // Hydration and what follows it (search results) run in tasks; wait until the page is idle, twice.
          await page.evaluate('new Promise((r) => requestIdleCallback(() => requestIdleCallback(r)))');
          await page.waitForTimeout(1000);
          const shifts = await page.evaluate<Array<{value: number; nodes: string[]}>>('window.__shifts');
          // Lighthouse reports CLS to three decimals, so a shift below 0.0005 is its "0". Such specks,
          // with no element named, appear on a loaded machine as sub-pixel rounding; anything larger fails.
          for (const s of shifts.filter((x) => x.value >= 0.0005))
            shifted.push(`${prefix}${p}: ${s.value.toFixed(4)} ${s.nodes.join(' | ')}`);
          await page.close();
        }
        assert.deepEqual(shifted, []);
      } finally {
        await context.close();
      }
    });
  }
});
