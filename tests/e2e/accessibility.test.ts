import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {AxeBuilder} from '@axe-core/playwright';
import {siteForSuite, watchedPage} from '../helpers/site';

const PAGES = [
  ['home', '/'],
  ['chapter', '/docs/linux/network-namespaces'],
  ['reference category', '/docs/references/service-mesh'],
  ['reference explorer', '/references'],
  ['404', '/docs/no-such-page'],
  ['search results', '/search?q=namespace'],
  ['changelog', '/changelog'],
  ['changelog entry', '/changelog/part-4-todays-data-planes'],
] as const;

describe('WCAG 2 A and AA (axe)', () => {
  const siteOr = siteForSuite();

  for (const prefix of ['', '/zh-Hans']) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${prefix || '/en'} in ${scheme} mode has no violations`, {timeout: 180_000}, async (t) => {
        const site = siteOr(t);
        if (!site) return;
        const problems: string[] = [];
        const w = await watchedPage(site, {colorScheme: scheme});
        for (const [name, p] of PAGES) {
          await w.page.goto(`${site.url}${prefix}${p}`, {waitUntil: 'networkidle'});
          const results = await new AxeBuilder({page: w.page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const v of results.violations) {
            problems.push(
              `${name} (${prefix}${p}): ${v.id}: ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
          }
        }
        await w.close();
        assert.deepEqual(problems, []);
      });
    }
  }
});
