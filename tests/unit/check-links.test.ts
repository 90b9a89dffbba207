/**
 * The link checker (scripts/lib/link-check.ts) against local fixture servers
 * only: classification, redirect chains, retries, per-host politeness, the
 * overall concurrency limit, and the reports. No real host is ever contacted.
 */
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {
  checkLinks,
  diffReports,
  findPreviousReport,
  hasChanges,
  isFailure,
  parseRetryAfter,
  renderMarkdown,
  writeReports,
  type CheckOptions,
  type LinkReport,
  type LinkResult,
} from '../../scripts/lib/link-check';
import {catalogueTargets} from '../../scripts/lib/link-targets';
import {references} from '../../src/data/references';
import {redirect, refusedPort, slow, startFixtureServer, status, type FixtureServer, type RequestRecord} from '../helpers/fixture-server';

const DELAY = 60;
// Generous, so that a request on a loaded machine is never mistaken for one that hangs.
const TIMEOUT = 1500;
// How much later the server may see a request arrive than the client started it (connection set-up).
const SETUP_SLACK = 100;
const NOW = new Date('2025-03-14T09:30:00Z');

/** Asserts one host's requests never overlap and start at least `delay` ms apart. */
function assertPolite(requests: RequestRecord[], delay: number, timeout: number): void {
  const sorted = [...requests].sort((a, b) => a.arrived - b.arrived);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    const label = `${prev.method} ${prev.path} then ${next.method} ${next.path}`;
    assert.ok(prev.ended !== undefined, `${label}: the first never ended`);
    assert.ok(next.arrived - prev.arrived >= delay, `${label}: only ${(next.arrived - prev.arrived).toFixed(1)} ms apart`);
    if (prev.answered) {
      assert.ok(
        next.arrived >= prev.ended,
        `${label}: overlap (next arrived ${(prev.ended - next.arrived).toFixed(1)} ms before the previous ended)`,
      );
      assert.ok(next.arrived - prev.ended >= delay, `${label}: only ${(next.arrived - prev.ended).toFixed(1)} ms after the previous ended`);
    } else {
      // The client gave up on an unanswered request: the server learns of the close
      // only when its event loop gets to it, which a loaded machine delays, so the
      // client's own timeout is the measure of "one at a time".
      assert.ok(
        next.arrived - prev.arrived >= timeout + delay - SETUP_SLACK,
        `${label}: the next began ${(next.arrived - prev.arrived).toFixed(1)} ms after an unanswered request`,
      );
    }
  }
}

