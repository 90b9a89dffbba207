import path from 'node:path';
import type {LoadContext} from '@docusaurus/types';
import type {Browser} from 'playwright-core';
import type {LocalisedReference} from '../../src/data/references/localised';
import type * as FilterModuleTypes from '../../src/features/references/ReferenceExplorer/filter';
import type * as PluginModuleTypes from '../../src/features/references/plugin';
import {median, quantile} from './stats';

export const QUERIES = ['kube-proxy', '网络命名空间'];

type FilterModule = typeof FilterModuleTypes;
type PluginModule = typeof PluginModuleTypes;

/**
 * The explorer's code from the work copy of the site, not the repo: the repo
 * may have changed since the copy was built, and the browser measurement
 * compares the page's counts with this filter's.
 */
export interface ExplorerCode {
  filterReferences: FilterModule['filterReferences'];
  EMPTY_STATE: FilterModule['EMPTY_STATE'];
  /**
   * The explorer's catalogue exactly as the site gets it: the references
   * plugin's own loadContent() (localised entries plus the bilingual
   * searchText). It only reads the locale from the context.
   */
  loadCatalogue: (locale: 'en' | 'zh-Hans') => Promise<LocalisedReference[]>;
}

export function loadExplorerCode(siteDir: string): ExplorerCode {
  // require() (tsx compiles these TypeScript files on the fly) loads the work copy's modules by a path known only at run time;
  // the types are those of the repo's modules.
  /* eslint-disable @typescript-eslint/no-require-imports -- a module path chosen at run time */
  const filter = require(path.resolve(siteDir, 'src/features/references/ReferenceExplorer/filter.ts')) as FilterModule;
  const plugin = require(path.resolve(siteDir, 'src/features/references/plugin.ts')) as PluginModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    filterReferences: filter.filterReferences,
    EMPTY_STATE: filter.EMPTY_STATE,
    loadCatalogue: async (locale) => {
      const context = {i18n: {currentLocale: locale}, baseUrl: '/'} as unknown as LoadContext;
      const instance = plugin.default(context);
      if (!instance.loadContent) throw new Error('the references plugin has no loadContent');
      return (await instance.loadContent()) as LocalisedReference[];
    },
  };
}

export interface LatencySummary {
  catalogue: string;
  entries: number;
  query: string;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * A catalogue of `size` entries made of clones of the real ones, each with its
 * own id and some text of its own, so that matching work resembles a larger
 * real catalogue (the same share of entries match a query).
 */
export function syntheticCatalogue(real: readonly LocalisedReference[], size: number): LocalisedReference[] {
  const extra = ['overlay', 'underlay', 'conntrack', 'iptables', 'ipvs', 'nftables', 'veth', 'bridge', 'vxlan', 'geneve', 'bgp', 'ebpf'];
  return Array.from({length: size}, (_, i) => {
    const base = real[i % real.length]!;
    const tag = `${extra[i % extra.length]} ${extra[(i * 7) % extra.length]} ${i}`;
    return {
      ...base,
      id: `${base.id}-${i}`,
      title: `${base.title} (${tag})`,
      summary: `${base.summary} ${tag}`,
      searchText: `${base.searchText ?? ''}\n${tag}`.toLowerCase(),
    };
  });
}

/** Each prefix of the query, as the input holds it after each keystroke. */
function prefixes(query: string): string[] {
  return Array.from(query).map((_, i) =>
    Array.from(query)
      .slice(0, i + 1)
      .join(''),
  );
}

/**
 * filterReferences alone, once per keystroke (timed with the global
 * performance, which Node and the page share: importing it from
 * node:perf_hooks would make tsx rename it inside typeInExplorer too), `repeats` times over (after as
 * many untimed warm-up passes, so the JIT has compiled the filter).
 */
export function timeFilter(
  code: ExplorerCode,
  catalogue: string,
  entries: readonly LocalisedReference[],
  query: string,
  repeats: number,
): LatencySummary {
  const steps = prefixes(query);
  for (let i = 0; i < repeats; i++) for (const q of steps) code.filterReferences(entries, {...code.EMPTY_STATE, q});
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const q of steps) {
      const t0 = performance.now();
      code.filterReferences(entries, {...code.EMPTY_STATE, q});
      samples.push(performance.now() - t0);
    }
  }
  return summarise(catalogue, entries.length, query, samples);
}

