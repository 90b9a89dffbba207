/**
 * The service worker's own code, bundled into sw.js by @docusaurus/plugin-pwa
 * (its `swCustom` option). Plain JavaScript because the plugin bundles the
 * worker with a loader for .js files only.
 *
 * The plugin's precache is never used (its manifest is emptied in
 * plugin.ts): it would download a whole locale on the first visit. Instead,
 * what a reader has opened is kept as they read it:
 * - a page (a navigation): network first, the saved copy when the network
 *   fails, a short notice in the page's language when there is none;
 * - hashed files (/assets/, Pagefind's index and fragments): cache first,
 *   since a new build gives them new names;
 * - anything else of the site: network first.
 * The lab VM (tens of MB) and the books are never cached: they go to the
 * network as if there were no worker.
 *
 * The first page of a visit loads before the worker exists, and a page
 * reached by client-side navigation is never fetched as HTML: for both, the
 * page posts {type: 'CACHE_PAGE', url, resources} (client-module.ts), and
 * the page and the files it has loaded are fetched and kept here (most come
 * from the browser's HTTP cache).
 */
import {clientsClaim} from 'workbox-core';
import {registerRoute} from 'workbox-routing';
import {CacheFirst, NetworkFirst} from 'workbox-strategies';
import {ExpirationPlugin} from 'workbox-expiration';

/** Every page of both locales fits: about 90 pages each, plus the search and timeline pages. */
const MAX_PAGES = 400;
/** A chapter's scripts and styles are 10–20 files; a build's worth of them, then the oldest go. */
const MAX_FILES = 1500;

// The lab VM's files (/assets/lab-vm/) and scripts (/lab-vm/labs/), and the books.
const NEVER_CACHED = [/\/lab-vm\//, /\/books\//];
const HASHED_FILE = [/\/assets\//, /\/pagefind\/.*\.pf_(?:meta|index|fragment)$/];

const OFFLINE_TEXT = {
  en: {
    lang: 'en',
    title: 'Offline: page not saved',
    heading: 'This page is not saved on this device',
    body: 'You are offline, and this page has not been opened here before. Pages you have read while online open without a connection.',
    back: 'Go back',
    home: 'Home page',
  },
  zh: {
    lang: 'zh-Hans',
    title: '离线：此页未保存',
    heading: '这个页面没有保存在本设备上',
    body: '当前处于离线状态，而这个页面此前没有在这里打开过。联网时读过的页面，断网后仍然可以打开。',
    back: '返回上一页',
    home: '首页',
  },
};

/** The site's root ('/' or '/repo/'): the English worker's scope, or the Chinese one's parent. */
function siteRoot() {
  return new URL(self.registration.scope).pathname.replace(/zh-Hans\/$/, '');
}

function offlinePage(url) {
  const root = siteRoot();
  const zh = url.pathname.startsWith(`${root}zh-Hans/`) || url.pathname === `${root}zh-Hans`;
  const t = zh ? OFFLINE_TEXT.zh : OFFLINE_TEXT.en;
  const home = zh ? `${root}zh-Hans/` : root;
  const html = `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<style>body{font:1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1e21;background:#fff}a{color:#1d4ed8}@media (prefers-color-scheme:dark){body{color:#e3e3e3;background:#1b1b1d}a{color:#93c5fd}}</style></head>
<body><main><h1>${t.heading}</h1><p>${t.body}</p><p><a href="javascript:history.back()">${t.back}</a> · <a href="${home}">${t.home}</a></p></main></body></html>`;
  return new Response(html, {status: 503, headers: {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'}});
}

/**
 * A static site's file is the same whatever the query: a page is kept under
 * its address alone, so /search?q=x reopens the search page offline, and so
 * is Pagefind's entry file, which it asks for with a ?ts= cache buster.
 */
const withoutQuery = {
  cacheKeyWillBeUsed: async ({request}) => {
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    return url.href;
  },
};

function cacheable(url) {
  return url.origin === self.location.origin && !NEVER_CACHED.some((re) => re.test(url.pathname));
}

export default function offlineReading() {
  const scope = self.registration.scope;
  const pages = new NetworkFirst({
    cacheName: `cng-pages ${scope}`,
    plugins: [
      withoutQuery,
      new ExpirationPlugin({maxEntries: MAX_PAGES, purgeOnQuotaError: true}),
      {handlerDidError: async ({request}) => offlinePage(new URL(request.url))},
    ],
  });
  const files = new CacheFirst({
    cacheName: `cng-files ${scope}`,
    plugins: [new ExpirationPlugin({maxEntries: MAX_FILES, purgeOnQuotaError: true})],
  });
  const other = new NetworkFirst({
    cacheName: `cng-other ${scope}`,
    plugins: [withoutQuery, new ExpirationPlugin({maxEntries: MAX_PAGES, purgeOnQuotaError: true})],
  });

  registerRoute(({request, url}) => request.mode === 'navigate' && cacheable(url), pages);
  registerRoute(
    ({request, url}) => cacheable(url) && !request.headers.has('range') && HASHED_FILE.some((re) => re.test(url.pathname)),
    files,
  );
  registerRoute(({request, url}) => cacheable(url) && !request.headers.has('range'), other);

  // The first page of a visit was loaded without the worker; from its activation on, what that page loads goes through it.
  clientsClaim();

  const keep = (event, href, strategy) => {
    const request = new Request(href, {credentials: 'same-origin'});
    return caches
      .match(href, {ignoreSearch: strategy !== files})
      .then((saved) => saved || strategy.handle({event, request}))
      .catch(() => undefined);
  };
  self.addEventListener('message', (event) => {
    const {type, url, resources} = event.data ?? {};
    if (type !== 'CACHE_PAGE' || typeof url !== 'string') return;
    const [page, ...rest] = [url, ...(Array.isArray(resources) ? resources : [])].map((u) => {
      try {
        return typeof u === 'string' ? new URL(u, self.location.href) : undefined;
      } catch {
        return undefined;
      }
    });
    if (!page || !cacheable(page)) return;
    event.waitUntil(
      Promise.all([
        keep(event, page.href, pages),
        ...rest
          .filter((u) => u && cacheable(u))
          .map((u) => keep(event, u.href, HASHED_FILE.some((re) => re.test(u.pathname)) ? files : other)),
      ]),
    );
  });
}
