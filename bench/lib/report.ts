import type {BuildResult} from './build';
import type {BrowserLatencySummary, LatencySummary} from './filter-latency';
import type {LighthouseSummary} from './lighthouse';
import {pageLabel, type PageSpec} from './pages';
import {fmt, fmtRatio, kb, ratio} from './stats';
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
  errors: string[];
}

export interface Ratios {
  buildVsStock?: number;
  buildVsStockCpu?: number;
  webpackVsRspack?: number;
  webpackVsRspackCpu?: number;
  touchedVsCold?: number;
  warmVsCold?: number;
  docJsVsStockTransfer?: number;
  docJsVsStockRaw?: number;
  diagramVsDocJsTransfer?: number;
  diagramVsDocJsRaw?: number;
  mermaidOnPagesWithoutDiagram: string;
}

const TARGET_DOC_VS_STOCK = 1.05;
const TARGET_KEYSTROKE_MS = 16;

const build = (r: Results, id: string) => r.builds.find((b) => b.id === id && b.seconds !== undefined);
const weight = (r: Results, site: string, type: string, locale = 'en') => r.weights.find((w) => w.spec.site === site && w.spec.type === type && w.spec.locale === locale);

export function computeRatios(r: Results): Ratios {
  const cold = build(r, 'ours-rspack-cold')?.seconds;
  const coldCpu = build(r, 'ours-rspack-cold')?.cpuSeconds;
  const doc = weight(r, 'ours', 'doc');
  const stockDoc = weight(r, 'stock', 'doc');
  const chapter = weight(r, 'ours', 'chapter');
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
    docJsVsStockTransfer: ratio(doc?.js.transfer, stockDoc?.js.transfer),
    docJsVsStockRaw: ratio(doc?.js.raw, stockDoc?.js.raw),
    diagramVsDocJsTransfer: ratio(chapter?.js.transfer, doc?.js.transfer),
    diagramVsDocJsRaw: ratio(chapter?.js.raw, doc?.js.raw),
    mermaidOnPagesWithoutDiagram: r.weights.length === 0 ? 'not measured' : leaks.length ? leaks.join('; ') : 'none',
  };
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
        ['Webpack cold ÷ Rspack cold: how much faster Rspack is, wall (CPU)', `${fmtRatio(q.webpackVsRspack)} (${fmtRatio(q.webpackVsRspackCpu)})`],
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
    kb(w.js.raw),
    String(w.js.requests),
    kb(w.css.transfer),
    kb(w.css.raw),
    w.data.requests ? `${kb(w.data.transfer)} / ${kb(w.data.raw)}` : '–',
    kb(w.prefetch.transfer),
    w.mermaidChunks.length ? w.mermaidChunks.join(', ') : 'none',
    w.mermaidPrefetched.length ? w.mermaidPrefetched.join(', ') : 'none',
  ]);
  const target = q.docJsVsStockTransfer === undefined ? '' : q.docJsVsStockTransfer <= TARGET_DOC_VS_STOCK ? ' (met)' : ' (MISSED)';
  const foreign = r.weights.flatMap((w) => w.foreign.map((u) => `${w.spec.path} → ${u}`));
  return [
    '## Page weight (fresh cache, brotli, KiB)',
    '',
    table(['page', 'locale', 'path', 'HTML transfer', 'JS transfer', 'JS raw', 'JS files', 'CSS transfer', 'CSS raw', 'data (fetch) transfer / raw', 'JS/CSS prefetched', 'Mermaid chunks run', 'Mermaid chunks prefetched'], rows),
    '',
    table(
      ['ratio', 'value'],
      [
        [`our docs page without diagram JS ÷ stock doc page JS, transfer (target ≤ ${TARGET_DOC_VS_STOCK})`, fmtRatio(q.docJsVsStockTransfer) + target],
        ['same, raw', fmtRatio(q.docJsVsStockRaw)],
        ['our diagram page JS ÷ our docs page without diagram JS, transfer', fmtRatio(q.diagramVsDocJsTransfer)],
        ['same, raw', fmtRatio(q.diagramVsDocJsRaw)],
        ['Mermaid chunks loaded on a page without a diagram', q.mermaidOnPagesWithoutDiagram],
        ['site config embedded in main.js (every page), ours / stock, KiB raw (brotli)', `${kb(r.siteConfig.ours?.raw)} (${kb(r.siteConfig.ours?.brotli)}) / ${kb(r.siteConfig.stock?.raw)} (${kb(r.siteConfig.stock?.brotli)})`],
      ],
    ),
    ...(foreign.length ? ['', `Requests that tried to leave the machine: ${foreign.join('; ')}`] : []),
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
    s.errors.length ? `${s.errors.length} failed` : '',
  ]);
  return [
    `## Lighthouse (mobile, default config; median of ${runs} run${runs === 1 ? '' : 's'})`,
    '',
    table(['page', 'locale', 'perf', 'a11y', 'best practices', 'SEO', 'CLS', 'TBT ms', 'LCP ms', 'errors'], rows),
  ].join('\n');
}

function filterSection(r: Results): string {
  const mark = (ms: number) => (ms < TARGET_KEYSTROKE_MS ? '' : ' (over target)');
  const rows = r.filter.map((f) => [f.catalogue, String(f.entries), f.query, String(f.keystrokes), fmt(f.medianMs, 3), fmt(f.p95Ms, 3) + mark(f.p95Ms)]);
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
    'In Chromium on the built /references page, from the input event to: React commit of the new count; the next animation frame showing it (what the target is checked on); the end of that frame\'s paint (median / p95 ms):',
    '',
    table(['locale', 'entries', 'query', 'keystrokes', 'commit', 'next frame', 'after paint'], browserRows),
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
  const sections = [head.join('\n'), buildsSection(r, q)];
  if (r.weights.length) sections.push(weightSection(r, q));
  if (r.lighthouse.length) sections.push(lighthouseSection(r));
  if (r.filter.length || r.browserFilter.length) sections.push(filterSection(r));
  if (r.errors.length) sections.push(['## Errors', '', ...r.errors.map((e) => `- ${e.split('\n')[0]}`)].join('\n'));
  return `${sections.join('\n\n')}\n`;
}
