import type {BuildResult} from './build';
import type {BrowserLatencySummary, LatencySummary} from './filter-latency';
import {LAB_VM_BUDGET, LAB_VM_LAB, type LabVmResults} from './lab-vm';
import {CATEGORIES, type Category, type LighthouseSummary} from './lighthouse';
import type {DocPageScore} from './chapters';
import {pageLabel, type PageSpec} from './pages';
import type {SearchCost} from './search-cost';
import {fmt, fmtRatio, kb, median, ratio} from './stats';
import type {PageWeight} from './weight';

export interface BuildEntry extends Partial<BuildResult> {
  id: string;
  label: string;
  site: 'ours' | 'stock';
  bundler: string;
  locales: number;
  /** Each run of a repeated build; seconds and cpuSeconds are their medians, peakRssMb their maximum. */
  runs?: Array<{seconds: number; cpuSeconds: number; peakRssMb: number}>;
  error?: string;
  skipped?: string;
}

export interface Results {
  date: string;
  quick: boolean;
  /** What was built: a commit, or the working tree. */
  site: string;
  machine: {cpus: number; cpuModel: string; memoryGb: number; platform: string; node: string; chromium?: string; docusaurus: string};
  builds: BuildEntry[];
  weights: PageWeight[];
  /** Size of the serialised site config, which main.js embeds. */
  siteConfig: {ours?: {raw: number; brotli: number}; stock?: {raw: number; brotli: number}};
  lighthouse: Array<{spec: PageSpec; summary: LighthouseSummary}>;
  filter: LatencySummary[];
  browserFilter: Array<BrowserLatencySummary & {locale: string}>;
  /**
   * The 1-minute load average when the run started and after each phase:
   * the machine is shared, and what else runs on 2 cores moves every figure.
   */
  load: Array<{phase: string; load1: number}>;
  /** The lab VM on the page (absent when the site was built without it). */
  labVm?: LabVmResults;
  /** Lighthouse on every docs page of ours, both locales, worst first. */
  docPages?: DocPageScore[];
  /** The first search of a visit, per locale and query. */
  search?: SearchCost[];
  errors: string[];
}

type Locale = 'en' | 'zh-Hans';
type PerLocale = Partial<Record<Locale, number>>;

export interface Ratios {
  buildVsStock?: number;
  buildVsStockCpu?: number;
  webpackVsRspack?: number;
  webpackVsRspackCpu?: number;
  touchedVsCold?: number;
  warmVsCold?: number;
  /** JS (gzip) of the chapter with diagrams ÷ the same chapter without them: build-time diagrams, then client-side Mermaid. */
  diagramVsPlain: PerLocale;
  diagramVsPlainClient: PerLocale;
  /** JS (gzip) of our page ÷ its stock twin (same text, plain Markdown). */
  chapterVsStock: PerLocale;
  docVsStock: PerLocale;
  mermaidOnPagesWithoutDiagram: string;
}

const TARGET_DIAGRAM_VS_PLAIN = 1.05;
const TARGET_CHAPTER_VS_STOCK = 1.0;
const TARGET_DOC_VS_STOCK = 1.05;
const TARGET_KEYSTROKE_MS = 16;
const LOCALES: Locale[] = ['en', 'zh-Hans'];

const build = (r: Results, id: string) => r.builds.find((b) => b.id === id && b.seconds !== undefined);
const weight = (r: Results, site: string, type: string, locale: Locale = 'en') =>
  r.weights.find((w) => w.spec.site === site && w.spec.type === type && w.spec.locale === locale);

function perLocale(r: Results, a: [site: string, type: string], b: [site: string, type: string]): PerLocale {
  const out: PerLocale = {};
  for (const locale of LOCALES) {
    const value = ratio(weight(r, a[0], a[1], locale)?.jsGzip, weight(r, b[0], b[1], locale)?.jsGzip);
    if (value !== undefined) out[locale] = value;
  }
  return out;
}

