/**
 * How readable the diagrams are: for every diagram of both locales, the
 * on-screen size of its text at a 1366 px desktop and a 390 px phone
 * (./measure.ts), worst first, and a summary.
 *
 *   npx tsx scripts/diagrams/legibility.ts                  # serves build/ (or BUILD_DIR) itself
 *   npx tsx scripts/diagrams/legibility.ts --url http://127.0.0.1:3000
 *   npx tsx scripts/diagrams/legibility.ts --json sizes.json --locale en
 *
 * Exits 1 when a diagram fails the contract (the same rule as
 * tests/e2e/pages.test.ts), 2 on bad arguments.
 */
import {existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {launchChrome} from '../../src/build/chromium';
import {startStaticServer} from '../lib/static-server';
import {diagramPages, failures, measurePage, type PageMeasure, TARGETS} from './measure';

const USAGE = 'usage: legibility.ts [--url URL] [--json FILE] [--locale en|zh-Hans] [--workers N]';

function options() {
  try {
    const {values} = parseArgs({
      options: {url: {type: 'string'}, json: {type: 'string'}, locale: {type: 'string'}, workers: {type: 'string', default: '2'}},
    });
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive whole number, not "${values.workers}"`);
    if (values.locale && !['en', 'zh-Hans'].includes(values.locale))
      throw new Error(`--locale must be en or zh-Hans, not "${values.locale}"`);
    return {...values, workers};
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function summary(label: string, pages: PageMeasure[]): string[] {
  const desktop = pages.flatMap((p) => p.desktop);
  const phone = pages.flatMap((p) => p.phone);
  const below = (ds: typeof desktop, px: number) => ds.filter((d) => d.medianPx < px).length;
  const line = (name: string, ds: typeof desktop) =>
    `  ${name}: median below 10 px ${below(ds, 10)} of ${ds.length}, below 12 px ${below(ds, 12)}; ` +
    `median of medians ${median(ds.map((d) => d.medianPx)).toFixed(1)} px; smallest text ${Math.min(...ds.map((d) => d.minPx)).toFixed(1)} px; ` +
    `scroll sideways ${ds.filter((d) => d.scrolls).length}`;
  return [
    `${label} (${desktop.length} diagrams on ${pages.length} pages)`,
    line(`${TARGETS.desktop.width} px`, desktop),
    line(`${TARGETS.phone.width} px`, phone),
  ];
}

async function main() {
  const opts = options();
  let url = opts.url?.replace(/\/$/, '');
  let stop = async () => {};
  if (!url) {
    const root = path.resolve(process.env.BUILD_DIR ?? 'build');
    if (!existsSync(path.join(root, 'index.html'))) {
      console.error(`No build in ${root}: run \`npm run build\`, or pass --url of a served build.\n${USAGE}`);
      process.exit(2);
    }
    const served = await startStaticServer({root, port: 0, locales: ['zh-Hans'], compress: true});
    url = served.url;
    stop = () => new Promise<void>((resolve) => served.server.close(() => resolve()));
  }
  const all = [...diagramPages()].filter(([p]) => !opts.locale || (opts.locale === 'zh-Hans') === p.startsWith('/zh-Hans/'));
  const browser = await launchChrome();
  const results: PageMeasure[] = [];
  const problems: string[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({length: Math.min(opts.workers, all.length)}, async () => {
        const page = await browser.newPage();
        while (next < all.length) {
          const [p, count] = all[next++]!;
          const m = await measurePage(page, url, p);
          results.push(m);
          problems.push(...failures(m, count));
        }
        await page.close();
      }),
    );
  } finally {
    await browser.close();
    await stop();
  }
  results.sort((a, b) => a.path.localeCompare(b.path));

  const rows = results.flatMap((m) => m.desktop.map((d, i) => ({path: m.path, d, p: m.phone[i]})));
  rows.sort((a, b) => a.d.medianPx - b.d.medianPx || (a.p?.medianPx ?? 0) - (b.p?.medianPx ?? 0));
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `${'page'.padEnd(48)} ${pad('#', 2)} ${pad('svg w', 6)} │ ${pad('1366 med', 8)} ${pad('min', 5)} ${pad('scale', 5)} ${pad('scroll', 6)} │ ${pad('390 med', 7)} ${pad('min', 5)} ${pad('scroll', 6)} │ title`,
  );
  for (const {path: p, d, p: ph} of rows) {
    console.log(
      `${p.padEnd(48)} ${pad(d.index, 2)} ${pad(d.svgWidth, 6)} │ ${pad(d.medianPx.toFixed(1), 8)} ${pad(d.minPx.toFixed(1), 5)} ${pad(d.scale.toFixed(2), 5)} ${pad(d.scrolls ? 'yes' : '', 6)} │ ${pad(ph?.medianPx.toFixed(1) ?? '-', 7)} ${pad(ph?.minPx.toFixed(1) ?? '-', 5)} ${pad(ph?.scrolls ? 'yes' : '', 6)} │ ${d.title.slice(0, 60)}`,
    );
  }
  console.log('');
  const column = rows[0]?.d.columnWidth;
  console.log(`Docs column at ${TARGETS.desktop.width} px: ${column} px; at ${TARGETS.phone.width} px: ${rows[0]?.p?.columnWidth} px.`);
  const en = results.filter((m) => !m.path.startsWith('/zh-Hans/'));
  const zh = results.filter((m) => m.path.startsWith('/zh-Hans/'));
  for (const [label, set] of [
    ['English', en],
    ['Chinese', zh],
    ['Both locales', results],
  ] as const)
    if (set.length) console.log(summary(label, set).join('\n'));
  console.log(
    `\n${problems.length} diagrams fail the contract (median ≥ 12 px, none < 10 px, no sideways scroll at 1366; median ≥ 11 px at 390).`,
  );
  if (opts.json) {
    writeFileSync(
      opts.json,
      `${JSON.stringify({url, measured: new Date().toISOString(), targets: TARGETS, pages: results, failures: problems}, null, 2)}\n`,
    );
    console.log(`Wrote ${opts.json}.`);
  }
  process.exitCode = problems.length ? 1 : 0;
}

void main();
