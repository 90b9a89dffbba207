/**
 * The benchmark: builds (ours with Rspack cold/warm/after an edit, ours with
 * Webpack, a stock Docusaurus site), page weight, Lighthouse and the
 * reference explorer's keystroke latency, in one run. Markdown on stdout,
 * progress on stderr, results in bench/results/<date>[-quick].{json,md}.
 *
 *   npm run bench               full run (about 20 minutes on 2 cores)
 *   npm run bench -- --quick    no Webpack build, one Lighthouse run per page
 *   npm run bench -- --rev <commit>   measure that commit (default HEAD)
 *   npm run bench -- --worktree       measure the working tree, uncommitted changes included
 *
 * Everything it builds lives in bench/.work/ (never the repo's build/ or .docusaurus/).
 */
import {appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import type {Server} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {findChrome, INSTALL_HINT} from '../src/build/chromium';
import {startStaticServer} from '../scripts/lib/static-server';
import {BenchError, timedBuild} from './lib/build';
import {launchBenchChrome} from './lib/chrome';
import {loadExplorerCode, QUERIES, syntheticCatalogue, timeExplorerInBrowser, timeFilter} from './lib/filter-latency';
import {docPages, sweepDocPages} from './lib/chapters';
import {LighthouseRunner} from './lib/lighthouse';
import {measureFirstSearch, SEARCH_QUERIES} from './lib/search-cost';
import {allPages, pageLabel, type PageSpec, type SiteId} from './lib/pages';
import {renderReport, type BuildEntry, type Results} from './lib/report';
import {median} from './lib/stats';
import {generateStockSite} from './lib/stock';
import {measureLabVm} from './lib/lab-vm';
import {findMermaidChunks, measurePageWeight, siteConfigBytes} from './lib/weight';
import {
  addChapterWithoutDiagrams,
  clearCaches,
  DIAGRAM_CHAPTER,
  prepareSite,
  REPO,
  RESULTS_DIR,
  SITE_DIR,
  STOCK_DIR,
} from './lib/workspace';

const quick = process.argv.includes('--quick');
/** Only the reader-facing figures of an existing build (the repo's build/, or --build DIR): every docs page, the first search. */
const pagesOnly = process.argv.includes('--pages-only');
// The site built in bench/.work takes the lab VM from the repository's cache (src/features/lab-vm/plugin.ts).
const LAB_VM_DIR = (process.env.LAB_VM_DIR ??= path.join(REPO, '.cache/lab-vm/out'));
const source = process.argv.includes('--worktree') ? ('worktree' as const) : {rev: optionValue('--rev') ?? 'HEAD'};

/** `--name value` or `--name=value`. */
function optionValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = args[i]!;
  return arg.includes('=') ? arg.slice(name.length + 1) : args[i + 1];
}
const LIGHTHOUSE_RUNS = quick ? 1 : 3;
const COLD_REPEATS = quick ? 1 : 3;
const TOUCHED_CHAPTER = DIAGRAM_CHAPTER.file;
const OUT = {
  rspack: path.join(SITE_DIR, 'build'),
  webpack: path.join(SITE_DIR, 'build-webpack'),
  client: path.join(SITE_DIR, 'build-client-mermaid'),
  stock: path.join(STOCK_DIR, 'build'),
};
/** Where each measured site's pages come from. */
const SITE_OUT: Record<SiteId, string> = {ours: OUT.rspack, client: OUT.client, stock: OUT.stock};

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface BuildStep {
  entry: Omit<BuildEntry, 'seconds' | 'peakRssMb' | 'log'>;
  cwd: string;
  outDir: string;
  env?: Record<string, string | undefined>;
  /** What happens to the work site before the build. */
  before?: () => void;
  /** Our cold build is required: without it there is nothing to measure. */
  required?: boolean;
  skip?: string;
  /**
   * Cold builds are repeated and their median reported: the first build of a
   * session also pays for reading node_modules from disk, and on 2 cores one
   * cold build varied by a factor of 2 between runs.
   */
  repeats?: number;
  /** The build that must have succeeded first (a warm build needs its cold one). */
  dependsOn?: string;
}

