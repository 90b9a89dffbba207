import {STOCK_PAGES} from './stock';

export type SiteId = 'ours' | 'stock';
export type PageType = 'home' | 'chapter' | 'doc' | 'category' | 'explorer' | 'search';

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
  doc: 'docs page, no diagram',
  category: 'reference category',
  explorer: 'reference explorer',
  search: 'search page',
};

const OUR_PAGES: Array<{type: PageType; path: string; diagram?: boolean}> = [
  {type: 'home', path: '/'},
  {type: 'chapter', path: '/docs/linux/network-namespaces', diagram: true},
  {type: 'doc', path: '/docs/references'},
  {type: 'category', path: '/docs/references/service-mesh'},
  {type: 'explorer', path: '/references'},
  {type: 'search', path: '/search?q=namespace'},
];

/** Every measured page: ours in both locales, then the stock home and doc page. */
export function allPages(): PageSpec[] {
  const ours = OUR_PAGES.flatMap(({type, path, diagram = false}) =>
    (['en', 'zh-Hans'] as const).map((locale) => ({
      site: 'ours' as const,
      type,
      locale,
      // /zh-Hans/ rather than /zh-Hans for the home page, as the locale dropdown links it.
      path: locale === 'en' ? path : `/zh-Hans${path === '/' ? '/' : path}`,
      diagram,
    })),
  );
  const stock: PageSpec[] = [
    {site: 'stock', type: 'home', locale: 'en', path: STOCK_PAGES.home, diagram: false},
    {site: 'stock', type: 'doc', locale: 'en', path: STOCK_PAGES.doc, diagram: false},
  ];
  return [...ours, ...stock];
}

export function pageLabel(spec: PageSpec): string {
  return `${spec.site === 'stock' ? 'stock ' : ''}${PAGE_TYPE_LABEL[spec.type]}`;
}
