import {existsSync} from 'node:fs';
import {readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type * as PagefindService from 'pagefind';
import {normalizeUrl} from '@docusaurus/utils';
import {htmlFiles} from '../../build/html-files';
import {LAB_LISTING_CLASS} from '../labs/listing-class';
import {POINTER_CLASS} from '../incidents/pointer-class';
import {SEARCH_BUNDLE_DIR, SEARCH_ROUTE} from './constants';

/**
 * What a page holds that a search should not match: navigation and the table
 * of contents (the same on many pages), lab scripts and their recorded output
 * (half the text of a chapter with a lab, and found through the prose around
 * them), the diagrams' SVG, and the one line under every Pitfalls heading.
 */
const EXCLUDE_SELECTORS = [
  '.theme-doc-toc-desktop',
  '.theme-doc-toc-mobile',
  '.theme-doc-breadcrumbs',
  '.theme-doc-footer',
  '.pagination-nav',
  '.hash-link',
  'button',
  `.${LAB_LISTING_CLASS}`,
  '[data-diagram-svg]',
  `.${POINTER_CLASS}`,
];

/** The pages worth finding: chapters, the catalogue's category pages, the timeline. Not the changelog (its entries point to chapters), the explorer or the home page. */
export function isIndexed(relativeFile: string): boolean {
  const file = relativeFile.split(path.sep).join('/');
  return (file.startsWith('docs/') && !file.startsWith('docs/tags')) || file === 'timeline.html';
}

/** docs/linux/bridge.html → /docs/linux/bridge, the URL the site serves it at (relative to the locale's base URL). */
export function pageUrl(relativeFile: string): string {
  return `/${relativeFile.split(path.sep).join('/')}`.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
}

/**
 * The pagefind package is ESM with only an `import` export, which the
 * config loader's require() cannot resolve: import its entry by path.
 */
async function loadPagefindService(): Promise<typeof PagefindService> {
  for (const dir of require.resolve.paths('pagefind') ?? []) {
    const manifest = path.join(dir, 'pagefind', 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(await readFile(manifest, 'utf8')) as {exports: {'.': {import: string}}};
    return (await import(path.join(dir, 'pagefind', pkg.exports['.'].import))) as typeof PagefindService;
  }
  throw new Error('search (Pagefind): the pagefind package is not installed (npm ci)');
}

/**
 * Site search: after the build, Pagefind indexes this locale's pages into
 * <locale's outDir>/pagefind/, an index split into chunks so that a query
 * downloads the few it needs rather than the whole index (Chinese text is
 * segmented into words when indexed and when searched). The /search page and
 * the navbar box (./SearchBar) load it in the reader's browser.
 */
export default function searchPlugin(context: LoadContext): Plugin {
  return {
    name: 'search',
    contentLoaded({actions}) {
      actions.addRoute({
        path: normalizeUrl([context.baseUrl, SEARCH_ROUTE]),
        component: '@site/src/features/search/SearchPage',
        exact: true,
      });
    },
    async postBuild({outDir}) {
      const otherLocales = new Set(context.i18n.locales.filter((l) => l !== context.i18n.currentLocale));
      const pagefind = await loadPagefindService();
      const {index, errors} = await pagefind.createIndex({rootSelector: 'main', excludeSelectors: EXCLUDE_SELECTORS});
      if (!index) throw new Error(`search (Pagefind): cannot create the index: ${errors.join('; ')}`);
      const files = (await htmlFiles(outDir, otherLocales)).filter((f) => isIndexed(path.relative(outDir, f)));
      if (files.length === 0) throw new Error(`search (Pagefind): no chapter in ${outDir} to index`);
      for (const file of files) {
        const relative = path.relative(outDir, file);
        const added = await index.addHTMLFile({url: pageUrl(relative), content: await readFile(file, 'utf8')});
        if (added.errors.length) throw new Error(`search (Pagefind): ${relative}: ${added.errors.join('; ')}`);
      }
      const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
      await rm(bundle, {recursive: true, force: true});
      const written = await index.writeFiles({outputPath: bundle});
      if (written.errors.length) throw new Error(`search (Pagefind): writing ${bundle}: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      await pagefind.close();
    },
  };
}