function buildSteps(): BuildStep[] {
  // Our builds must use Rspack even if the caller's shell exports BENCH_BUNDLER.
  const rspack = {BENCH_BUNDLER: undefined};
  return [
    // First, so that the site's .docusaurus ends up holding our own config (see siteConfigBytes below).
    {
      entry: {
        id: 'ours-client-mermaid',
        label: 'ours without a browser at build time (theme-mermaid draws diagrams in the reader’s browser)',
        site: 'ours',
        bundler: 'Rspack + SWC',
        locales: 2,
      },
      cwd: SITE_DIR,
      outDir: OUT.client,
      env: {...rspack, CHROME_PATH: '/nonexistent'},
    },
    {
      entry: {id: 'ours-rspack-cold', label: 'ours, cold (no .docusaurus, no caches)', site: 'ours', bundler: 'Rspack + SWC', locales: 2},
      cwd: SITE_DIR,
      outDir: OUT.rspack,
      env: rspack,
      before: () => clearCaches(SITE_DIR),
      required: true,
      repeats: COLD_REPEATS,
    },
    {
      entry: {
        id: 'ours-rspack-warm',
        label: 'ours, warm (persistent cache from the cold build)',
        site: 'ours',
        bundler: 'Rspack + SWC',
        locales: 2,
      },
      cwd: SITE_DIR,
      outDir: OUT.rspack,
      env: rspack,
    },
    {
      entry: {
        id: 'ours-rspack-touched',
        label: `ours, after appending a blank line to ${TOUCHED_CHAPTER}`,
        site: 'ours',
        bundler: 'Rspack + SWC',
        locales: 2,
      },
      cwd: SITE_DIR,
      outDir: OUT.rspack,
      env: rspack,
      before: () => appendFileSync(path.join(SITE_DIR, TOUCHED_CHAPTER), '\n'),
    },
    {
      entry: {id: 'ours-webpack-cold', label: 'ours, cold, BENCH_BUNDLER=webpack', site: 'ours', bundler: 'Webpack + Babel', locales: 2},
      cwd: SITE_DIR,
      outDir: OUT.webpack,
      env: {BENCH_BUNDLER: 'webpack'},
      before: () => clearCaches(SITE_DIR),
      ...(quick && {skip: '--quick'}),
    },
    {
      entry: {id: 'stock-cold', label: 'stock classic site, cold', site: 'stock', bundler: 'Rspack + SWC (v4 default)', locales: 1},
      cwd: STOCK_DIR,
      outDir: OUT.stock,
      env: {BENCH_BUNDLER: undefined},
      before: () => clearCaches(STOCK_DIR),
      repeats: COLD_REPEATS,
    },
    {
      entry: {id: 'stock-warm', label: 'stock classic site, warm', site: 'stock', bundler: 'Rspack + SWC (v4 default)', locales: 1},
      cwd: STOCK_DIR,
      outDir: OUT.stock,
      env: {BENCH_BUNDLER: undefined},
      dependsOn: 'stock-cold',
    },
  ];
}

async function runBuilds(siteDescription: string, errors: string[]): Promise<BuildEntry[]> {
  const done: BuildEntry[] = [];
  for (const step of buildSteps()) {
    if (step.skip) {
      done.push({...step.entry, skipped: step.skip});
      continue;
    }
    // A warm build after a failed cold one would not measure what its label says.
    if (step.dependsOn && !done.some((b) => b.id === step.dependsOn && b.seconds !== undefined)) {
      done.push({...step.entry, skipped: `${step.dependsOn} did not build`});
      continue;
    }
    try {
      const runs = [];
      for (let i = 1; i <= (step.repeats ?? 1); i++) {
        log(`build: ${step.entry.label}${step.repeats ? ` (${i}/${step.repeats})` : ''}`);
        step.before?.();
        const result = await timedBuild({name: step.entry.id, cwd: step.cwd, outDir: step.outDir, env: step.env});
        log(
          `  ${result.seconds.toFixed(1)} s (CPU ${result.cpuSeconds.toFixed(1)} s), ${result.peakRssMb.toFixed(0)} MB, load ${os.loadavg()[0]!.toFixed(1)}`,
        );
        runs.push(result);
      }
      done.push({
        ...step.entry,
        seconds: median(runs.map((r) => r.seconds)),
        cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
        peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
        log: runs[0]!.log,
        runs: runs.map(({seconds, cpuSeconds, peakRssMb}) => ({seconds, cpuSeconds, peakRssMb})),
      });
    } catch (err) {
      if (step.required) {
        throw new BenchError(
          `${message(err)}\n\nThe site itself does not build (${siteDescription}), so there is nothing to measure. Fix it, or measure another state: --rev <commit> or --worktree.`,
        );
      }
      errors.push(`${step.entry.id}: ${message(err)}`);
      log(`  FAILED: ${message(err)}`);
      done.push({...step.entry, error: message(err)});
    }
  }
  return done;
}

interface Served {
  origins: Partial<Record<SiteId, string>>;
  close: () => Promise<void>;
}

