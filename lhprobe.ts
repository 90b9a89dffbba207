import {launchLighthouseChrome} from './bench/lib/chrome';
import {startStaticServer} from './scripts/lib/static-server';
(async () => {
  const {server, url} = await startStaticServer({root: 'build', locales: ['zh-Hans'], compress: true});
  const {browser, port} = await launchLighthouseChrome();
  const lighthouse = (await import('lighthouse')).default;
  for (const p of ['/docs/references', '/search?q=namespace']) {
    const r = await lighthouse(url + p, {port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'seo']});
    const lhr = r!.lhr;
    console.log(p, Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, v.score])));
    for (const cat of ['accessibility', 'seo']) for (const ref of lhr.categories[cat]!.auditRefs) { const a = lhr.audits[ref.id]!; if (a.score !== null && a.score < 1 && ref.weight > 0) console.log('  fail', cat, a.id, a.title); }
    const boot = lhr.audits['bootup-time']!.details as {items: {url: string; total: number; scripting: number}[]};
    for (const i of boot.items.slice(0, 5)) console.log('  boot', i.url.split('/').pop(), Math.round(i.total), Math.round(i.scripting));
    const mt = lhr.audits['mainthread-work-breakdown']!.details as {items: {group: string; duration: number}[]};
    console.log('  main', mt.items.map((i) => `${i.group}:${Math.round(i.duration)}`).join(' '));
    const lts = lhr.audits['long-tasks']?.details as {items: {url: string; duration: number}[]} | undefined;
    console.log('  long', lts?.items.slice(0, 5).map((i) => `${i.url.split('/').pop()}:${Math.round(i.duration)}`).join(' '));
    console.log('  tbt', lhr.audits['total-blocking-time']!.numericValue, 'cls', lhr.audits['cumulative-layout-shift']!.numericValue);
    const cls = lhr.audits['layout-shifts']?.details as {items: {node?: {selector: string}; score: number}[]} | undefined;
    console.log('  shifts', JSON.stringify(cls?.items.slice(0, 3).map((i) => [i.node?.selector, i.score])));
  }
  await browser.close();
  server.close();
})();
