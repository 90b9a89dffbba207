import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import path from 'node:path';
import type {Browser, BrowserContext, CDPSession, Request} from 'playwright-core';
import type {PageSpec} from './pages';

export interface Bytes {
  /** Bytes on the wire (CDP encodedDataLength: compressed body plus headers). */
  transfer: number;
  /** Decoded body bytes (sum of CDP dataReceived.dataLength). */
  raw: number;
  requests: number;
}

export interface PageWeight {
  spec: PageSpec;
  /** The HTML document (it holds the diagrams' SVG when they are rendered at build time). */
  html: Bytes;
  /** What the page runs: Script requests, its workers' scripts included. */
  js: Bytes;
  /** The same scripts gzipped (zlib's default level, as most servers and CDNs use), from the built files. */
  jsGzip: number;
  css: Bytes;
  /** Data fetched by script (fetch/XHR), from the page or its workers: the search index, for one. */
  data: Bytes;
  /**
   * JS and CSS fetched but not run: Docusaurus prefetches the chunks of the
   * routes linked from the page (<link rel=prefetch>, CDP type "Other",
   * never decoded, so raw is 0). Not counted in js/css.
   */
  prefetch: Bytes;
  all: Bytes;
  /** Mermaid chunks the page ran (Script requests). */
  mermaidChunks: string[];
  /** Mermaid chunks only prefetched. */
  mermaidPrefetched: string[];
  /** Every finished request, for the JSON results. */
  files: Array<{file: string; type: string; transfer: number; raw: number}>;
  /** Requests for anything but the local server (the browser cannot resolve them). */
  foreign: string[];
}

interface RequestRecord {
  url: string;
  type: string;
  transfer: number;
  raw: number;
  finished: boolean;
}

/**
 * The JS chunks of a build that hold Mermaid: the named mermaid-parser chunk
 * (src/features/diagrams/client-mermaid-plugin.ts), and the unnamed ones, recognised by code only
 * Mermaid carries (mermaidAPI is its core; langium its parser stack).
 */
export function findMermaidChunks(outDir: string): Set<string> {
  const found = new Set<string>();
  // Each locale's build has its own chunks.
  for (const dir of [path.join(outDir, 'assets', 'js'), path.join(outDir, 'zh-Hans', 'assets', 'js')]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.js')) continue;
      if (/mermaid/.test(file) || /mermaidAPI|langium/.test(readFileSync(path.join(dir, file), 'utf8'))) found.add(file);
    }
  }
  return found;
}

/**
 * A drawn diagram: rendered in the browser by @docusaurus/theme-mermaid, or
 * at build time by src/features/diagrams (the SVG is in the HTML, or
 * fetched on client-side navigation). The site uses the latter when the build
 * machine has Chromium.
 */
const DIAGRAM_SVG = '.docusaurus-mermaid-container svg, figure[data-diagram] [data-diagram-svg] svg';

/**
 * The site config as Docusaurus serialises it for the browser
 * (.docusaurus/docusaurus.config.mjs): main.js carries all of it on every
 * page, plugin options included, so data passed to a plugin as an option
 * (a catalogue, say) is shipped to every reader.
 */
export function siteConfigBytes(siteDir: string): {raw: number; brotli: number} | undefined {
  const file = path.join(siteDir, '.docusaurus', 'docusaurus.config.mjs');
  if (!existsSync(file)) return undefined;
  const body = readFileSync(file);
  return {raw: body.length, brotli: brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length};
}

const empty = (): Bytes => ({transfer: 0, raw: 0, requests: 0});

function add(b: Bytes, r: RequestRecord): void {
  b.transfer += r.transfer;
  b.raw += r.raw;
  b.requests += 1;
}

/**
 * Loads one page in a fresh browser context (empty cache) and sums what the
 * network delivered, by CDP resource type, once the network is idle (and, on
 * a diagram page, once a diagram is drawn: client-side Mermaid loads after hydration).
 */
export async function measurePageWeight(
  browser: Browser,
  origin: string,
  outDir: string,
  spec: PageSpec,
  mermaidFiles: ReadonlySet<string>,
): Promise<PageWeight> {
  const context = await browser.newContext();
  const foreign: string[] = [];
  // Not blocked with context.route(): interception changes how Chromium loads, and so the figures.
  // The browser's --host-resolver-rules keep these requests on the machine; they are listed as a defect.
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  const fromWorkers = recordWorkerRequests(context);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const records = await recordNetwork(cdp);
    await page.goto(origin + spec.path, {waitUntil: 'networkidle', timeout: 60_000});
    if (spec.diagram) {
      await page.waitForSelector(DIAGRAM_SVG, {timeout: 60_000});
      await page.waitForLoadState('networkidle');
    }
    // The prefetches of visible links start from an IntersectionObserver after hydration; let them finish.
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    const seen = new Set([...records.values()].map((r) => r.url));
    const workers = (await Promise.all(fromWorkers)).filter((r): r is RequestRecord => r !== undefined && !seen.has(r.url));
    const w = summarise(spec, [...records.values(), ...workers], mermaidFiles, foreign);
    w.jsGzip = gzippedScripts(outDir, w.files);
    return w;
  } finally {
    await context.close();
  }
}