/** Serves each build that exists, compressed, both locales. */
async function serveBuilds(built: Record<SiteId, boolean>): Promise<Served> {
  const servers: Server[] = [];
  const origins: Served['origins'] = {};
  for (const site of Object.keys(SITE_OUT) as SiteId[]) {
    if (!built[site]) continue;
    const s = await startStaticServer({root: SITE_OUT[site], locales: ['zh-Hans'], compress: true});
    servers.push(s.server);
    origins[site] = s.url;
  }
  return {
    origins,
    close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}

/** The pages we can measure: those of the sites that built. */
function measurablePages(served: Served): Array<{spec: PageSpec; origin: string}> {
  return allPages().flatMap((spec) => {
    const origin = served.origins[spec.site];
    return origin ? [{spec, origin}] : [];
  });
}

async function measureWeights(browser: Browser, served: Served, errors: string[]): Promise<Results['weights']> {
  const mermaid = new Set((Object.keys(served.origins) as SiteId[]).flatMap((site) => [...findMermaidChunks(SITE_OUT[site])]));
  const weights: Results['weights'] = [];
  for (const {spec, origin} of measurablePages(served)) {
    log(`page weight: ${pageLabel(spec)} ${spec.path}`);
    try {
      weights.push(await measurePageWeight(browser, origin, SITE_OUT[spec.site], spec, mermaid));
    } catch (err) {
      errors.push(`page weight ${spec.path}: ${message(err)}`);
    }
  }
  return weights;
}

async function runLighthouse(served: Served, errors: string[]): Promise<Results['lighthouse']> {
  const runner = await LighthouseRunner.start();
  const out: Results['lighthouse'] = [];
  try {
    // The chapter without diagrams is there for its weight only.
    for (const {spec, origin} of measurablePages(served).filter(({spec}) => spec.type !== 'chapter-plain')) {
      log(`lighthouse ×${LIGHTHOUSE_RUNS}: ${pageLabel(spec)} ${spec.path}`);
      const summary = await runner.measure(origin + spec.path, LIGHTHOUSE_RUNS);
      for (const e of summary.errors) errors.push(`lighthouse ${spec.path}: ${e}`);
      out.push({spec, summary});
    }
  } finally {
    await runner.close();
  }
  return out;
}

async function measureFilter(browser: Browser, served: Served, errors: string[]): Promise<Pick<Results, 'filter' | 'browserFilter'>> {
  const filter: Results['filter'] = [];
  const browserFilter: Results['browserFilter'] = [];
  const code = loadExplorerCode(SITE_DIR);
  const real = await code.loadCatalogue('en');
  const synthetic = syntheticCatalogue(real, 5000);
  for (const query of QUERIES) {
    log(`filter latency: "${query}"`);
    filter.push(timeFilter(code, 'real', real, query, 200));
    filter.push(timeFilter(code, 'synthetic', synthetic, query, 20));
  }
  for (const locale of ['en', 'zh-Hans'] as const) {
    const entries = locale === 'en' ? real : await code.loadCatalogue(locale);
    const url = `${served.origins.ours}${locale === 'en' ? '' : '/zh-Hans'}/references`;
    for (const query of QUERIES) {
      log(`explorer in the browser (${locale}): "${query}"`);
      try {
        browserFilter.push({...(await timeExplorerInBrowser(code, browser, url, entries, query, quick ? 3 : 10)), locale});
      } catch (err) {
        errors.push(`explorer ${locale} "${query}": ${message(err)}`);
      }
    }
  }
  return {filter, browserFilter};
}

function machine(chromium?: string): Results['machine'] {
  const cpus = os.cpus();
  const docusaurus = (JSON.parse(readFileSync(path.join(REPO, 'node_modules/@docusaurus/core/package.json'), 'utf8')) as {version: string})
    .version;
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    docusaurus,
  };
}

