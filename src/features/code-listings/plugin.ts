import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PrismTheme} from 'prism-react-renderer';

const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** CSS for the token classes that src/features/code-listings/highlight.ts writes, from a prism-react-renderer theme. */
export function tokenCss(theme: PrismTheme, scope: string): string {
  const rules = [
    `${scope}{--listing-background:${theme.plain.backgroundColor ?? 'inherit'};--listing-color:${theme.plain.color ?? 'inherit'}}`,
  ];
  for (const {types, style, languages} of theme.styles) {
    const declarations = Object.entries(style)
      .map(([property, value]) => `${kebab(property)}:${String(value)}`)
      .join(';');
    // An entry for some languages only applies inside their <pre class="language-…">.
    const within = languages?.map((l) => ` .language-${l}`) ?? [''];
    rules.push(`${types.flatMap((type) => within.map((w) => `${scope}${w} .token.${type}`)).join(',')}{${declarations}}`);
  }
  return rules.join('\n');
}

/**
 * Code blocks are highlighted at build time (src/features/code-listings/remark.ts and
 * src/features/code-listings/Listing). This plugin puts the colours of the site's Prism
 * themes (themeConfig.prism.theme and darkTheme) in every page as a small
 * stylesheet, and keeps prism-react-renderer (25 KiB gzip, loaded on every
 * page by theme-classic) out of the browser bundle.
 */
export default function codeListingPlugin(context: LoadContext): Plugin {
  const prism = (context.siteConfig.themeConfig as {prism?: {theme?: PrismTheme; darkTheme?: PrismTheme; additionalLanguages?: string[]}})
    .prism;
  if (!prism?.theme || !prism.darkTheme)
    throw new Error('docusaurus.config.ts: themeConfig.prism needs theme and darkTheme, the colours of code blocks');
  if (prism.additionalLanguages?.length) {
    throw new Error(
      'docusaurus.config.ts: themeConfig.prism.additionalLanguages must be empty; add languages to EXTRA_LANGUAGES in src/features/code-listings/highlight.ts',
    );
  }
  const css = [tokenCss(prism.theme, '.listing'), tokenCss(prism.darkTheme, "[data-theme='dark'] .listing")].join('\n');
  return {
    name: 'code-listing',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', innerHTML: css}]};
    },
    configureWebpack(_config, isServer) {
      return isServer ? {} : {resolve: {alias: {'prism-react-renderer$': path.resolve(__dirname, 'no-prism.ts')}}};
    },
  };
}
