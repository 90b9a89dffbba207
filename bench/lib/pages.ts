import {STOCK_PAGES} from './stock';
import {DIAGRAM_CHAPTER, PLAIN_CHAPTER} from './workspace';

/**
 * ours: the site as built here, diagrams rendered at build time.
 * client: the same commit built without a browser, so that
 *   @docusaurus/theme-mermaid draws the diagrams in the reader's browser
 *   (what the site would be without build-time rendering: the "before").
 * stock: a stock Docusaurus site carrying three of our pages as plain Markdown.
 */
export type SiteId = 'ours' | 'client' | 'stock';
export type PageType = 'home' | 'chapter' | 'chapter-plain' | 'doc' | 'category' | 'explorer' | 'search';

export interface PageSpec {
  site: SiteId;
  type: PageType;
  locale: 'en' | 'zh-Hans';
  path: string;
  /** Wait for the Mermaid diagrams to render before counting bytes. */
  diagram: boolean;
}

export const PAGE_TYPE_LABEL: Record<PageType, string> = {
  home: 'home',
  chapter: 'chapter with diagrams',
  'chapter-plain': 'same chapter, diagrams removed',
  doc: 'docs page, no diagram',
  category: 'reference category',
  explorer: 'reference explorer',
  search: 'search page',
};

export const SITE_LABEL: Record<SiteId, string> = {
  ours: 'ours',
  client: 'ours, client-side Mermaid',
  stock: 'stock',
};

const docPath = (id: string) => `/docs/${id}`;

const OUR_PAGES: Array<{type: PageType; path: string; diagram?: boolean}> = [
  {type: 'home', path: '/'},
  {type: 'chapter', path: docPath(DIAGRAM_CHAPTER.id), diagram: true},
  {type: 'chapter-plain', path: docPath(PLAIN_CHAPTER.id)},
  {type: 'doc', path: '/docs/references'},
  {type: 'category', path: '/docs/references/service-mesh'},
  {type: 'explorer', path: '/references'},
  {type: 'search', path: '/search?q=namespace'},
];

const STOCK: Array<{type: PageType; path: string}> = [
  {type: 'home', path: STOCK_PAGES.home},
  {type: 'chapter', path: STOCK_PAGES.chapter},
  {type: 'doc', path: STOCK_PAGES.doc},
];

const inLocale = (locale: 'en' | 'zh-Hans', p: string) =>
  // /zh-Hans/ rather than /zh-Hans for the home page, as the locale dropdown links it.
  locale === 'en' ? p : `/zh-Hans${p === '/' ? '/' : p}`;

/**
 * Every measured page, in both locales: ours, the client-side-Mermaid build
 * (every type but the search page, which has no diagram and no catalogue),
 * and the stock twins. The stock chapter has no diagram to wait for.
 */
export function allPages(): PageSpec[] {
  const locales = ['en', 'zh-Hans'] as const;
  const ours = (site: 'ours' | 'client') =>
    OUR_PAGES.filter((p) => site === 'ours' || p.type !== 'search').flatMap(({type, path, diagram = false}) =>
      locales.map((locale) => ({site, type, locale, path: inLocale(locale, path), diagram})),
    );
  const stock = STOCK.flatMap(({type, path}) =>
    locales.map((locale) => ({site: 'stock' as const, type, locale, path: inLocale(locale, path), diagram: false})),
  );
  return [...ours('ours'), ...ours('client'), ...stock];
}

export function pageLabel(spec: PageSpec): string {
  // The stock twin of our chapter carries its text, not its diagrams.
  const type = spec.site === 'stock' && spec.type === 'chapter' ? 'chapter (our text, no diagrams)' : PAGE_TYPE_LABEL[spec.type];
  return `${spec.site === 'ours' ? '' : `${SITE_LABEL[spec.site]}: `}${type}`;
}