function saveResults(results: Results, markdown: string): string {
  mkdirSync(RESULTS_DIR, {recursive: true});
  const base = path.join(RESULTS_DIR, `${results.date}${pagesOnly ? '-pages' : ''}${results.quick ? '-quick' : ''}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  return base;
}

/** A run's results before any page is measured. */
function newResults(site: string, browser: Browser, builds: BuildEntry[], load: Results['load'], errors: string[]): Results {
  return {
    date: new Date().toISOString().slice(0, 10),
    quick,
    site,
    machine: machine(browser.version()),
    builds,
    weights: [],
    siteConfig: {},
    lighthouse: [],
    filter: [],
    browserFilter: [],
    load,
    errors,
  };
}

/** The worst five docs pages get three runs; --quick keeps one run each. */
const WORST_COUNT = 5;
const SEARCH_RUNS = quick ? 1 : 3;

async function measureSearch(browser: Browser, origin: string, errors: string[]): Promise<NonNullable<Results['search']>> {
  const out: NonNullable<Results['search']> = [];
  for (const locale of ['en', 'zh-Hans'] as const) {
    for (const query of SEARCH_QUERIES[locale]) {
      log(`first search ×${SEARCH_RUNS} (${locale}): "${query}"`);
      try {
        out.push(await measureFirstSearch(browser, origin, locale, query, SEARCH_RUNS));
      } catch (err) {
        errors.push(`first search ${locale} "${query}": ${message(err)}`);
      }
    }
  }
  return out;
}

async function measureDocPages(buildDir: string, origin: string): Promise<NonNullable<Results['docPages']>> {
  const runner = await LighthouseRunner.start();
  try {
    return await sweepDocPages(runner, origin, docPages(buildDir), {worstCount: WORST_COUNT, worstRuns: LIGHTHOUSE_RUNS, log});
  } finally {
    await runner.close();
  }
}

/** --pages-only: serve an existing build as a CDN would and measure what readers meet, without building anything. */
async function pagesOnlyRun(): Promise<void> {
  const buildDir = path.resolve(optionValue('--build') ?? path.join(REPO, 'build'));
  if (!existsSync(path.join(buildDir, 'index.html')))
    throw new BenchError(`no build in ${buildDir}: run npm run build, or pass --build DIR`);
  const errors: string[] = [];
  const load: Results['load'] = [{phase: 'start', load1: os.loadavg()[0]!}];
  const {server, url} = await startStaticServer({root: buildDir, locales: ['zh-Hans'], compress: true});
  const browser = await launchBenchChrome();
  const results = newResults(`the build in ${path.relative(REPO, buildDir) || '.'} (--pages-only)`, browser, [], load, errors);
  try {
    results.search = await measureSearch(browser, url, errors);
    load.push({phase: 'search', load1: os.loadavg()[0]!});
    results.docPages = await measureDocPages(buildDir, url);
    load.push({phase: 'docs pages', load1: os.loadavg()[0]!});
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const markdown = renderReport(results);
  process.stdout.write(markdown);
  log(`results written to ${path.relative(REPO, saveResults(results, markdown))}.{json,md}`);
}

async function main(): Promise<void> {
  if (!findChrome()) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  if (pagesOnly) return pagesOnlyRun();
  const errors: string[] = [];
  log(
    `preparing bench/.work/site (${source === 'worktree' ? 'working tree' : source.rev}) and bench/.work/stock${quick ? ' (--quick)' : ''}`,
  );
  const site = prepareSite(source);
  addChapterWithoutDiagrams(SITE_DIR);
  generateStockSite(STOCK_DIR, SITE_DIR);
  const load: Results['load'] = [{phase: 'start', load1: os.loadavg()[0]!}];
  const sample = (phase: string) => load.push({phase, load1: os.loadavg()[0]!});
  const builds = await runBuilds(site, errors);
  sample('builds');

  const builtOk = (id: string) => builds.some((b) => b.id === id && b.seconds !== undefined);
  const served = await serveBuilds({ours: true, client: builtOk('ours-client-mermaid'), stock: builtOk('stock-cold')});
  const browser = await launchBenchChrome();
  const results = newResults(site, browser, builds, load, errors);
  try {
    results.weights = await measureWeights(browser, served, errors);
    // .docusaurus holds the last build of each site: Rspack for ours, unless the Webpack build ran last (same config).
    results.siteConfig = {ours: siteConfigBytes(SITE_DIR), stock: siteConfigBytes(STOCK_DIR)};
    sample('page weight');
    Object.assign(results, await measureFilter(browser, served, errors));
    sample('explorer latency');
    if (existsSync(path.join(OUT.rspack, 'assets/lab-vm'))) {
      try {
        results.labVm = await measureLabVm(served.origins.ours!, COLD_REPEATS, REPO, log);
      } catch (err) {
        errors.push(`lab VM: ${message(err)}`);
      }
      sample('lab VM');
    } else {
      errors.push(`lab VM: the site was built without it (no ${LAB_VM_DIR}/manifest.json and state): run sudo npm run build:lab-vm first`);
    }
    results.search = await measureSearch(browser, served.origins.ours!, errors);
    sample('first search');
    // Lighthouse last and with its own browser: it drives Chrome through a DevTools port.
    results.lighthouse = await runLighthouse(served, errors);
    sample('lighthouse');
    results.docPages = await measureDocPages(OUT.rspack, served.origins.ours!);
    sample('every docs page');
  } finally {
    await browser.close();
    await served.close();
  }

  const markdown = renderReport(results);
  process.stdout.write(markdown);
  log(`results written to ${path.relative(REPO, saveResults(results, markdown))}.{json,md}`);
}

main().catch((err: unknown) => {
  console.error(
    `bench failed: ${err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  process.exit(1);
});
