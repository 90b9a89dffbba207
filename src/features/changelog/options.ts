/**
 * The changelog: the classic preset's blog plugin, used for what changed in
 * the guide rather than for articles. Entries are `changelog/<slug>.mdx` in
 * English and the same file name under `ZH_CHANGELOG_DIR` in Chinese; their
 * front matter is checked by src/data/front-matter.ts like every page's.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type * as Preset from '@docusaurus/preset-classic';

type BlogOptions = Exclude<Preset.Options['blog'], false | undefined>;

const ROOT = path.resolve(__dirname, '../../..');
/** Where the entries live, relative to the site: the blog plugin's `path` and its Chinese folder. */
export const CHANGELOG_DIR = 'changelog';
export const ZH_CHANGELOG_DIR = 'i18n/zh-Hans/docusaurus-plugin-content-blog';
/** The route of the list page, without the base URL; entries are `${CHANGELOG_ROUTE}/<slug>`. */
export const CHANGELOG_ROUTE = 'changelog';

/** The English words; the Chinese ones are in ZH_CHANGELOG_DIR/options.json, where write-translations expects them. */
const EN = {
  title: 'Changelog',
  description: 'What changed in the Container Networking Guide: new chapters, labs and corrections, newest first.',
};

type Translations = Record<string, {message?: string} | undefined>;
const translations = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'i18n/zh-Hans', file), 'utf8')) as Translations;

/** The site's and the list page's titles and the description in a locale, from the one place each is written. */
function wordsFor(locale: string | undefined, siteTitle: string): {site: string; title: string; description: string} {
  if (locale !== 'zh-Hans') return {site: siteTitle, ...EN};
  const navbar = translations('docusaurus-theme-classic/navbar.json');
  const options = translations('docusaurus-plugin-content-blog/options.json');
  return {
    site: navbar.title?.message ?? siteTitle,
    title: options.title?.message ?? EN.title,
    description: options.description?.message ?? EN.description,
  };
}

/**
 * The blog plugin's options. Docusaurus evaluates the config once per locale
 * and names it in DOCUSAURUS_CURRENT_LOCALE; the feed's title and description
 * are not translated by options.json (only the page's are), so they are
 * chosen here.
 */
export function changelogOptions(siteTitle: string, locale = process.env.DOCUSAURUS_CURRENT_LOCALE): BlogOptions {
  const words = wordsFor(locale, siteTitle);
  return {
    path: CHANGELOG_DIR,
    routeBasePath: CHANGELOG_ROUTE,
    blogTitle: EN.title,
    blogDescription: EN.description,
    blogSidebarTitle: 'All changes',
    // A changelog is read whole: one list page, every entry in the sidebar, no archive page that repeats the list.
    postsPerPage: 'ALL',
    blogSidebarCount: 'ALL',
    archiveBasePath: null,
    showReadingTime: false,
    // Entries are short and shown whole on the list page.
    onUntruncatedBlogPosts: 'ignore',
    feedOptions: {
      type: ['rss', 'atom'],
      title: `${words.site} · ${words.title}`,
      description: words.description,
      language: locale ?? 'en',
      limit: false,
      copyright: words.site,
    },
  };
}
