import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {LighthouseRunner, LighthouseSummary} from './lighthouse';

export interface DocPage {
  locale: 'en' | 'zh-Hans';
  path: string;
}

export interface DocPageScore extends DocPage {
  summary: LighthouseSummary;
}

/** Every docs page of a build, both locales, from its sitemaps: chapters, reading lists, the incident page. */
export function docPages(buildDir: string): DocPage[] {
  return (['en', 'zh-Hans'] as const).flatMap((locale) => {
    const file = path.join(buildDir, locale === 'en' ? '' : locale, 'sitemap.xml');
    if (!existsSync(file)) throw new Error(`${file} is missing: the build has no sitemap to list its pages`);
    return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)]
      .map((m) => new URL(m[1]!).pathname)
      .filter((p) => /\/docs\//.test(p))
      .map((p) => ({locale, path: p}));
  });
}

/** Worst first: the lowest performance score, then the longest blocking time. */
export function worstFirst(a: DocPageScore, b: DocPageScore): number {
  return (a.summary.scores.performance ?? -1) - (b.summary.scores.performance ?? -1) || (b.summary.tbtMs ?? 0) - (a.summary.tbtMs ?? 0);
}

/**
 * Lighthouse on every docs page: one run each, then `worstRuns` runs (their
 * median replaces the single run) for the `worstCount` worst, since one run
 * on a shared machine can land on a slow moment. Sorted worst first.
 */
export async function sweepDocPages(
  runner: LighthouseRunner,
  origin: string,
  pages: DocPage[],
  opts: {worstCount: number; worstRuns: number; log: (msg: string) => void},
): Promise<DocPageScore[]> {
  const scores: DocPageScore[] = [];
  for (const [i, page] of pages.entries()) {
    opts.log(`lighthouse, every docs page (${i + 1}/${pages.length}): ${page.path}`);
    scores.push({...page, summary: await runner.measure(origin + page.path, 1)});
  }
  scores.sort(worstFirst);
  if (opts.worstRuns > 1) {
    for (const score of scores.slice(0, opts.worstCount)) {
      opts.log(`lighthouse ×${opts.worstRuns}, one of the ${opts.worstCount} worst: ${score.path}`);
      score.summary = await runner.measure(origin + score.path, opts.worstRuns);
    }
    scores.sort(worstFirst);
  }
  return scores;
}