export interface BrowserLatencySummary {
  entries: number;
  query: string;
  keystrokes: number;
  /** Input event → React has committed the new count (handler, URL update, filter, render, commit). */
  commit: {medianMs: number; p95Ms: number};
  /** Input event → the first animation frame showing the new count (includes waiting for the frame). */
  frame: {medianMs: number; p95Ms: number; maxMs: number};
  /** Input event → after that frame's paint (requestAnimationFrame, then a task), as INP counts it. */
  paint: {medianMs: number; p95Ms: number};
}

interface KeystrokeTimes {
  commit: number[];
  frame: number[];
  paint: number[];
}

/**
 * In the browser, on the built /references page: per keystroke, the time from
 * dispatching the input event to (a) React's commit of the new count, (b) the
 * first animation frame at which the result count shows it, (c) the end of
 * that frame's paint. The expected counts come from the same filter in Node,
 * so a keystroke that does not change the count still waits for its frame
 * rather than being skipped.
 */
export async function timeExplorerInBrowser(
  code: ExplorerCode,
  browser: Browser,
  url: string,
  entries: readonly LocalisedReference[],
  query: string,
  repeats: number,
): Promise<BrowserLatencySummary> {
  const steps = prefixes(query);
  const expected = steps.map((q) => code.filterReferences(entries, {...code.EMPTY_STATE, q}).length);
  const context = await browser.newContext();
  // tsx compiles with esbuild's keepNames, which wraps the inner functions of
  // typeInExplorer in __name(...); the page needs that helper to run them.
  await context.addInitScript({content: 'globalThis.__name = (fn) => fn;'});
  try {
    const page = await context.newPage();
    await page.goto(url, {waitUntil: 'networkidle'});
    await page.waitForSelector('[data-testid=result-count]');
    const all: KeystrokeTimes = {commit: [], frame: [], paint: []};
    // The first pass is a warm-up (first renders, lazy chunks), not counted.
    for (let i = 0; i <= repeats; i++) {
      const times = await page.evaluate(typeInExplorer, {steps, expected, total: entries.length});
      if (i === 0) continue;
      all.commit.push(...times.commit);
      all.frame.push(...times.frame);
      all.paint.push(...times.paint);
    }
    return {
      entries: entries.length,
      query,
      keystrokes: all.frame.length,
      commit: {medianMs: median(all.commit), p95Ms: quantile(all.commit, 0.95)},
      frame: {medianMs: median(all.frame), p95Ms: quantile(all.frame, 0.95), maxMs: Math.max(...all.frame)},
      paint: {medianMs: median(all.paint), p95Ms: quantile(all.paint, 0.95)},
    };
  } finally {
    await context.close();
  }
}

/** Runs in the page: types the steps one by one into the explorer's search field, then clears it. */
async function typeInExplorer({steps, expected, total}: {steps: string[]; expected: number[]; total: number}): Promise<KeystrokeTimes> {
  const input = document.querySelector<HTMLInputElement>('form[role=search] input[type=search]');
  const count = document.querySelector('[data-testid=result-count]');
  if (!input || !count) throw new Error('explorer search field or result count not found');
  // React tracks the value it set; the native setter makes the input event look like typing.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(input, …), its `this` given explicitly
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const shown = () => Number(/\d+/.exec(count.textContent ?? '')?.[0] ?? Number.NaN);
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  // A message posted from a frame callback is delivered once that frame has been painted.
  const afterPaint = () =>
    new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  const type = async (value: string, want: number) => {
    const t0 = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    // React flushes a discrete event's update in a microtask queued during dispatch, so before this one.
    await Promise.resolve();
    let commit = shown() === want ? performance.now() : undefined;
    let frame = await nextFrame();
    while (shown() !== want) {
      if (frame - t0 > 10_000) throw new Error(`count stayed at ${shown()} for "${value}", expected ${want}`);
      frame = await nextFrame();
    }
    commit ??= frame;
    const paint = await afterPaint();
    return {commit: commit - t0, frame: frame - t0, paint: paint - t0};
  };
  const times: KeystrokeTimes = {commit: [], frame: [], paint: []};
  for (let i = 0; i < steps.length; i++) {
    const t = await type(steps[i]!, expected[i]!);
    times.commit.push(t.commit);
    times.frame.push(t.frame);
    times.paint.push(t.paint);
  }
  await type('', total);
  return times;
}

function summarise(catalogue: string, entries: number, query: string, samples: number[]): LatencySummary {
  return {
    catalogue,
    entries,
    query,
    keystrokes: samples.length,
    medianMs: median(samples),
    p95Ms: quantile(samples, 0.95),
    maxMs: Math.max(...samples),
  };
}
