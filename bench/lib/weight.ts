import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, CDPSession} from 'playwright-core';
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
  js: Bytes;
  css: Bytes;
  /** <link rel=prefetch> of the routes linked from the page: downloaded, not run; not counted in js/css. */
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
 * (src/plugins/mermaid-chunk), and the unnamed ones, recognised by code only
 * Mermaid carries (mermaidAPI is its core; langium its parser stack).
 */
export function findMermaidChunks(outDir: string): Set<string> {
  const dir = path.join(outDir, 'assets', 'js');
  const found = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.js')) continue;
    if (/mermaid/.test(file) || /mermaidAPI|langium/.test(readFileSync(path.join(dir, file), 'utf8'))) found.add(file);
  }
  return found;
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
 * a diagram page, once the diagrams are drawn: Mermaid loads after hydration).
 */
export async function measurePageWeight(browser: Browser, origin: string, spec: PageSpec, mermaidFiles: ReadonlySet<string>): Promise<PageWeight> {
  const context = await browser.newContext();
  const foreign: string[] = [];
  // Not blocked with context.route(): interception changes how Chromium loads, and so the figures.
  // The browser's --host-resolver-rules keep these requests on the machine; they are listed as a defect.
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const records = await recordNetwork(cdp);
    await page.goto(origin + spec.path, {waitUntil: 'networkidle', timeout: 60_000});
    if (spec.diagram) {
      await page.waitForSelector('.docusaurus-mermaid-container svg', {timeout: 60_000});
      await page.waitForLoadState('networkidle');
    }
    // The prefetches of visible links start from an IntersectionObserver after hydration; let them finish.
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    return summarise(spec, [...records.values()], mermaidFiles, foreign);
  } finally {
    await context.close();
  }
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
  const w: PageWeight = {spec, js: empty(), css: empty(), prefetch: empty(), all: empty(), mermaidChunks: [], mermaidPrefetched: [], foreign, files: []};
  for (const r of records.filter((x) => x.finished)) {
    add(w.all, r);
    w.files.push({file: new URL(r.url).pathname, type: r.type, transfer: r.transfer, raw: r.raw});
    if (r.type === 'Script') add(w.js, r);
    else if (r.type === 'Stylesheet') add(w.css, r);
    else if (r.type === 'Prefetch') add(w.prefetch, r);
    const file = path.basename(new URL(r.url).pathname);
    if (mermaidFiles.has(file) || /mermaid-parser|mermaid/.test(r.url)) {
      (r.type === 'Script' ? w.mermaidChunks : w.mermaidPrefetched).push(file);
    }
  }
  w.mermaidChunks.sort();
  w.mermaidPrefetched.sort();
  return w;
}
