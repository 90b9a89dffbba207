import path from 'node:path';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {Options as DocsOptions} from '@docusaurus/plugin-content-docs';
import {parseFrontMatter} from './src/data/front-matter';
import {themes as prismThemes} from 'prism-react-renderer';
import {findChrome, INSTALL_HINT} from './src/build/chromium';
import codeListingPlugin from './src/features/code-listings/plugin';
import remarkCodeListings from './src/features/code-listings/remark';
import mermaidChunkPlugin from './src/features/diagrams/client-mermaid-plugin';
import mermaidStaticPlugin from './src/features/diagrams/plugin';
import remarkMermaidStatic from './src/features/diagrams/remark';
import {FONT_FAMILY} from './src/features/diagrams/store';
import remarkGlossaryLinks from './src/features/glossary/remark';
import remarkIncidentPointer, {INCIDENT_DOC} from './src/features/incidents/remark';
import labVmPlugin from './src/features/lab-vm/plugin';
import remarkLab from './src/features/labs/remark';
import leanDocsPlugin from './src/features/lean-docs/plugin';
import referencesPlugin from './src/features/references/plugin';
import remarkReferences from './src/features/references/remark';
import timelinePlugin from './src/features/timeline/plugin';
import remarkFeatures from './src/features/timeline/remark';
import {CHANGELOG_ROUTE, changelogOptions} from './src/features/changelog/options';
import searchPlugin from './src/features/search/plugin';
import markdownCopiesPlugin from './src/features/markdown-copies/plugin';
import booksPlugin from './src/features/books/plugin';
import offlinePlugin, {pwaOptions} from './src/features/offline/plugin';
import {editUrl, repositoryUrl} from './src/features/page-actions/repository';

// The site can live anywhere: a CDN root, a GitHub Pages project path, a sub-folder.
const url = process.env.SITE_URL ?? 'https://container-networking-guide.example.org';
const baseUrl = process.env.BASE_URL ?? '/';

/**
 * Diagrams are rendered at build time with Mermaid in headless Chromium, so
 * pages carry SVG and no Mermaid code. Without a browser the build still
 * works: @docusaurus/theme-mermaid renders them in the reader's browser.
 */
const buildTimeDiagrams = Boolean(findChrome());
if (!buildTimeDiagrams && !process.env.CNG_DIAGRAM_WARNING_SHOWN) {
  process.env.CNG_DIAGRAM_WARNING_SHOWN = '1';
  console.warn(`[WARNING] Diagrams will be rendered in the browser, not at build time. ${INSTALL_HINT}`);
}

// These run after Docusaurus's own remark plugins, so they never see a Mermaid fence: the diagram plugin
// (beforeDefaultRemarkPlugins, below) or Docusaurus's markdown.mermaid has turned each into a diagram.
const docsDirs = {
  docsDir: path.resolve(__dirname, 'docs'),
  zhDocsDir: path.resolve(__dirname, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current'),
};
const remarkPlugins = [
  [remarkLab, {labsDir: path.resolve(__dirname, 'labs')}],
  remarkReferences,
  remarkFeatures,
  remarkCodeListings,
  [remarkGlossaryLinks, docsDirs],
  // After the glossary, so that the line it adds to every Pitfalls section links no term.
  [remarkIncidentPointer, docsDirs],
] as const;

const title = 'Container Networking Guide';

const config: Config = {
  title,
  tagline: 'How packets move between containers, pods and Services, from Linux namespaces to Kubernetes.',
  favicon: 'img/favicon.svg',
  url,
  baseUrl,
  trailingSlash: false,
  // Rspack/SWC (@docusaurus/faster); the benchmark sets BENCH_BUNDLER=webpack to measure the default bundler.
  future: {v4: true, faster: process.env.BENCH_BUNDLER !== 'webpack'},

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    mermaid: !buildTimeDiagrams,
    // Explicit heading ids ({#what-you-will-learn}) keep anchors identical across locales.
    mdx1Compat: {headingIds: true},
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
    // A missing or misspelt front matter field stops the build with the file and field (src/data/front-matter.ts).
    parseFrontMatter,
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hans'],
    localeConfigs: {
      en: {label: 'English', htmlLang: 'en'},
      'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'},
    },
  },

  presets: [
    [
      'classic',
      {
        // The docs plugin is src/features/lean-docs, below.
        docs: false,
        // The blog plugin is the changelog (src/features/changelog): /changelog, with RSS and Atom feeds.
        blog: changelogOptions(title),
        theme: {customCss: ['./src/css/custom.css', './src/features/print/print.css']},
        sitemap: {changefreq: null, priority: null},
      } satisfies Preset.Options,
    ],
  ],

  themes: [...(buildTimeDiagrams ? [] : ['@docusaurus/theme-mermaid'])],

  clientModules: [require.resolve('./src/features/prefetch-on-intent/client-module.ts')],

  plugins: [
    [
      leanDocsPlugin,
      {
        sidebarPath: './sidebars.ts',
        beforeDefaultRemarkPlugins: buildTimeDiagrams ? [remarkMermaidStatic] : [],
        remarkPlugins: [...remarkPlugins],
        showLastUpdateTime: false,
        // "Edit this page" opens the page's own source: the Chinese file on Chinese pages.
        editUrl,
        editLocalizedFiles: true,
      } satisfies DocsOptions,
    ],
    buildTimeDiagrams ? mermaidStaticPlugin : mermaidChunkPlugin,
    referencesPlugin,
    timelinePlugin,
    codeListingPlugin,
    labVmPlugin,
    searchPlugin,
    markdownCopiesPlugin,
    booksPlugin,
    offlinePlugin,
    // Registers the service worker; what it keeps is src/features/offline/sw.js.
    ['@docusaurus/plugin-pwa', pwaOptions],
  ],

  customFields: {repositoryUrl},

  themeConfig: {
    metadata: [{name: 'keywords', content: 'container networking, Kubernetes networking, CNI, Docker networking, 容器网络'}],
    colorMode: {respectPrefersColorScheme: true},
    mermaid: {
      theme: {light: 'default', dark: 'dark'},
      options: {
        fontFamily: FONT_FAMILY,
      },
    },
    navbar: {
      title: 'Container Networking Guide',
      logo: {alt: 'Guide logo: two linked containers', src: 'img/logo.svg', width: 32, height: 32},
      items: [
        {type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide'},
        // A plain link, not a `doc` item: those count as active on every page of their sidebar.
        {to: `/docs/${INCIDENT_DOC}`, label: 'Something is broken', position: 'left'},
        {to: '/references', label: 'Reference explorer', position: 'left'},
        {type: 'localeDropdown', position: 'right'},
        {type: 'search', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Guide',
          items: [
            {label: 'How to read this guide', to: '/docs/how-to-read'},
            {label: 'Network namespaces', to: '/docs/linux/network-namespaces'},
            {label: 'Feature timeline', to: '/timeline'},
            {label: 'Changelog', to: `/${CHANGELOG_ROUTE}`},
          ],
        },
        {
          title: 'References',
          items: [
            {label: 'Reading lists', to: '/docs/references'},
            {label: 'Reference explorer', to: '/references'},
            {label: 'Catalogue as JSON', href: 'pathname:///references.json'},
          ],
        },
      ],
      copyright: 'Container Networking Guide. Written in English and Chinese; every lab is run by the test suite.',
    },
    prism: {
      theme: prismThemes.vsLight,
      darkTheme: prismThemes.oneDark,
      // Code is highlighted at build time; extra languages are in src/features/code-listings/highlight.ts.
      additionalLanguages: [],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
