import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {chineseTwin, plainMarkdown} from './plain-markdown';
import {linkNodeModules, REPO, removeWorkDir} from './workspace';

/**
 * A stock Docusaurus site, as `create-docusaurus <name> classic --typescript`
 * 3.10 would write it, cut down to what the comparison needs: the classic
 * preset with docs only (our site disables the blog too), our two locales,
 * no extra plugins, and the template's `future: {v4: true}`. In 3.10 that
 * flag turns on `v4.fasterByDefault`, so a new site builds with Rspack, SWC
 * and the persistent cache, as ours does (our config only adds the switch
 * back to Webpack for this benchmark).
 * Its three docs are three of ours in both languages, as plain Markdown
 * (./plain-markdown): the same text and code, without our diagrams and
 * components. A page of ours and its stock twin differ only in what the
 * site around the text costs.
 */
export const STOCK_PAGES = {
  home: '/',
  /** The twin of our /docs/linux/network-namespaces. */
  chapter: '/docs/chapter',
  /** The twin of our /docs/references (no diagram). */
  doc: '/docs/reading',
};

/** Our documents that the stock docs carry, under docs/ and as their Chinese twins. */
const SOURCES: Record<string, string> = {
  intro: 'docs/how-to-read.mdx',
  chapter: 'docs/linux/network-namespaces.mdx',
  reading: 'docs/references/index.mdx',
};

/** Writes the stock site into `dir`, its docs converted from the copy of our site in `siteDir`. */
export function generateStockSite(dir: string, siteDir: string): void {
  removeWorkDir(dir);
  const version = (JSON.parse(readFileSync(path.join(REPO, 'node_modules/@docusaurus/core/package.json'), 'utf8')) as {version: string})
    .version;
  const ourPackage = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {browserslist: unknown};
  const files: Record<string, string> = {
    'package.json': JSON.stringify(
      {
        name: 'stock-site',
        version: '0.0.0',
        private: true,
        dependencies: {
          '@docusaurus/core': version,
          '@docusaurus/faster': version,
          '@docusaurus/preset-classic': version,
          '@mdx-js/react': '^3.0.0',
          clsx: '^2.0.0',
          'prism-react-renderer': '^2.3.0',
          react: '^19.0.0',
          'react-dom': '^19.0.0',
        },
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
  const labsDir = path.join(siteDir, 'labs');
  for (const [slug, source] of Object.entries(SOURCES)) {
    const frontMatter = `sidebar_position: ${position++}\n`;
    for (const [from, to] of [
      [source, `docs/${slug}.mdx`],
      [chineseTwin(source), chineseTwin(`docs/${slug}.mdx`)],
    ] as const) {
      const file = path.join(siteDir, from);
      files[to] = plainMarkdown(readFileSync(file, 'utf8'), file, labsDir).replace(/^---\n/, `---\n${frontMatter}`);
    }
  }
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), {recursive: true});
    writeFileSync(target, text);
  }
  linkNodeModules(dir);
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
  i18n: {defaultLocale: 'en', locales: ['en', 'zh-Hans']},
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
