/**
 * The maintainers' link checker: requests every address politely (bounded
 * overall concurrency, one request at a time per host with a pause between
 * them), follows redirects by hand so the whole chain can be reported,
 * classifies each result, and renders and compares dated reports.
 *
 * Everything that touches the network goes through `options.fetch`, and every
 * limit is an option, so the tests run it against local servers in seconds.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';

export interface LinkTarget {
  id: string;
  url: string;
  /**
   * The catalogue already says this address is gone (state "unreachable"):
   * a broken result is expected, reported apart and does not fail the run.
   */
  expectUnreachable?: boolean;
}

export type Classification = 'ok' | 'redirected' | 'broken' | 'timeout' | 'rate-limited' | 'invalid';
export const CLASSIFICATIONS: readonly Classification[] = ['ok', 'redirected', 'broken', 'timeout', 'rate-limited', 'invalid'];

/** One response in a redirect chain. */
export interface Hop {
  url: string;
  method: 'HEAD' | 'GET';
  status: number;
  /** The Location header of a 3xx response, as sent. */
  location?: string;
  /** Why GET was used instead of HEAD, e.g. "HEAD 405" or "HEAD failed: ECONNRESET". */
  fallback?: string;
}

export interface LinkResult {
  id: string;
  url: string;
  classification: Classification;
  expectUnreachable?: true;
  /** Status of the last response received, if any. */
  status?: number;
  /** The last address requested (the redirect target for "redirected"). */
  finalUrl?: string;
  /** For "redirected": every redirect in the chain was 301 or 308. */
  permanent?: boolean;
  /** The responses of the last attempt, in order, the final one included. */
  chain: Hop[];
  /** How many times the chain was requested from the start (2 after a retry). */
  attempts: number;
  /** A short human explanation: "HTTP 404", "connection refused (ECONNREFUSED)", … */
  reason?: string;
  /** Error code of a network failure (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, …). */
  errorCode?: string;
  /** For "rate-limited": the last Retry-After the server asked for, in ms. */
  retryAfterMs?: number;
  durationMs: number;
}

export interface LinkReport {
  version: 1;
  /** ISO timestamp of the run. */
  generatedAt: string;
  /** YYYY-MM-DD (UTC): names the report files. */
  date: string;
  options: {concurrency: number; perHostDelayMs: number; timeoutMs: number; retries: number};
  counts: Record<Classification, number>;
  results: LinkResult[];
}

export interface CheckOptions {
  /** Most requests in flight at once, over all hosts. Default 8. */
  concurrency?: number;
  /** Least time between the end of one request to a host and the start of the next. Default 500. */
  perHostDelayMs?: number;
  /** Per request (one hop). Default 10 000. */
  timeoutMs?: number;
  /** Further attempts after a 5xx or a 429. Default 1. */
  retries?: number;
  /** Wait before retrying a 5xx, and a 429 without Retry-After. Default 1 000. */
  retryDelayMs?: number;
  /** Cap on how long a Retry-After is honoured. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Default 10. */
  maxRedirects?: number;
  userAgent?: string;
  /** Dates the report. Default `() => new Date()`. */
  now?: () => Date;
  /** Default the global fetch. */
  fetch?: typeof fetch;
  /** Called as each result is known (progress output). */
  onResult?: (result: LinkResult, done: number, total: number) => void;
}

export const DEFAULT_USER_AGENT =
  "ContainerNetworkingGuide-LinkChecker/1.0 (maintainers' reference check of the Container Networking Guide; one request at a time per host)";

const DEFAULTS = {
  concurrency: 8,
  perHostDelayMs: 500,
  timeoutMs: 10_000,
  retries: 1,
  retryDelayMs: 1_000,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A counting semaphore with a FIFO queue. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // the slot passes straight to the next waiter
    else this.active--;
  }
}

/**
 * Runs every request: one at a time per host (host = hostname:port), at least
 * `delayMs` after the previous one to that host ended, and at most `limit` in
 * flight overall. The host turn is taken before the global slot, so a request
 * waiting for its host's pause never holds a slot another host could use.
 */
