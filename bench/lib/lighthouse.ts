import type {Browser} from 'playwright-core';
import {launchLighthouseChrome} from './chrome';
import {median} from './stats';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseSummary {
  runs: number;
  /** Median score per category, ×100; undefined when Lighthouse could not score it. */
  scores: Partial<Record<Category, number>>;
  /** Median Cumulative Layout Shift. */
  cls?: number;
  /** Median Total Blocking Time, ms (simulated mobile throttling). */
  tbtMs?: number;
  /** Median Largest Contentful Paint, ms (simulated). */
  lcpMs?: number;
  /**
   * Median of Lighthouse's own measure of this machine's speed (environment.benchmarkIndex):
   * scores from machines with different indexes are not comparable.
   */
  benchmarkIndex?: number;
  errors: string[];
}

interface RunResult {
  scores: Partial<Record<Category, number>>;
  cls?: number;
  tbtMs?: number;
  lcpMs?: number;
  benchmarkIndex?: number;
  error?: string;
}

/**
 * Lighthouse is ESM and is loaded with a real dynamic import: tsx compiles a
 * static import into require(), which rewrites Lighthouse's code with
 * esbuild's name-keeping helpers, and the functions Lighthouse sends to the
 * page then fail with "__name is not defined".
 */
async function loadLighthouse() {
  const mod = await import('lighthouse');
  return mod.default;
}

/** One browser for all runs; Lighthouse opens a fresh tab and resets storage for each run. */
export class LighthouseRunner {
  private constructor(
    private readonly browser: Browser,
    private readonly port: number,
  ) {}

  static async start(): Promise<LighthouseRunner> {
    const {browser, port} = await launchLighthouseChrome();
    return new LighthouseRunner(browser, port);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Default (mobile) config, the four categories; the median of `runs` runs, metric by metric. */
  async measure(url: string, runs: number): Promise<LighthouseSummary> {
    const results: RunResult[] = [];
    for (let i = 0; i < runs; i++) results.push(await this.runOnce(url));
    const ok = results.filter((r) => !r.error);
    const med = (pick: (r: RunResult) => number | undefined) => {
      const values = ok.map(pick).filter((v): v is number => v !== undefined);
      return values.length ? median(values) : undefined;
    };
    const scores: Partial<Record<Category, number>> = {};
    for (const c of CATEGORIES) {
      const m = med((r) => r.scores[c]);
      if (m !== undefined) scores[c] = m;
    }
    return {
      runs: ok.length,
      scores,
      cls: med((r) => r.cls),
      tbtMs: med((r) => r.tbtMs),
      lcpMs: med((r) => r.lcpMs),
      benchmarkIndex: med((r) => r.benchmarkIndex),
      errors: results.flatMap((r) => (r.error ? [r.error] : [])),
    };
  }

  private async runOnce(url: string): Promise<RunResult> {
    const lighthouse = await loadLighthouse();
    try {
      const result = await lighthouse(url, {port: this.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES]});
      if (!result) return {scores: {}, error: 'Lighthouse returned no result'};
      const lhr = result.lhr;
      if (lhr.runtimeError) return {scores: {}, error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`};
      const scores: Partial<Record<Category, number>> = {};
      for (const c of CATEGORIES) {
        const score = lhr.categories[c]?.score;
        if (typeof score === 'number') scores[c] = score * 100;
      }
      return {
        scores,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue,
        benchmarkIndex: lhr.environment.benchmarkIndex,
      };
    } catch (err) {
      return {scores: {}, error: err instanceof Error ? err.message : String(err)};
    }
  }
}