/**
 * The page's CDP session does not see what its workers load (the local
 * search plugin fetches its index from a Web Worker); Playwright does. Those
 * requests are taken from Playwright: transfer is the encoded body plus
 * headers, raw the decoded body, as with CDP. Types are CDP's names.
 */
function recordWorkerRequests(context: BrowserContext): Array<Promise<RequestRecord | undefined>> {
  const pending: Array<Promise<RequestRecord | undefined>> = [];
  const TYPES: Record<string, string> = {script: 'Script', fetch: 'Fetch', xhr: 'XHR', stylesheet: 'Stylesheet', document: 'Document'};
  const record = async (req: Request): Promise<RequestRecord | undefined> => {
    try {
      const sizes = await req.sizes();
      const body = await (await req.response())?.body();
      return {
        url: req.url(),
        type: TYPES[req.resourceType()] ?? 'Other',
        transfer: sizes.responseBodySize + sizes.responseHeadersSize,
        raw: body?.length ?? 0,
        finished: true,
      };
    } catch {
      return undefined; // the context closed first
    }
  };
  context.on('requestfinished', (req) => pending.push(record(req)));
  return pending;
}

async function recordNetwork(cdp: CDPSession): Promise<Map<string, RequestRecord>> {
  const records = new Map<string, RequestRecord>();
  cdp.on('Network.requestWillBeSent', (e) => {
    records.set(e.requestId, {url: e.request.url, type: e.type ?? 'Other', transfer: 0, raw: 0, finished: false});
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = records.get(e.requestId);
    if (r) r.type = e.type;
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = records.get(e.requestId);
    if (r) r.raw += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = records.get(e.requestId);
    if (r) {
      r.transfer = e.encodedDataLength;
      r.finished = true;
    }
  });
  await cdp.send('Network.enable');
  return records;
}

function summarise(spec: PageSpec, records: RequestRecord[], mermaidFiles: ReadonlySet<string>, foreign: string[]): PageWeight {
  const w: PageWeight = {
    spec,
    html: empty(),
    js: empty(),
    jsGzip: 0,
    data: empty(),
    css: empty(),
    prefetch: empty(),
    all: empty(),
    mermaidChunks: [],
    mermaidPrefetched: [],
    foreign,
    files: [],
  };
  const finished = records.filter((x) => x.finished);
  // A preloaded script shows twice: the <link rel=preload> request (type Other, 0 bytes) and the Script.
  const run = new Set(finished.filter((r) => r.type === 'Script' || r.type === 'Stylesheet').map((r) => r.url));
  for (const r of finished) {
    add(w.all, r);
    const pathname = new URL(r.url).pathname;
    w.files.push({file: r.url.startsWith('data:') ? 'data: URL' : pathname, type: r.type, transfer: r.transfer, raw: r.raw});
    const prefetched = !run.has(r.url) && /\.(js|css)$/.test(pathname);
    if (r.type === 'Document') add(w.html, r);
    else if (r.type === 'Script') add(w.js, r);
    else if (r.type === 'Stylesheet') add(w.css, r);
    else if (r.type === 'Fetch' || r.type === 'XHR') add(w.data, r);
    else if (prefetched) add(w.prefetch, r);
    const file = path.basename(pathname);
    if (mermaidFiles.has(file) || /mermaid-parser|mermaid/.test(r.url)) {
      if (r.type === 'Script') w.mermaidChunks.push(file);
      else if (prefetched) w.mermaidPrefetched.push(file);
    }
  }
  w.mermaidChunks.sort();
  w.mermaidPrefetched.sort();
  return w;
}

/** Gzipped size of every script the page ran, read from the build (the server sends brotli). */
function gzippedScripts(outDir: string, files: PageWeight['files']): number {
  return files
    .filter((f) => f.type === 'Script')
    .reduce((sum, f) => {
      const file = path.join(outDir, f.file);
      if (!existsSync(file)) throw new Error(`${f.file} is not in ${outDir}`);
      return sum + gzipSync(readFileSync(file)).length;
    }, 0);
}