class Scheduler {
  private readonly slots: Semaphore;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();
  constructor(
    limit: number,
    private readonly delayMs: number,
  ) {
    this.slots = new Semaphore(limit);
  }
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(
      host,
      previous.then(() => mine),
    );
    await previous;
    try {
      const last = this.lastEnd.get(host);
      if (last !== undefined) {
        // A timer may fire a hair early: loop until the pause has truly passed.
        for (let wait = last + this.delayMs - performance.now(); wait > 0; wait = last + this.delayMs - performance.now()) {
          await sleep(Math.ceil(wait));
        }
      }
      await this.slots.acquire();
      try {
        return await fn();
      } finally {
        this.slots.release();
      }
    } finally {
      this.lastEnd.set(host, performance.now());
      release();
    }
  }
}

type Outcome =
  | {kind: 'response'; status: number; headers: Headers}
  | {kind: 'timeout'}
  | {kind: 'error'; code?: string; category: 'dns' | 'refused' | 'tls' | 'network'; message: string};

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

function errorCode(err: unknown): string | undefined {
  // fetch wraps the socket error: TypeError("fetch failed") → cause (→ AggregateError.errors).
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as {code?: unknown}).code;
    if (typeof code === 'string') return code;
    const inner = (e as {errors?: unknown[]}).errors;
    if (Array.isArray(inner) && inner.length) {
      const c = errorCode(inner[0]);
      if (c) return c;
    }
    e = (e as {cause?: unknown}).cause;
  }
  return undefined;
}

function describeError(err: unknown): Extract<Outcome, {kind: 'error'}> {
  const code = errorCode(err);
  const cause = (err as {cause?: unknown})?.cause;
  const message = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
  if (code && DNS_CODES.has(code)) return {kind: 'error', code, category: 'dns', message};
  if (code === 'ECONNREFUSED') return {kind: 'error', code, category: 'refused', message};
  if (code && /CERT|SSL|TLS|UNABLE_TO_|SELF_SIGNED|HOSTNAME_MISMATCH/i.test(code)) return {kind: 'error', code, category: 'tls', message};
  return {kind: 'error', ...(code !== undefined && {code}), category: 'network', message};
}

function errorReason(o: Extract<Outcome, {kind: 'error'}>): string {
  const what = {dns: 'DNS lookup failed', refused: 'connection refused', tls: 'TLS error', network: 'network error'}[o.category];
  return `${what} (${o.code ?? o.message})`;
}

/** Milliseconds from a Retry-After header (delta-seconds or HTTP date), if it parses. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The UTC date of a moment, YYYY-MM-DD. */
export const reportDate = (d: Date): string => d.toISOString().slice(0, 10);

