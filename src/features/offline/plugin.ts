import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PluginOptions as PwaOptions} from '@docusaurus/plugin-pwa';
import {siteHeading} from '../../build/site-heading';

/** The manifest's file name in each locale's root. */
export const MANIFEST = 'manifest.webmanifest';
/** The colour of the installed app's title bar: the site's primary colour. */
export const THEME_COLOR = '#1d4ed8';
const ICON = 'img/logo.svg';

// The plugin sets swSrc and swDest itself, though its type asks for them.
const emptyPrecache: Partial<PwaOptions['injectManifestConfig']> = {
  manifestTransforms: [() => Promise.resolve({manifest: [], warnings: []})],
};

/**
 * The options of @docusaurus/plugin-pwa: the service worker with our own
 * caching of what a reader has opened (sw.js, whose comment says why), and
 * no precache: its manifest is emptied, so sw.js carries no list of every
 * file of the build and the plugin's own fetch handler never answers. Its
 * activation strategies then only decide whether an update waits behind a
 * "reload" prompt; the schema wants at least one, and `?offlineMode=true`
 * is the one a reader never meets.
 */
export const pwaOptions: Partial<PwaOptions> = {
  offlineModeActivationStrategies: ['queryString'],
  swCustom: require.resolve('./sw.js'),
  injectManifestConfig: emptyPrecache as PwaOptions['injectManifestConfig'],
};

/** The web app manifest of a locale: the guide installs as an app that opens on the locale's home page. */
export function webManifest(opts: {name: string; description: string; lang: string; baseUrl: string}): object {
  return {
    id: opts.baseUrl,
    name: opts.name,
    short_name: opts.name,
    description: opts.description,
    lang: opts.lang,
    dir: 'ltr',
    start_url: opts.baseUrl,
    scope: opts.baseUrl,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [{src: `${opts.baseUrl}${ICON}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any'}],
  };
}

/**
 * Makes the guide an installable app in each locale: a web app manifest in
 * the locale's own language at its root, linked from every page, and the
 * client module that asks the service worker to keep pages reached by
 * client-side navigation. @docusaurus/plugin-pwa (configured with
 * `pwaOptions`) registers the worker.
 */
export default function offlinePlugin(context: LoadContext): Plugin {
  const {siteConfig, siteDir, i18n, baseUrl} = context;
  const htmlLang = i18n.localeConfigs[i18n.currentLocale]?.htmlLang ?? i18n.currentLocale;
  return {
    name: 'offline',
    getClientModules() {
      return [path.resolve(__dirname, 'client-module.ts')];
    },
    injectHtmlTags() {
      return {
        headTags: [
          {tagName: 'link', attributes: {rel: 'manifest', href: `${baseUrl}${MANIFEST}`}},
          {tagName: 'meta', attributes: {name: 'theme-color', content: THEME_COLOR}},
        ],
      };
    },
    async postBuild({outDir}) {
      const {title, summary} = await siteHeading(siteDir, i18n.currentLocale, siteConfig.title, String(siteConfig.tagline), 'offline');
      const manifest = webManifest({name: title, description: summary, lang: htmlLang, baseUrl});
      await writeFile(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