export function computeRatios(r: Results): Ratios {
  const cold = build(r, 'ours-rspack-cold')?.seconds;
  const coldCpu = build(r, 'ours-rspack-cold')?.cpuSeconds;
  const leaks = r.weights
    .filter((w) => w.spec.site === 'ours' && !w.spec.diagram && w.mermaidChunks.length > 0)
    .map((w) => `${w.spec.path}: ${w.mermaidChunks.join(', ')}`);
  return {
    buildVsStock: ratio(cold, build(r, 'stock-cold')?.seconds),
    buildVsStockCpu: ratio(coldCpu, build(r, 'stock-cold')?.cpuSeconds),
    webpackVsRspack: ratio(build(r, 'ours-webpack-cold')?.seconds, cold),
    webpackVsRspackCpu: ratio(build(r, 'ours-webpack-cold')?.cpuSeconds, coldCpu),
    warmVsCold: ratio(build(r, 'ours-rspack-warm')?.seconds, cold),
    touchedVsCold: ratio(build(r, 'ours-rspack-touched')?.seconds, cold),
    diagramVsPlain: perLocale(r, ['ours', 'chapter'], ['ours', 'chapter-plain']),
    diagramVsPlainClient: perLocale(r, ['client', 'chapter'], ['client', 'chapter-plain']),
    chapterVsStock: perLocale(r, ['ours', 'chapter'], ['stock', 'chapter']),
    docVsStock: perLocale(r, ['ours', 'doc'], ['stock', 'doc']),
    mermaidOnPagesWithoutDiagram: r.weights.length === 0 ? 'not measured' : leaks.length ? leaks.join('; ') : 'none',
  };
}

/** "1.00× / 1.01× (met)": en / zh-Hans, then whether both are within the target. */
function fmtPerLocale(values: PerLocale, target?: number): string {
  const shown = LOCALES.map((l) => fmtRatio(values[l])).join(' / ');
  const known = LOCALES.map((l) => values[l]).filter((v): v is number => v !== undefined);
  if (target === undefined || known.length === 0) return shown;
  return `${shown} ${known.every((v) => v <= target) ? '(met)' : '(MISSED)'}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function buildsSection(r: Results, q: Ratios): string {
  const rows = r.builds.map((b) => [
    b.label,
    b.bundler,
    String(b.locales),
    b.skipped ? `skipped (${b.skipped})` : b.error ? 'failed' : fmt(b.seconds),
    fmt(b.cpuSeconds),
    b.peakRssMb === undefined ? '–' : fmt(b.peakRssMb, 0),
    b.runs && b.runs.length > 1 ? `median of ${b.runs.length} (wall ${b.runs.map((x) => fmt(x.seconds)).join(', ')})` : '1',
  ]);
  return [
    '## Builds (`docusaurus build`: wall time, CPU time (user + system), peak RSS)',
    '',
    table(['build', 'bundler', 'locales', 'wall s', 'CPU s', 'peak RSS MB', 'runs'], rows),
    '',
    table(
      ['ratio', 'value'],
      [
        ['our cold build ÷ stock cold build, wall (CPU)', `${fmtRatio(q.buildVsStock)} (${fmtRatio(q.buildVsStockCpu)})`],
        [
          'Webpack cold ÷ Rspack cold: how much faster Rspack is, wall (CPU)',
          `${fmtRatio(q.webpackVsRspack)} (${fmtRatio(q.webpackVsRspackCpu)})`,
        ],
        ['warm rebuild ÷ cold build', fmtRatio(q.warmVsCold)],
        ['rebuild after touching one chapter ÷ cold build', fmtRatio(q.touchedVsCold)],
      ],
    ),
  ].join('\n');
}

function weightSection(r: Results, q: Ratios): string {
  const rows = r.weights.map((w) => [
    pageLabel(w.spec),
    w.spec.locale,
    `\`${w.spec.path}\``,
    kb(w.html.transfer),
    kb(w.js.transfer),
    kb(w.jsGzip),
    kb(w.js.raw),
    String(w.js.requests),
    kb(w.css.transfer),
    w.data.requests ? `${kb(w.data.transfer)} / ${kb(w.data.raw)}` : '–',
    kb(w.prefetch.transfer),
    w.mermaidChunks.length ? w.mermaidChunks.join(', ') : 'none',
  ]);
  const foreign = r.weights.flatMap((w) => w.foreign.map((u) => `${w.spec.path} → ${u}`));
  return [
    '## Page weight (fresh cache, KiB; transfer is brotli from the server, gzip is computed from the built files)',
    '',
    table(
      [
        'page',
        'locale',
        'path',
        'HTML transfer',
        'JS transfer',
        'JS gzip',
        'JS raw',
        'JS files',
        'CSS transfer',
        'data (fetch) transfer / raw',
        'JS/CSS prefetched',
        'Mermaid chunks run',
      ],
      rows,
    ),
    '',
    'Ratios of JS (gzip), en / zh-Hans:',
    '',
    table(
      ['ratio', 'value'],
      [
        [
          `chapter with diagrams ÷ the same chapter without them, build-time diagrams (target ≤ ${TARGET_DIAGRAM_VS_PLAIN})`,
          fmtPerLocale(q.diagramVsPlain, TARGET_DIAGRAM_VS_PLAIN),
        ],
        ['the same, client-side Mermaid', fmtPerLocale(q.diagramVsPlainClient)],
        [
          `our chapter ÷ its stock twin (same text as plain Markdown) (target ≤ ${TARGET_CHAPTER_VS_STOCK})`,
          fmtPerLocale(q.chapterVsStock, TARGET_CHAPTER_VS_STOCK),
        ],
        [
          `our docs page without diagram ÷ its stock twin (target ≤ ${TARGET_DOC_VS_STOCK})`,
          fmtPerLocale(q.docVsStock, TARGET_DOC_VS_STOCK),
        ],
        ['Mermaid chunks loaded on our pages without a diagram', q.mermaidOnPagesWithoutDiagram],
        [
          'site config embedded in main.js (every page), ours / stock, KiB raw (brotli)',
          `${kb(r.siteConfig.ours?.raw)} (${kb(r.siteConfig.ours?.brotli)}) / ${kb(r.siteConfig.stock?.raw)} (${kb(r.siteConfig.stock?.brotli)})`,
        ],
      ],
    ),
    ...(foreign.length ? ['', `Requests that tried to leave the machine: ${foreign.join('; ')}`] : []),
  ].join('\n');
}