export async function checkLinks(targets: LinkTarget[], options: CheckOptions = {}): Promise<LinkReport> {
  const opts = {...DEFAULTS, ...definedOnly(options)};
  const doFetch = options.fetch ?? globalThis.fetch;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const now = options.now ?? (() => new Date());
  const started = now();
  const scheduler = new Scheduler(Math.max(1, opts.concurrency), opts.perHostDelayMs);

  /** One request, through the scheduler, with its own timeout; the body is never read. */
  const request = (url: URL, method: 'HEAD' | 'GET'): Promise<Outcome> =>
    scheduler.run(url.host, async () => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, opts.timeoutMs);
      try {
        const res = await doFetch(url, {
          method,
          redirect: 'manual',
          signal: controller.signal,
          headers: {'User-Agent': userAgent, Accept: '*/*'},
        });
        // Free the connection without downloading the page.
        await res.body?.cancel().catch(() => undefined);
        return {kind: 'response', status: res.status, headers: res.headers};
      } catch (err) {
        if (timedOut) return {kind: 'timeout'};
        return describeError(err);
      } finally {
        clearTimeout(timer);
      }
    });

  /** HEAD, then GET when HEAD is refused (405/501) or fails short of DNS, refusal or TLS. */
  const requestHop = async (url: URL): Promise<{outcome: Outcome; method: 'HEAD' | 'GET'; fallback?: string}> => {
    const head = await request(url, 'HEAD');
    let fallback: string | undefined;
    if (head.kind === 'response' && (head.status === 405 || head.status === 501)) fallback = `HEAD ${head.status}`;
    else if (head.kind === 'timeout') fallback = 'HEAD timed out';
    else if (head.kind === 'error' && head.category === 'network') fallback = `HEAD failed: ${head.code ?? head.message}`;
    if (fallback === undefined) return {outcome: head, method: 'HEAD'};
    return {outcome: await request(url, 'GET'), method: 'GET', fallback};
  };

  type Attempt = {chain: Hop[]; finalUrl: string; end: Outcome | {kind: 'redirect-error'; reason: string}};

  const followChain = async (start: URL): Promise<Attempt> => {
    const chain: Hop[] = [];
    let current = start;
    for (let hops = 0; ; hops++) {
      const {outcome, method, fallback} = await requestHop(current);
      if (outcome.kind !== 'response') return {chain, finalUrl: current.href, end: outcome};
      const location = outcome.headers.get('location') ?? undefined;
      chain.push({
        url: current.href,
        method,
        status: outcome.status,
        ...(location !== undefined && outcome.status >= 300 && outcome.status < 400 && {location}),
        ...(fallback !== undefined && {fallback}),
      });
      const isRedirect = [301, 302, 303, 307, 308].includes(outcome.status);
      if (!isRedirect) return {chain, finalUrl: current.href, end: outcome};
      if (location === undefined)
        return {chain, finalUrl: current.href, end: {kind: 'redirect-error', reason: `HTTP ${outcome.status} without a Location`}};
      if (hops + 1 > opts.maxRedirects)
        return {chain, finalUrl: current.href, end: {kind: 'redirect-error', reason: `more than ${opts.maxRedirects} redirects`}};
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return {chain, finalUrl: current.href, end: {kind: 'redirect-error', reason: `redirect to an invalid address: ${location}`}};
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return {chain, finalUrl: current.href, end: {kind: 'redirect-error', reason: `redirect to a non-HTTP address: ${location}`}};
      }
      current = next;
    }
  };

  const checkOne = async (target: LinkTarget): Promise<LinkResult> => {
    const t0 = performance.now();
    const base = {id: target.id, url: target.url, ...(target.expectUnreachable && {expectUnreachable: true as const})};
    const done = (r: Omit<LinkResult, 'id' | 'url' | 'durationMs'>): LinkResult => ({
      ...base,
      ...r,
      durationMs: Math.round(performance.now() - t0),
    });

    let start: URL;
    try {
      start = new URL(target.url);
      if (start.protocol !== 'http:' && start.protocol !== 'https:') throw new Error('not http(s)');
      if (!start.hostname) throw new Error('no host');
    } catch {
      return done({classification: 'invalid', chain: [], attempts: 0, reason: 'malformed URL, not requested'});
    }

    let retriesLeft = opts.retries;
    for (let attempts = 1; ; attempts++) {
      const {chain, finalUrl, end} = await followChain(start);
      const last = chain[chain.length - 1];
      const common = {chain, attempts, finalUrl, ...(last && {status: last.status})};
      if (end.kind === 'timeout') return done({...common, classification: 'timeout', reason: `no response within ${opts.timeoutMs} ms`});
      if (end.kind === 'error')
        return done({...common, classification: 'broken', reason: errorReason(end), ...(end.code !== undefined && {errorCode: end.code})});
      if (end.kind === 'redirect-error') return done({...common, classification: 'broken', reason: end.reason});

      const {status} = end;
      if (status >= 200 && status < 300) {
        const redirects = chain.slice(0, -1);
        if (redirects.length === 0) return done({...common, classification: 'ok'});
        return done({...common, classification: 'redirected', permanent: redirects.every((h) => h.status === 301 || h.status === 308)});
      }
      if (status === 429) {
        const retryAfterMs = parseRetryAfter(end.headers.get('retry-after'));
        if (retriesLeft-- > 0) {
          await sleep(Math.min(retryAfterMs ?? opts.retryDelayMs, opts.maxRetryAfterMs));
          continue;
        }
        return done({
          ...common,
          classification: 'rate-limited',
          reason: 'HTTP 429 Too Many Requests: try later',
          ...(retryAfterMs !== undefined && {retryAfterMs}),
        });
      }
      if (status >= 500 && retriesLeft-- > 0) {
        await sleep(opts.retryDelayMs);
        continue;
      }
      return done({...common, classification: 'broken', reason: `HTTP ${status}`});
    }
  };

  let finished = 0;
  const results = await Promise.all(
    targets.map(async (t) => {
      const r = await checkOne(t);
      options.onResult?.(r, ++finished, targets.length);
      return r;
    }),
  );
  return {
    version: 1,
    generatedAt: started.toISOString(),
    date: reportDate(started),
    options: {concurrency: opts.concurrency, perHostDelayMs: opts.perHostDelayMs, timeoutMs: opts.timeoutMs, retries: opts.retries},
    counts: countResults(results),
    results,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function countResults(results: LinkResult[]): Record<Classification, number> {
  const counts = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, 0])) as Record<Classification, number>;
  for (const r of results) counts[r.classification]++;
  return counts;
}

