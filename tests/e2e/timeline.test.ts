import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {timeline} from '../../src/data/features';
import {timelineReleases} from '../../src/features/timeline/entries';
import {ROOT} from '../../scripts/lib/docs';
import {siteForSuite, watchedPage} from '../helpers/site';

describe('/timeline', () => {
  const siteOr = siteForSuite();

  test('lists every release newest first in both languages, each entry linking its source and chapters', async (t) => {
    const site = siteOr(t);
    if (!site) return;
    const w = await watchedPage(site);
    for (const [prefix, locale, heading] of [
      ['', 'en', 'Feature timeline'],
      ['/zh-Hans', 'zh', '特性时间线'],
    ] as const) {
      const expected = timelineReleases(timeline, ROOT, locale);
      const res = await w.page.goto(`${site.url}${prefix}/timeline`);
      assert.equal(res?.status(), 200, `${prefix}/timeline`);
      assert.equal((await w.page.locator('h1').innerText()).trim(), heading);
      const shown = await w.page.locator('li[data-release]').evaluateAll((els) => els.map((e) => e.getAttribute('data-release')));
      assert.deepEqual(
        shown,
        expected.map((r) => r.title),
        `${prefix}/timeline: releases or their order differ`,
      );
      const nftables = w.page.locator('li[data-release="Kubernetes 1.33"] li[data-feature="kube-proxy-nftables"]');
      assert.ok((await nftables.innerText()).includes(locale === 'en' ? 'kube-proxy nftables mode' : 'kube-proxy 的 nftables 模式'));
      const chapter = nftables.locator(`a[href="${site.basePath}${locale === 'zh' ? 'zh-Hans/' : ''}docs/kubernetes/kube-proxy"]`);
      assert.equal(await chapter.count(), 1, `${prefix}/timeline: no link to the kube-proxy chapter`);
    }
    // A chapter link leads to the chapter, whose tag reads the same stage.
    await w.page.goto(`${site.url}/timeline`);
    await w.page
      .locator('li[data-release="Kubernetes 1.33"] li[data-feature="kube-proxy-nftables"] a[href$="docs/kubernetes/kube-proxy"]')
      .click();
    await w.page.waitForURL(/docs\/kubernetes\/kube-proxy$/);
    assert.equal(await w.page.locator('a.feature-stage[data-feature="kube-proxy-nftables"]').first().innerText(), 'GA in 1.33 · KEP-3866');
    assert.deepEqual(w.problems, []);
    await w.close();
  });
});