/**
 * Each page type and locale: client-side Mermaid (before) → build-time
 * diagrams (after), with the stock twin where there is one.
 */
function beforeAfterSection(r: Results): string {
  const lh = (site: string, type: string, locale: Locale) =>
    r.lighthouse.find((l) => l.spec.site === site && l.spec.type === type && l.spec.locale === locale)?.summary;
  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  const score = (s: LighthouseSummary | undefined, c: Category) => (s?.scores[c] === undefined ? '–' : s.scores[c].toFixed(0));
  const types = ['home', 'chapter', 'doc', 'category', 'explorer'] as const;
  const rows = types.flatMap((type) =>
    LOCALES.map((locale) => {
      const [before, after, stock] = [lh('client', type, locale), lh('ours', type, locale), lh('stock', type, locale)];
      return [
        pageLabel({site: 'ours', type, locale, path: '', diagram: false}),
        locale,
        arrow(kb(weight(r, 'client', type, locale)?.jsGzip), kb(weight(r, 'ours', type, locale)?.jsGzip)),
        kb(weight(r, 'stock', type, locale)?.jsGzip),
        arrow(fmt(before?.cls, 3), fmt(after?.cls, 3)),
        ...CATEGORIES.map((c) => arrow(score(before, c), score(after, c))),
        fmt(before?.tbtMs, 0) + ' → ' + fmt(after?.tbtMs, 0),
        stock ? `${score(stock, 'performance')} (TBT ${fmt(stock.tbtMs, 0)})` : '–',
      ];
    }),
  );
  return [
    '## Before and after: client-side Mermaid → diagrams rendered at build time',
    '',
    'The same commit built twice: without a browser at build time (@docusaurus/theme-mermaid draws the diagrams in the reader’s browser) and as the site is built here. JS in KiB gzip; Lighthouse mobile, medians.',
    '',
    table(
      ['page', 'locale', 'JS gzip', 'stock twin JS gzip', 'CLS', 'perf', 'a11y', 'best practices', 'SEO', 'TBT ms', 'stock twin perf'],
      rows,
    ),
  ].join('\n');
}

function lighthouseSection(r: Results): string {
  const runs = Math.max(0, ...r.lighthouse.map((l) => l.summary.runs));
  const score = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(0));
  const rows = r.lighthouse.map(({spec, summary: s}) => [
    pageLabel(spec),
    spec.locale,
    score(s.scores.performance),
    score(s.scores.accessibility),
    score(s.scores['best-practices']),
    score(s.scores.seo),
    fmt(s.cls, 3),
    fmt(s.tbtMs, 0),
    fmt(s.lcpMs, 0),
    fmt(s.benchmarkIndex, 0),
    s.errors.length ? `${s.errors.length} failed` : '',
  ]);
  return [
    `## Lighthouse (mobile, default config; median of ${runs} run${runs === 1 ? '' : 's'})`,
    '',
    table(['page', 'locale', 'perf', 'a11y', 'best practices', 'SEO', 'CLS', 'TBT ms', 'LCP ms', 'benchmarkIndex', 'errors'], rows),
  ].join('\n');
}