/** Broken or invalid, and not an address the catalogue already lists as unreachable. */
export const isFailure = (r: LinkResult): boolean =>
  (r.classification === 'broken' || r.classification === 'invalid') && !r.expectUnreachable;
const isHealthy = (r: LinkResult): boolean => r.classification === 'ok' || r.classification === 'redirected';

export interface ReportDiff {
  previousDate: string;
  /** Failing now, and not failing (or not checked) in the previous report. */
  newlyBroken: {id: string; url: string; before?: Classification; now: LinkResult}[];
  /** Failing in the previous report, ok or redirected now. */
  fixed: {id: string; url: string; before: Classification; now: LinkResult}[];
  /** Reachable both times, but redirecting somewhere else (or newly, or no longer, redirecting). */
  redirectChanged: {id: string; url: string; before?: string; after?: string}[];
}

export function diffReports(previous: LinkReport, current: LinkReport): ReportDiff {
  const before = new Map(previous.results.map((r) => [r.id, r]));
  const diff: ReportDiff = {previousDate: previous.date, newlyBroken: [], fixed: [], redirectChanged: []};
  for (const now of current.results) {
    const old = before.get(now.id);
    if (isFailure(now) && !(old && isFailure(old))) {
      diff.newlyBroken.push({id: now.id, url: now.url, ...(old && {before: old.classification}), now});
    } else if (old && isFailure(old) && isHealthy(now)) {
      diff.fixed.push({id: now.id, url: now.url, before: old.classification, now});
    } else if (old && isHealthy(old) && isHealthy(now)) {
      const target = (r: LinkResult) => (r.classification === 'redirected' ? r.finalUrl : undefined);
      const [a, b] = [target(old), target(now)];
      if (a !== b)
        diff.redirectChanged.push({id: now.id, url: now.url, ...(a !== undefined && {before: a}), ...(b !== undefined && {after: b})});
    }
  }
  return diff;
}

const code = (s: string) => `\`${s.replace(/`/g, '%60')}\``;
const chainText = (r: LinkResult) => r.chain.map((h) => `${h.fallback ? `${h.method} ` : ''}${h.status}`).join(' → ');

function section(title: string, items: string[]): string[] {
  return [`## ${title} (${items.length})`, '', ...(items.length ? items : ['None.']), ''];
}