describe('checkLinks against a fixture server', () => {
  let server: FixtureServer;
  let report: LinkReport;
  let refused: string;
  const result = (id: string): LinkResult => {
    const r = report.results.find((x) => x.id === id);
    assert.ok(r, `no result for ${id}`);
    return r;
  };
  const hitsTo = (p: string) => server.requests.filter((r) => r.path === p);

  before(async () => {
    server = await startFixtureServer({
      '/ok': status(200),
      '/chain/1': redirect(301, '/chain/2'), // relative Location
      '/chain/2': (req, res) => redirect(302, `http://${req.headers.host}/chain/end`)(req, res, 0), // absolute
      '/chain/end': status(200),
      '/moved': redirect(308, '/ok'),
      '/not-found': status(404),
      '/error': status(500),
      '/flaky': (req, res, hits) => status(hits === 0 ? 503 : 200)(req, res, hits),
      '/limited': status(429, {'Retry-After': '1'}),
      '/limited-then-ok': (req, res, hits) => status(hits === 0 ? 429 : 200, hits === 0 ? {'Retry-After': '1'} : {})(req, res, hits),
      '/hang': () => {
        /* never answers; close() drops the socket */
      },
      '/get-only': (req, res, hits) => status(req.method === 'HEAD' ? 405 : 200)(req, res, hits),
      '/loop': redirect(302, '/loop'),
    });
    refused = `http://127.0.0.1:${await refusedPort()}/`;
    const targets = [
      {id: 'ok', url: server.url('/ok')},
      {id: 'chain', url: server.url('/chain/1')},
      {id: 'moved', url: server.url('/moved')},
      {id: 'not-found', url: server.url('/not-found')},
      {id: 'error', url: server.url('/error')},
      {id: 'flaky', url: server.url('/flaky')},
      {id: 'limited', url: server.url('/limited')},
      {id: 'limited-then-ok', url: server.url('/limited-then-ok')},
      {id: 'hang', url: server.url('/hang')},
      {id: 'get-only', url: server.url('/get-only')},
      {id: 'loop', url: server.url('/loop')},
      {id: 'refused', url: refused},
      {id: 'malformed', url: 'ht!tp://nope'},
      {id: 'gone', url: server.url('/not-found?gone'), expectUnreachable: true},
    ];
    const options: CheckOptions = {
      concurrency: 4,
      perHostDelayMs: DELAY,
      timeoutMs: TIMEOUT,
      retries: 1,
      retryDelayMs: 20,
      maxRetryAfterMs: 2_000,
      maxRedirects: 3,
      now: () => NOW,
    };
    report = await checkLinks(targets, options);
  });

  after(() => server.close());

  test('classifies every kind of result', () => {
    const expected: Record<string, string> = {
      ok: 'ok',
      chain: 'redirected',
      moved: 'redirected',
      'not-found': 'broken',
      error: 'broken',
      flaky: 'ok',
      limited: 'rate-limited',
      'limited-then-ok': 'ok',
      hang: 'timeout',
      'get-only': 'ok',
      loop: 'broken',
      refused: 'broken',
      malformed: 'invalid',
      gone: 'broken',
    };
    assert.deepEqual(Object.fromEntries(report.results.map((r) => [r.id, r.classification])), expected);
    assert.deepEqual(report.counts, {ok: 4, redirected: 2, broken: 5, timeout: 1, 'rate-limited': 1, invalid: 1});
    assert.equal(report.date, '2025-03-14');
    assert.equal(report.generatedAt, NOW.toISOString());
  });

  test('reports the whole redirect chain, its final URL and whether it is permanent', () => {
    const chain = result('chain');
    assert.deepEqual(
      chain.chain.map((h) => h.status),
      [301, 302, 200],
    );
    assert.deepEqual(
      chain.chain.map((h) => h.location),
      ['/chain/2', server.url('/chain/end'), undefined],
    );
    assert.deepEqual(
      chain.chain.map((h) => h.url),
      [server.url('/chain/1'), server.url('/chain/2'), server.url('/chain/end')],
    );
    assert.equal(chain.finalUrl, server.url('/chain/end'));
    assert.equal(chain.permanent, false, 'a 302 in the chain makes it temporary');
    const moved = result('moved');
    assert.deepEqual(
      moved.chain.map((h) => h.status),
      [308, 200],
    );
    assert.equal(moved.finalUrl, server.url('/ok'));
    assert.equal(moved.permanent, true);
    assert.equal(result('ok').chain.length, 1);
    assert.equal(result('ok').permanent, undefined);
    const loop = result('loop');
    assert.match(loop.reason ?? '', /more than 3 redirects/);
    assert.equal(hitsTo('/loop').length, 4, 'the first request and 3 redirects, no more');
  });

  test('4xx is broken at once; 5xx is retried once, then broken', () => {
    assert.equal(result('not-found').status, 404);
    assert.equal(result('not-found').reason, 'HTTP 404');
    assert.equal(hitsTo('/not-found').length, 2, 'one for not-found, one for gone: no retry');
    assert.equal(result('error').status, 500);
    assert.equal(result('error').attempts, 2);
    assert.equal(hitsTo('/error').length, 2);
    assert.equal(result('flaky').attempts, 2, 'a 503 then 200 is ok after the retry');
  });

  test('429 honours Retry-After once, then reports rate-limited rather than broken', () => {
    const limited = result('limited');
    assert.equal(limited.attempts, 2);
    assert.equal(limited.retryAfterMs, 1000);
    assert.match(limited.reason ?? '', /try later/);
    assert.equal(isFailure(limited), false);
    const hits = hitsTo('/limited');
    assert.equal(hits.length, 2);
    assert.ok(hits[1]!.arrived - hits[0]!.ended! >= 1000, 'the retry waited for Retry-After');
    assert.equal(result('limited-then-ok').attempts, 2);
    assert.equal(hitsTo('/limited-then-ok').length, 2);
  });

  test('a request that hangs times out (HEAD, then GET), and the run goes on', () => {
    const hang = result('hang');
    assert.match(hang.reason ?? '', new RegExp(`${TIMEOUT} ms`));
    assert.deepEqual(
      hitsTo('/hang').map((r) => r.method),
      ['HEAD', 'GET'],
    );
    assert.ok(hang.durationMs >= 2 * TIMEOUT, `took ${hang.durationMs} ms`);
    for (const r of hitsTo('/hang')) {
      const held = r.ended! - r.arrived;
      assert.ok(held >= TIMEOUT - SETUP_SLACK && held < TIMEOUT + 1000, `${r.method} held for ${held.toFixed(0)} ms`);
    }
  });

  test('HEAD 405 falls back to GET', () => {
    const r = result('get-only');
    assert.deepEqual(
      hitsTo('/get-only').map((x) => x.method),
      ['HEAD', 'GET'],
    );
    assert.deepEqual(r.chain, [{url: server.url('/get-only'), method: 'GET', status: 200, fallback: 'HEAD 405'}]);
    assert.deepEqual(
      hitsTo('/ok').map((x) => x.method),
      ['HEAD', 'HEAD'],
      'HEAD alone where it works (ok, and the end of moved)',
    );
  });

  test('a refused connection is broken; a malformed URL is invalid and never requested', () => {
    const r = result('refused');
    assert.equal(r.errorCode, 'ECONNREFUSED');
    assert.match(r.reason ?? '', /connection refused/);
    assert.equal(r.chain.length, 0);
    const m = result('malformed');
    assert.equal(m.attempts, 0);
    assert.ok(server.requests.every((x) => !x.path.includes('nope')));
  });

  test('an address the catalogue marks unreachable is reported but does not count as a failure', () => {
    assert.equal(result('gone').expectUnreachable, true);
    assert.equal(isFailure(result('gone')), false);
    assert.deepEqual(
      report.results.filter(isFailure).map((r) => r.id),
      ['not-found', 'error', 'loop', 'refused', 'malformed'],
    );
  });

  test('sends a User-Agent naming the guide', () => {
    assert.ok(server.requests.length > 0);
    for (const r of server.requests) assert.match(r.userAgent ?? '', /ContainerNetworkingGuide/);
  });

  test('per-host politeness: one request at a time, at least the delay apart', () => {
    assert.ok(server.requests.length >= 20, `${server.requests.length} requests`);
    assertPolite(server.requests, DELAY, TIMEOUT);
  });

  test('the Markdown report names broken links, timeouts, rate limits and redirects', () => {
    const md = renderMarkdown(report);
    assert.match(md, /^# Link check, 2025-03-14$/m);
    assert.match(md, /\| broken \| 5 \|/);
    const sectionOf = (title: string) => md.split(/^## /m).find((s) => s.startsWith(title)) ?? '';
    const broken = sectionOf('Broken');
    for (const id of ['not-found', 'error', 'loop', 'refused', 'malformed'])
      assert.ok(broken.includes(`**${id}**`), `${id} missing from Broken`);
    assert.ok(broken.includes(server.url('/not-found')));
    assert.match(broken, /HTTP 404/);
    assert.match(broken, /invalid URL/);
    assert.ok(!broken.includes('**gone**'), 'catalogued-unreachable addresses are listed apart');
    assert.match(sectionOf('Catalogued as unreachable'), /\*\*gone\*\*/);
    assert.match(sectionOf('Timeouts'), /\*\*hang\*\*/);
    assert.match(sectionOf('Rate-limited'), /\*\*limited\*\*.*try later/);
    const redirects = sectionOf('Redirects');
    assert.ok(redirects.includes(`\`${server.url('/chain/1')}\` → \`${server.url('/chain/end')}\``));
    assert.match(redirects, /\*\*chain\*\*.*temporary \(301 → 302 → 200\)/);
    assert.match(redirects, /\*\*moved\*\*.*permanent/);
    assert.match(sectionOf('Changed since the last report'), /No earlier report/);
  });
});

describe('checkLinks across several hosts', () => {
  const servers: FixtureServer[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  before(async () => {
    const hooks = {
      onStart: () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
      },
      onEnd: () => inFlight--,
    };
    for (let i = 0; i < 3; i++) servers.push(await startFixtureServer({'/slow': slow(60)}, hooks));
  });

  after(() => Promise.all(servers.map((s) => s.close())));

  test('never exceeds the overall concurrency limit, and uses it', async () => {
    const targets = servers.flatMap((s, i) => [0, 1, 2, 3].map((n) => ({id: `h${i}-${n}`, url: `${s.url('/slow')}?n=${n}`})));
    const report = await checkLinks(targets, {concurrency: 2, perHostDelayMs: 20, timeoutMs: 1000});
    assert.equal(report.counts.ok, 12);
    assert.equal(inFlight, 0);
    assert.ok(maxInFlight <= 2, `${maxInFlight} requests in flight at once`);
    assert.equal(maxInFlight, 2, 'requests to different hosts run in parallel');
    for (const s of servers) {
      assert.equal(s.requests.length, 4);
      assertPolite(s.requests, 20, 1000);
    }
  });
});

describe('report comparison and files', () => {
  const res = (id: string, classification: LinkResult['classification'], extra: Partial<LinkResult> = {}): LinkResult => ({
    id,
    url: `https://example.test/${id}`,
    classification,
    chain: [],
    attempts: 1,
    durationMs: 1,
    ...(classification === 'broken' && {reason: 'HTTP 404', status: 404}),
    ...extra,
  });
  const reportOf = (date: string, results: LinkResult[]): LinkReport => ({
    version: 1,
    generatedAt: `${date}T00:00:00.000Z`,
    date,
    options: {concurrency: 8, perHostDelayMs: 500, timeoutMs: 10000, retries: 1},
    counts: {
      ok: 0,
      redirected: 0,
      broken: 0,
      timeout: 0,
      'rate-limited': 0,
      invalid: 0,
      ...Object.fromEntries(
        ['ok', 'redirected', 'broken', 'timeout', 'rate-limited', 'invalid'].map((c) => [
          c,
          results.filter((r) => r.classification === c).length,
        ]),
      ),
    },
    results,
  });
  const previous = reportOf('2025-03-01', [
    res('stays-ok', 'ok'),
    res('breaks', 'ok'),
    res('gets-fixed', 'broken'),
    res('stays-broken', 'broken'),
    res('moves', 'redirected', {finalUrl: 'https://example.test/old-home'}),
    res('starts-redirecting', 'ok'),
    res('times-out', 'broken'),
  ]);
  const current = reportOf('2025-03-14', [
    res('stays-ok', 'ok'),
    res('breaks', 'broken'),
    res('gets-fixed', 'ok'),
    res('stays-broken', 'broken'),
    res('moves', 'redirected', {finalUrl: 'https://example.test/new-home'}),
    res('starts-redirecting', 'redirected', {finalUrl: 'https://example.test/elsewhere'}),
    res('times-out', 'timeout'),
    res('new-entry', 'invalid'),
  ]);

  test('diffReports finds newly broken, fixed and changed redirect targets', () => {
    const d = diffReports(previous, current);
    assert.equal(d.previousDate, '2025-03-01');
    assert.deepEqual(
      d.newlyBroken.map((x) => [x.id, x.before]),
      [
        ['breaks', 'ok'],
        ['new-entry', undefined],
      ],
    );
    assert.deepEqual(
      d.fixed.map((x) => [x.id, x.before, x.now.classification]),
      [['gets-fixed', 'broken', 'ok']],
    );
    assert.deepEqual(d.redirectChanged, [
      {id: 'moves', url: 'https://example.test/moves', before: 'https://example.test/old-home', after: 'https://example.test/new-home'},
      {id: 'starts-redirecting', url: 'https://example.test/starts-redirecting', after: 'https://example.test/elsewhere'},
    ]);
  });

  test('the Markdown report has a "Changed since the last report" section', () => {
    const md = renderMarkdown(current, previous);
    const changed = md.slice(md.indexOf('## Changed since the last report'));
    assert.match(changed, /Compared with the report of 2025-03-01/);
    assert.match(
      changed,
      /### Newly broken \(2\)\n\n- \*\*breaks\*\*.*HTTP 404 \(before: ok\)\n- \*\*new-entry\*\*.*\(before: not checked\)/,
    );
    assert.match(changed, /### Fixed \(1\)\n\n- \*\*gets-fixed\*\*.*now ok \(before: broken\)/);
    assert.match(changed, /### Redirect target changed \(2\)\n\n- \*\*moves\*\*.*old-home.*→.*new-home/);
    assert.doesNotMatch(changed, /stays-broken|stays-ok|times-out/);
  });

  test('writeReports writes dated JSON and Markdown, comparing with the newest earlier report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'link-reports-'));
    try {
      writeFileSync(path.join(dir, '2025-02-01.json'), JSON.stringify(reportOf('2025-02-01', [res('breaks', 'broken')])));
      writeFileSync(path.join(dir, '2025-03-01.json'), JSON.stringify(previous));
      writeFileSync(path.join(dir, '2025-04-01.json'), JSON.stringify(reportOf('2025-04-01', [])));
      writeFileSync(path.join(dir, 'notes.json'), '{}');
      assert.equal(findPreviousReport(dir, '2025-03-14'), path.join(dir, '2025-03-01.json'));
      assert.equal(findPreviousReport(dir, '2025-01-01'), undefined);
      const written = writeReports(dir, current);
      assert.equal(written.previous, path.join(dir, '2025-03-01.json'));
      assert.ok(existsSync(path.join(dir, '2025-03-14.md')));
      assert.deepEqual(JSON.parse(readFileSync(written.json, 'utf8')), current);
      assert.match(readFileSync(written.markdown, 'utf8'), /### Newly broken \(2\)/);
      assert.equal(written.changed, true);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('hasChanges: news against the previous report, or any failure on a first run', () => {
    assert.equal(hasChanges(current, previous), true);
    assert.equal(hasChanges(previous, previous), false, 'the same results twice are no news, even with links still broken');
    assert.equal(hasChanges(reportOf('2025-03-14', [res('a', 'ok'), res('b', 'timeout')])), false);
    assert.equal(hasChanges(reportOf('2025-03-14', [res('a', 'ok'), res('b', 'broken')])), true);
  });

  test('the catalogue targets include every evidence address, each once', () => {
    const targets = catalogueTargets(references);
    const urls = targets.map((t) => t.url);
    assert.equal(new Set(urls).size, urls.length, 'an address is checked twice');
    const missing = references.flatMap((r) =>
      [r.url, ...r.status.evidence.urls].filter((u) => !urls.includes(u)).map((u) => `${r.id}: ${u}`),
    );
    assert.deepEqual(missing, []);
    const unreachable = references.find((r) => r.status.state === 'unreachable');
    if (unreachable) assert.ok(targets.some((t) => t.url === unreachable.url && t.expectUnreachable));
  });

  test('parseRetryAfter reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(Date.UTC(2025, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2025, 0, 1)), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });
});
