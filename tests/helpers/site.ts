import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, type TestContext} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {findChrome, INSTALL_HINT, launchChrome} from '../../src/build/chromium';
import {startStaticServer} from '../../scripts/lib/static-server';
import {skipOrFail} from './ci';

/** The build the tests read and serve: build/, or BUILD_DIR (e.g. one made with BASE_URL=/repo/). */
export const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? path.resolve(__dirname, '../../build'));

export interface Site {
  /** The site's home without its trailing slash, base path included, so `${url}/docs/x` is a page. */
  url: string;
  /** The baseUrl the build was made for, '/' or '/repo/': links in its pages start with it. */
  basePath: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Why browser tests cannot run here, or undefined when they can. */
export function browserTestsUnavailable(): string | undefined {
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) return `no production build in ${BUILD_DIR}: run \`npm run build\` first`;
  if (!findChrome()) return INSTALL_HINT;
  return undefined;
}

/** Serves the production build on 127.0.0.1 (a free port), under its base path, and starts headless Chromium. */
export async function openSite(): Promise<Site> {
  const {server, url, basePath} = await startStaticServer({root: BUILD_DIR, locales: ['zh-Hans'], compress: true});
  const browser = await launchChrome();
  return {
    url,
    basePath,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Opens the built site before the calling suite's tests and closes it after.
 * The returned function gives a test the site, or skips the test (a failure
 * under CI=true) saying why browser tests cannot run here.
 */
export function siteForSuite(): (t: TestContext) => Site | undefined {
  const unavailable = browserTestsUnavailable();
  let site: Site | undefined;
  before(async () => {
    if (!unavailable) site = await openSite();
  });
  after(async () => site?.close());
  return (t) => {
    if (!site) skipOrFail(t, unavailable ?? 'site did not start');
    return site;
  };
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  /** The window's size; Playwright's default (1280×720) when left out. */
  viewport?: {width: number; height: number};
}

/**
 * A page that records console errors, page errors, every request that leaves
 * the local server, and the address of every script it loads.
 */
export async function watchedPage(site: Site, options: PageOptions = {}) {
  const context = await site.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    ...(options.viewport ? {viewport: options.viewport} : {}),
  });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  const foreign: string[] = [];
  const scripts = new Set<string>();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    // Under a base path, the rest of the origin is someone else's site too.
    if (u !== site.url && !u.startsWith(`${site.url}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.add(r.url());
  });
  return {page, problems, foreign, scripts, close: () => context.close()};
}

/** Runs `fn` over `items` with `workers` pages at a time, each worker with its own watched page. */
export async function visitConcurrently<T>(
  site: Site,
  items: readonly T[],
  workers: number,
  fn: (w: Awaited<ReturnType<typeof watchedPage>>, item: T) => Promise<void>,
  options: PageOptions = {},
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({length: Math.min(workers, items.length)}, async () => {
      const w = await watchedPage(site, options);
      try {
        while (next < items.length) await fn(w, items[next++] as T);
      } finally {
        await w.close();
      }
    }),
  );
}

/** Those of the scripts (by address, fetched again) whose text contains `text`. */
export async function scriptsContaining(urls: Iterable<string>, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const url of urls) if ((await (await fetch(url)).text()).includes(text)) found.push(url);
  return found;
}

/** How many diagrams of each colour variant the page draws (with a width), in the colour mode it is in now. */
export async function visibleDiagrams(page: Page): Promise<{light: number; dark: number}> {
  const visible = (mode: string) =>
    page
      .locator(`figure[data-diagram] .static-mermaid__${mode} svg`)
      .evaluateAll((svgs) => svgs.filter((svg) => svg.getBoundingClientRect().width > 0).length);
  return {light: await visible('light'), dark: await visible('dark')};
}

/**
 * The JavaScript files of a locale's build ('' for the default locale), with
 * their text, or undefined when there is no build to read.
 */
export function builtScripts(locale = ''): Array<{file: string; text: string}> | undefined {
  const dir = path.join(BUILD_DIR, locale, 'assets/js');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({file: path.join(locale, 'assets/js', f), text: readFileSync(path.join(dir, f), 'utf8')}));
}

/** A file of the production build, or undefined (the test skipped, or failed under CI) when there is no build. */
export function builtFile(t: TestContext, file: string): string | undefined {
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
    skipOrFail(t, `no production build in ${BUILD_DIR}: run \`npm run build\` first`);
    return undefined;
  }
  const p = path.join(BUILD_DIR, file);
  if (!existsSync(p)) throw new Error(`${file} is not in the build`);
  return readFileSync(p, 'utf8');
}
