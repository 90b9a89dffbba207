/**
 * The part of Pagefind's browser API (pagefind.js in each locale's bundle)
 * that the search box and page use, loaded on demand: a reader who never
 * searches downloads none of it.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Word positions of the matches in this section. */
  locations: number[];
}

interface PagefindData {
  url: string;
  excerpt: string;
  meta: {title?: string};
  sub_results: PagefindSubResult[];
}

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}

interface PagefindResponse {
  results: PagefindResult[];
}

interface PagefindModule {
  options: (options: {baseUrl?: string; excerptLength?: number; ranking?: {metaWeights?: Record<string, number>}}) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string) => Promise<PagefindResponse | null>;
  debouncedSearch: (term: string, options?: object, ms?: number) => Promise<PagefindResponse | null>;
}

/** One page found, ready to show. */
export interface Hit {
  id: string;
  title: string;
  /** Where to go: the page, or the section of it that matched best. */
  url: string;
  /** The heading of that section, when it is not the page's title. */
  section?: string;
  excerpt: ExcerptPart[];
}

/** An excerpt as text runs, the words that matched marked: rendered as React text, never as HTML. */
export type ExcerptPart = {text: string; mark: boolean};

/** Pagefind's boost for query words found in a page's title. */
const TITLE_WEIGHT = 1000;

const loaded = new Map<string, Promise<PagefindModule>>();

/**
 * Pagefind for the locale whose base URL is given ('/' or '/zh-Hans/'). Its
 * result URLs are relative to that base. A failed load (a dev server, which
 * has no bundle) is forgotten, so a later search tries again.
 */
export function loadPagefind(baseUrl: string): Promise<PagefindModule> {
  let pending = loaded.get(baseUrl);
  if (!pending) {
    const url = `${baseUrl}pagefind/pagefind.js`;
    pending = (import(/* webpackIgnore: true */ url) as Promise<PagefindModule>).then(async (pagefind) => {
      // A page whose title holds the words searched for is what a reader of a guide
      // wants first; Pagefind's default boost (5) let a short page that names a
      // Chinese chapter's title in passing outrank the chapter.
      await pagefind.options({baseUrl, excerptLength: 24, ranking: {metaWeights: {title: TITLE_WEIGHT}}});
      await pagefind.init();
      return pagefind;
    });
    pending.catch(() => loaded.delete(baseUrl));
    loaded.set(baseUrl, pending);
  }
  return pending;
}

/** Pagefind escapes < and > in excerpts and wraps matched words in <mark>. */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({text: piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), mark});
  }
  return parts;
}

/** A result's page title and the section with the most matches (Pagefind lists sections in page order). */
export async function toHit(result: PagefindResult): Promise<Hit> {
  const data = await result.data();
  const title = data.meta.title ?? data.url;
  const best = data.sub_results.reduce<PagefindSubResult | undefined>(
    (a, b) => (!a || b.locations.length > a.locations.length ? b : a),
    undefined,
  );
  const section = best && best.title !== title ? best.title : undefined;
  return {id: result.id, title, url: best?.url ?? data.url, section, excerpt: parseExcerpt(best?.excerpt ?? data.excerpt)};
}

/** A page found, for the search page: its title and up to `sections` of its sections, those with the most matches first. */
export interface PageHit {
  id: string;
  title: string;
  url: string;
  excerpt: ExcerptPart[];
  sections: Array<{title: string; url: string; excerpt: ExcerptPart[]}>;
}

export async function toPageHit(result: PagefindResult, sections = 3): Promise<PageHit> {
  const data = await result.data();
  const title = data.meta.title ?? data.url;
  const ranked = data.sub_results
    .filter((s) => s.title !== title && s.locations.length > 0)
    .sort((a, b) => b.locations.length - a.locations.length)
    .slice(0, sections);
  return {
    id: result.id,
    title,
    url: data.url,
    excerpt: parseExcerpt(data.excerpt),
    sections: ranked.map((s) => ({title: s.title, url: s.url, excerpt: parseExcerpt(s.excerpt)})),
  };
}

/** Lower case, without spaces and punctuation (ASCII or full-width): “Pod to Pod” and “pod-to-pod” compare equal. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Pages whose title is what was typed first, then those whose title contains
 * it, each group in Pagefind's order. Ranking alone can put a page that
 * mentions a title often above the page with that title.
 */
export function titleFirst<T extends {title: string}>(hits: T[], query: string): T[] {
  const q = normalise(query);
  if (!q) return hits;
  const rank = (hit: T) => {
    const title = normalise(hit.title);
    return title === q ? 0 : title.includes(q) ? 1 : 2;
  };
  return hits
    .map((hit, i) => ({hit, i, r: rank(hit)}))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.hit);
}