export function renderMarkdown(report: LinkReport, previous?: LinkReport): string {
  const {results, counts, options: o} = report;
  const by = (c: Classification) => results.filter((r) => r.classification === c);
  const failing = results.filter(isFailure);
  const lines: string[] = [
    `# Link check, ${report.date}`,
    '',
    `${results.length} addresses checked at ${report.generatedAt} (concurrency ${o.concurrency}, ` +
      `${o.perHostDelayMs} ms between requests to a host, timeout ${o.timeoutMs} ms, ${o.retries} ${o.retries === 1 ? 'retry' : 'retries'} on 5xx/429).`,
    '',
    '| Result | Count |',
    '| --- | ---: |',
    ...CLASSIFICATIONS.map((c) => `| ${c} | ${counts[c]} |`),
    '',
  ];

  lines.push(
    ...section(
      'Broken',
      failing.map((r) => {
        const via = r.chain.length > 1 ? ` (chain ${chainText(r)}, last ${code(r.finalUrl ?? r.url)})` : '';
        return `- **${r.id}**: ${code(r.url)}: ${r.classification === 'invalid' ? 'invalid URL, never requested' : r.reason}${via}`;
      }),
    ),
    ...section(
      'Timeouts',
      by('timeout').map((r) => `- **${r.id}**: ${code(r.url)}: ${r.reason}`),
    ),
    ...section(
      'Rate-limited',
      by('rate-limited').map(
        (r) =>
          `- **${r.id}**: ${code(r.url)}: HTTP 429, try later${r.retryAfterMs !== undefined ? ` (Retry-After ${Math.round(r.retryAfterMs / 1000)} s)` : ''}`,
      ),
    ),
    ...section(
      'Redirects',
      by('redirected').map(
        (r) =>
          `- **${r.id}**: ${code(r.url)} → ${code(r.finalUrl ?? '')}: ` +
          `${r.permanent ? 'permanent (301/308): update the catalogue' : 'temporary'} (${chainText(r)})`,
      ),
    ),
  );

  const known = results.filter((r) => r.expectUnreachable);
  if (known.length) {
    lines.push(
      ...section(
        'Catalogued as unreachable',
        known.map(
          (r) => `- **${r.id}**: ${code(r.url)}: ${r.classification}${isHealthy(r) ? ': it answers again, review its status' : ''}`,
        ),
      ),
    );
  }

  lines.push('## Changed since the last report', '');
  if (!previous) {
    lines.push('No earlier report to compare with.', '');
  } else {
    const d = diffReports(previous, report);
    lines.push(`Compared with the report of ${d.previousDate}.`, '');
    const sub = (title: string, items: string[]) =>
      lines.push(`### ${title} (${items.length})`, '', ...(items.length ? items : ['None.']), '');
    sub(
      'Newly broken',
      d.newlyBroken.map(
        (x) => `- **${x.id}**: ${code(x.url)}: ${x.now.reason ?? x.now.classification} (before: ${x.before ?? 'not checked'})`,
      ),
    );
    sub(
      'Fixed',
      d.fixed.map((x) => `- **${x.id}**: ${code(x.url)}: now ${x.now.classification} (before: ${x.before})`),
    );
    sub(
      'Redirect target changed',
      d.redirectChanged.map(
        (x) => `- **${x.id}**: ${code(x.url)}: ${x.before ? code(x.before) : 'no redirect'} → ${x.after ? code(x.after) : 'no redirect'}`,
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A short plain-text summary for the terminal. */
export function summaryText(report: LinkReport): string {
  const counts = CLASSIFICATIONS.map((c) => `${c} ${report.counts[c]}`).join(', ');
  const failing = report.results.filter(isFailure);
  return [
    `${report.results.length} addresses: ${counts}`,
    ...failing.map((r) => `  ✖ ${r.id}: ${r.url}: ${r.classification === 'invalid' ? 'invalid URL' : r.reason}`),
  ].join('\n');
}

const REPORT_NAME = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** The newest report in `dir` dated strictly before `date`, if any. */
export function findPreviousReport(dir: string, date: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const dates = readdirSync(dir)
    .map((name) => REPORT_NAME.exec(name)?.[1])
    .filter((d): d is string => d !== undefined && d < date)
    .sort();
  const newest = dates[dates.length - 1];
  return newest === undefined ? undefined : path.join(dir, `${newest}.json`);
}

export function readReport(file: string): LinkReport {
  const data = JSON.parse(readFileSync(file, 'utf8')) as LinkReport;
  if (data.version !== 1 || !Array.isArray(data.results)) throw new Error(`${file}: not a link report`);
  return data;
}

/**
 * Whether a run has news for the maintainers: against an earlier report,
 * anything newly broken, fixed or redirecting elsewhere; with none, any failure.
 */
export function hasChanges(current: LinkReport, previous?: LinkReport): boolean {
  if (!previous) return current.results.some(isFailure);
  const d = diffReports(previous, current);
  return d.newlyBroken.length + d.fixed.length + d.redirectChanged.length > 0;
}

/** Writes DIR/DATE.json and DIR/DATE.md, comparing with the newest earlier report there. */
export function writeReports(dir: string, report: LinkReport): {json: string; markdown: string; previous?: string; changed: boolean} {
  mkdirSync(dir, {recursive: true});
  const previousFile = findPreviousReport(dir, report.date);
  const previous = previousFile ? readReport(previousFile) : undefined;
  const json = path.join(dir, `${report.date}.json`);
  const markdown = path.join(dir, `${report.date}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(report, previous));
  return {json, markdown, ...(previousFile && {previous: previousFile}), changed: hasChanges(report, previous)};
}