function filterSection(r: Results): string {
  const mark = (ms: number) => (ms < TARGET_KEYSTROKE_MS ? '' : ' (over target)');
  const rows = r.filter.map((f) => [
    f.catalogue,
    String(f.entries),
    f.query,
    String(f.keystrokes),
    fmt(f.medianMs, 3),
    fmt(f.p95Ms, 3) + mark(f.p95Ms),
  ]);
  const browserRows = r.browserFilter.map((f) => [
    f.locale,
    String(f.entries),
    f.query,
    String(f.keystrokes),
    `${fmt(f.commit.medianMs, 1)} / ${fmt(f.commit.p95Ms, 1)}`,
    `${fmt(f.frame.medianMs, 1)} / ${fmt(f.frame.p95Ms, 1)}${mark(f.frame.p95Ms)}`,
    `${fmt(f.paint.medianMs, 1)} / ${fmt(f.paint.p95Ms, 1)}`,
  ]);
  return [
    `## Reference explorer: time per keystroke (target < ${TARGET_KEYSTROKE_MS} ms)`,
    '',
    'filterReferences alone (Node):',
    '',
    table(['catalogue', 'entries', 'query', 'keystrokes', 'median ms', 'p95 ms'], rows),
    '',
    "In Chromium on the built /references page, from the input event to: React commit of the new count; the next animation frame showing it (what the target is checked on); the end of that frame's paint (median / p95 ms):",
    '',
    table(['locale', 'entries', 'query', 'keystrokes', 'commit', 'next frame', 'after paint'], browserRows),
  ].join('\n');
}

function labVmSection(v: LabVmResults): string {
  const runs = v.cold.length;
  const within = (ok: boolean) => (ok ? 'within' : '**over**');
  const m = v.medians;
  const hostRatio = m.labOnHost ? ` (${fmtRatio(m.labInBrowser / m.labOnHost)} the host)` : '';
  return [
    `## Lab VM on the page (median of ${runs}; chapter ${LAB_VM_LAB.page})`,
    '',
    'From the click on “Run in your browser” to the shell prompt, in a new browser context (cold: empty HTTP cache) and after reloading the page (warm); bytes on the wire in that time.',
    '',
    table(
      ['start', 'seconds', 'MB', 'requests', 'runs (s)', 'budget'],
      [
        [
          'cold',
          fmt(m.coldSeconds, 1),
          fmt(m.coldMb, 1),
          String(median(v.cold.map((c) => c.requests))),
          v.cold.map((c) => c.seconds.toFixed(1)).join(', '),
          `${within(m.coldSeconds <= LAB_VM_BUDGET.coldSeconds && m.coldMb <= LAB_VM_BUDGET.coldMb)} ≤ ${LAB_VM_BUDGET.coldMb} MB, ≤ ${LAB_VM_BUDGET.coldSeconds} s`,
        ],
        [
          'warm',
          fmt(m.warmSeconds, 1),
          fmt(m.warmMb, 1),
          String(median(v.warm.map((c) => c.requests))),
          v.warm.map((c) => c.seconds.toFixed(1)).join(', '),
          `${within(m.warmSeconds <= LAB_VM_BUDGET.warmSeconds)} ≤ ${LAB_VM_BUDGET.warmSeconds} s`,
        ],
      ],
    ),
    '',
    `labs/${LAB_VM_LAB.name}.sh: ${fmt(m.labInBrowser, 1)} s in the page’s VM (runs ${v.labInBrowser.map((s) => s.toFixed(1)).join(', ')})` +
      (m.labOnHost ? `, ${fmt(m.labOnHost, 2)} s on this machine as root${hostRatio}.` : '; not run on this machine (not root).'),
  ].join('\n');
}

/** The targets of every page: Lighthouse mobile performance and blocking time. */
const PAGE_TARGET = {performance: 95, tbtMs: 200};
/** The first query's suggestions, per locale, KiB on the wire. */
const SEARCH_TARGET_KIB = 300;

