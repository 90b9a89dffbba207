import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {linkNodeModules, REPO, removeWorkDir} from './workspace';

/**
 * A stock Docusaurus site, as `create-docusaurus <name> classic --typescript`
 * 3.10 would write it, cut down to what the comparison needs: the classic
 * preset with docs only (our site disables the blog too), one locale, no
 * extra plugins, and the template's `future: {v4: true}`. In 3.10 that flag
 * turns on `v4.fasterByDefault`, so a new site builds with Rspack, SWC and
 * the persistent cache, as ours does (our config only adds the switch back
 * to Webpack for this benchmark).
 * Its three docs are plain Markdown (headings, paragraphs, lists) of the same
 * length as three of ours, without diagrams or components.
 */
export const STOCK_PAGES = {
  home: '/',
  /** The counterpart of our /docs/references (same source length, no diagram). */
  doc: '/docs/reading',
};

/** Source documents of our site whose length the stock docs copy. */
const LENGTH_SOURCES: Record<string, string> = {
  intro: 'docs/how-to-read.mdx',
  chapter: 'docs/linux/network-namespaces.mdx',
  reading: 'docs/references/index.mdx',
};

export function generateStockSite(dir: string): void {
  removeWorkDir(dir);
  const version = (JSON.parse(readFileSync(path.join(REPO, 'node_modules/@docusaurus/core/package.json'), 'utf8')) as {version: string}).version;
  const ourPackage = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {browserslist: unknown};
  const files: Record<string, string> = {
    'package.json': JSON.stringify(
      {
        name: 'stock-site',
        version: '0.0.0',
        private: true,
        dependencies: {'@docusaurus/core': version, '@docusaurus/faster': version, '@docusaurus/preset-classic': version, '@mdx-js/react': '^3.0.0', clsx: '^2.0.0', 'prism-react-renderer': '^2.3.0', react: '^19.0.0', 'react-dom': '^19.0.0'},
        // The template's browserslist, which is also ours: it sets what the bundler transpiles to.
        browserslist: ourPackage.browserslist,
        engines: {node: '>=20.0'},
      },
      null,
      2,
    ),
    'docusaurus.config.ts': CONFIG,
    'sidebars.ts': SIDEBARS,
    'src/css/custom.css': CUSTOM_CSS,
    'src/pages/index.tsx': HOME,
    'src/pages/index.module.css': HOME_CSS,
    'static/img/favicon.svg': ICON,
    'static/img/logo.svg': ICON,
  };
  let position = 1;
  for (const [slug, source] of Object.entries(LENGTH_SOURCES)) {
    const length = plainLength(readFileSync(path.join(REPO, source), 'utf8'));
    files[`docs/${slug}.md`] = `---\nsidebar_position: ${position++}\n---\n\n${loremDocument(slug, length, position)}`;
  }
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), {recursive: true});
    writeFileSync(target, text);
  }
  linkNodeModules(dir);
}

/** Length of a document without its front matter and diagrams: the prose the stock page should match. */
function plainLength(source: string): number {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/```mermaid[\s\S]*?```/g, '').length;
}

const WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ' +
  'enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in ' +
  'reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa ' +
  'qui officia deserunt mollit anim id est laborum packet route bridge interface table rule'
).split(' ');

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same stock text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const n = 8 + Math.floor(next() * 12);
  const words = Array.from({length: n}, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Headings, paragraphs and now and then a bullet list, until the text reaches `length` characters. */
function loremDocument(slug: string, length: number, seed: number): string {
  const next = random(seed);
  const parts = [`# ${slug[0]!.toUpperCase()}${slug.slice(1)}`];
  let size = parts[0]!.length;
  for (let i = 0; size < length; i++) {
    let block: string;
    if (i % 4 === 3) block = `## ${sentence(next).slice(0, -1).split(' ').slice(0, 4).join(' ')}`;
    else if (i % 7 === 5) block = Array.from({length: 3}, () => `- ${sentence(next)}`).join('\n');
    else block = Array.from({length: 3 + Math.floor(next() * 3)}, () => sentence(next)).join(' ');
    parts.push(block);
    size += block.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

const CONFIG = `import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

const config: Config = {
  title: 'My Site',
  tagline: 'Dinosaurs are cool',
  favicon: 'img/favicon.svg',
  future: {v4: true},
  url: 'https://your-docusaurus-site.example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en']},
  presets: [
    [
      'classic',
      {
        docs: {sidebarPath: './sidebars.ts'},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'My Site',
      logo: {alt: 'My Site Logo', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'tutorialSidebar', position: 'left', label: 'Tutorial'},
        {href: 'https://github.com/facebook/docusaurus', label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {title: 'Docs', items: [{label: 'Tutorial', to: '/docs/intro'}]},
        {title: 'More', items: [{label: 'GitHub', href: 'https://github.com/facebook/docusaurus'}]},
      ],
      copyright: 'Copyright My Project, Inc. Built with Docusaurus.',
    },
    prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
  } satisfies Preset.ThemeConfig,
};

export default config;
`;

const SIDEBARS = `import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  tutorialSidebar: [{type: 'autogenerated', dirName: '.'}],
};

export default sidebars;
`;

const CUSTOM_CSS = `:root {
  --ifm-color-primary: #2e8555;
  --ifm-color-primary-dark: #29784c;
  --ifm-color-primary-darker: #277148;
  --ifm-color-primary-darkest: #205d3b;
  --ifm-color-primary-light: #33925d;
  --ifm-color-primary-lighter: #359962;
  --ifm-color-primary-lightest: #3cad6e;
  --ifm-code-font-size: 95%;
}

[data-theme='dark'] {
  --ifm-color-primary: #25c2a0;
}
`;

const HOME = `import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

const FEATURES = [
  {title: 'Easy to Use', text: 'Docusaurus was designed from the ground up to be easily installed and used to get your website up and running quickly.'},
  {title: 'Focus on What Matters', text: 'Docusaurus lets you focus on your docs, and we will do the chores. Go ahead and move your docs into the docs directory.'},
  {title: 'Powered by React', text: 'Extend or customize your website layout by reusing React. Docusaurus can be extended while reusing the same header and footer.'},
];

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  return (
    <Layout title={siteConfig.title} description="Description will go into a meta tag in <head />">
      <header className={clsx('hero hero--primary', styles.heroBanner)}>
        <div className="container">
          <Heading as="h1" className="hero__title">{siteConfig.title}</Heading>
          <p className="hero__subtitle">{siteConfig.tagline}</p>
          <Link className="button button--secondary button--lg" to="/docs/intro">Docusaurus Tutorial</Link>
        </div>
      </header>
      <main>
        <section className="container margin-vert--lg">
          <div className="row">
            {FEATURES.map((f) => (
              <div key={f.title} className={clsx('col col--4')}>
                <Heading as="h3">{f.title}</Heading>
                <p>{f.text}</p>
              </div>
            ))}
          </div>
        </section>
      </main>
    </Layout>
  );
}
`;

const HOME_CSS = `.heroBanner {
  padding: 4rem 0;
  text-align: center;
  position: relative;
  overflow: hidden;
}
`;

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2e8555"/></svg>
`;