function docPagesSection(pages: DocPageScore[]): string {
  const score = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(0));
  const perf = pages.map((p) => p.summary.scores.performance).filter((v): v is number => v !== undefined);
  const tbt = pages.map((p) => p.summary.tbtMs).filter((v): v is number => v !== undefined);
  const index = pages.map((p) => p.summary.benchmarkIndex).filter((v): v is number => v !== undefined);
  const meeting = pages.filter(
    (p) => (p.summary.scores.performance ?? 0) >= PAGE_TARGET.performance && (p.summary.tbtMs ?? Infinity) <= PAGE_TARGET.tbtMs,
  );
  const rows = pages.map((p) => [
    p.path,
    String(p.summary.runs),
    score(p.summary.scores.performance),
    fmt(p.summary.tbtMs, 0),
    fmt(p.summary.cls, 3),
    fmt(p.summary.lcpMs, 0),
    score(p.summary.scores.accessibility),
    score(p.summary.scores['best-practices']),
    score(p.summary.scores.seo),
    fmt(p.summary.benchmarkIndex, 0),
    p.summary.errors.length ? `${p.summary.errors.length} failed` : '',
  ]);
  return [
    '## Every docs page, worst first (Lighthouse mobile; one run each, the median of more for the worst)',
    '',
    `${pages.length} pages; ${meeting.length} meet performance ≥ ${PAGE_TARGET.performance} with TBT ≤ ${PAGE_TARGET.tbtMs} ms. ` +
      `Median performance ${fmt(perf.length ? median(perf) : undefined, 0)}, median TBT ${fmt(tbt.length ? median(tbt) : undefined, 0)} ms, ` +
      `benchmarkIndex ${fmt(index.length ? Math.min(...index) : undefined, 0)}–${fmt(index.length ? Math.max(...index) : undefined, 0)} (median ${fmt(index.length ? median(index) : undefined, 0)}).`,
    '',
    table(['page', 'runs', 'perf', 'TBT ms', 'CLS', 'LCP ms', 'a11y', 'best practices', 'SEO', 'benchmarkIndex', 'errors'], rows),
  ].join('\n');
}

function searchSection(costs: SearchCost[]): string {
  const rows = costs.map((c) => [
    c.locale,
    c.query,
    String(c.runs),
    kb(c.transferBytes) + (c.transferBytes / 1024 > SEARCH_TARGET_KIB ? ' (over target)' : ''),
    kb(c.rawBytes),
    String(c.requests),
    fmt(c.firstSuggestionMs, 0),
  ]);
  return [
    `## The first search of a visit (fresh cache; from the click in the navbar box to the first suggestion; target ≤ ${SEARCH_TARGET_KIB} KiB transferred)`,
    '',
    table(['locale', 'query', 'runs', 'transfer KiB', 'raw KiB', 'requests', 'ms to first suggestion'], rows),
  ].join('\n');
}

export function renderReport(r: Results): string {
  const q = computeRatios(r);
  const m = r.machine;
  const head = [
    `# Benchmark ${r.date}${r.quick ? ' (--quick)' : ''}`,
    '',
    `Site: ${r.site}.`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb.toFixed(0)} GB RAM, ${m.platform}; Node ${m.node}; Docusaurus ${m.docusaurus}; Chromium ${m.chromium ?? '?'}.`,
  ];
  if (r.load.length) {
    const busiest = Math.max(...r.load.map((l) => l.load1));
    head.push(
      '',
      `Load average (1 min): ${r.load.map((l) => `${l.phase} ${l.load1.toFixed(1)}`).join(', ')}.` +
        (busiest > m.cpus ? ` Other work was running (load above ${m.cpus}): timings, TBT and latencies are inflated and noisy.` : ''),
    );
  }
  const sections = [head.join('\n')];
  if (r.builds.length) sections.push(buildsSection(r, q));
  if (r.weights.length) sections.push(weightSection(r, q));
  if (r.lighthouse.length) sections.push(lighthouseSection(r));
  if (r.weights.length && r.lighthouse.length) sections.push(beforeAfterSection(r));
  if (r.filter.length || r.browserFilter.length) sections.push(filterSection(r));
  if (r.labVm) sections.push(labVmSection(r.labVm));
  if (r.docPages?.length) sections.push(docPagesSection(r.docPages));
  if (r.search?.length) sections.push(searchSection(r.search));
  if (r.errors.length) sections.push(['## Errors', '', ...r.errors.map((e) => `- ${e.split('\n')[0]}`)].join('\n'));
  return `${sections.join('\n\n')}\n`;
}
