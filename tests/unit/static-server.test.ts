/**
 * The server behind `npm start` and the browser tests (scripts/serve.ts), run
 * as its own process on a small fixture build: what it promises readers, and
 * that no request, however malformed, stops it or reaches a file outside the
 * build.
 */
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {buildBasePath} from '../../scripts/lib/static-server';

const ROOT = path.resolve(__dirname, '../..');
const SECRET = `cng-secret-${randomBytes(8).toString('hex')}`;
/** Text of files outside the build that a traversal would leak. */
const FORBIDDEN = [SECRET, 'root:x:0:0:'];
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Above compression's 1 KiB threshold, so compression is exercised.
const filler = (word: string) => `<p>${word} `.repeat(200);

/** A build as Docusaurus lays it out, made for `base`, with secrets beside it. */
function makeFixture(base: string): {dir: string; build: string} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cng-static-'));
  const build = path.join(dir, 'build');
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html><head><link rel=canonical href=https://example.org${base} /></head><body><h1>FIXTURE-HOME</h1>${filler('home')}</body></html>`,
    'docs/page.html': `<h1>FIXTURE-PAGE</h1>${filler('page')}`,
    'docs/dir/index.html': '<h1>FIXTURE-DIR-INDEX</h1>',
    '404.html': `<h1>Page Not Found</h1>${filler('missing')}`,
    'assets/x.js': `console.log("FIXTURE-ASSET");${'/* hashed */'.repeat(200)}`,
    'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    'zh-Hans/index.html': `<h1>FIXTURE-ZH-HOME</h1>${filler('首页')}`,
    'zh-Hans/404.html': `<h1>找不到页面</h1>${filler('缺失')}`,
    'zh-Hans/assets/y.js': 'console.log("FIXTURE-ZH-ASSET");',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(build, name)), {recursive: true});
    writeFileSync(path.join(build, name), text);
  }
  // Beside the build, where a prefix check on "…/build" or a stray "../" would reach.
  writeFileSync(path.join(dir, 'SECRET'), SECRET);
  writeFileSync(path.join(dir, 'SECRET.html'), SECRET);
  mkdirSync(path.join(dir, 'build-private'));
  writeFileSync(path.join(dir, 'build-private/secret.html'), SECRET);
  return {dir, build};
}

interface Served {
  child: ChildProcess;
  /** Home without trailing slash, base path included. */
  url: string;
  port: number;
  stderr: string[];
}

/** The environment with HOST removed, so the server's default address is what is tested. */
function withoutHost(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {HOST: _host, ...rest} = env;
  return rest;
}

/** Every server started, stopped after the suite even if it never said where it listens. */
const children: ChildProcess[] = [];

/** Runs scripts/serve.ts on `build` (PORT=0: a free port), as `npm run serve` would. */
function serve(build: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: ROOT,
    env: {...withoutHost(process.env), BUILD_DIR: build, PORT: '0'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const stderr: string[] = [];
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.ts did not start: ${stderr.join('')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`serve.ts exited (${code}): ${stderr.join('')}`)));
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/[^\s]+?)\/ \(English\)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({child, url: m[1], port: Number(new URL(m[1]).port), stderr});
      }
    });
  });
}

interface Reply {
  status: number | undefined;
  headers: Record<string, string>;
  /** Decoded: de-chunked and decompressed. */
  body: Buffer;
  raw: Buffer;
  error?: string;
}

function parseReply(raw: Buffer): Reply {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return {status: undefined, headers: {}, body: Buffer.alloc(0), raw};
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (let at = 0; ;) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (eol < 0 || !size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  const encoding = headers['content-encoding'];
  if (encoding === 'br') body = brotliDecompressSync(body);
  else if (encoding === 'gzip') body = gunzipSync(body);
  return {status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]) || undefined, headers, body, raw};
}

/** One request over a raw socket, so the path reaches the server byte for byte, unescaped and unchecked. */
function rawRequest(port: number, method: string, target: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const head = Object.entries({Host: `127.0.0.1:${port}`, Connection: 'close', ...headers})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const request = Buffer.concat([Buffer.from(`${method} `), Buffer.from(target), Buffer.from(` HTTP/1.1\r\n${head}\r\n`)]);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // Written, not ended: a half-closed socket may be dropped before the reply; Connection: close ends it.
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let error: string | undefined;
    socket.setTimeout(5000, () => {
      error = 'timeout';
      socket.destroy();
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      try {
        resolve({...parseReply(raw), ...(error && {error})});
      } catch (e) {
        resolve({status: undefined, headers: {}, body: Buffer.alloc(0), raw, error: `unreadable reply: ${(e as Error).message}`});
      }
    });
  });
}

/** A GET of a URL the server gave. */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  const {port, pathname, search} = new URL(url);
  return rawRequest(Number(port), 'GET', pathname + search, headers);
}

/** Request targets an attacker or a broken client might send: traversal in every spelling, broken escapes, NUL, huge and odd paths. */
function hostileTargets(prefix: string): Array<string | Buffer> {
  const dots = [
    '..',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%252e%252e',
    '%c0%ae%c0%ae',
    '%e0%80%ae%e0%80%ae',
    '%c0%2e%c0%2e',
    '..%00',
    '%2e%2e%00',
    '．．',
    '%uff0e%uff0e',
    '...',
  ];
  const seps = ['/', '%2f', '%2F', '\\', '%5c', '%5C', '%252f', '%c0%af', '%c1%9c', '//', '/./', '%00/'];
  const targets = ['SECRET', 'build-private/secret', 'etc/passwd'];
  const within = ['', '/zh-Hans', '/assets', '/docs/dir'];
  const out: Array<string | Buffer> = [];
  let i = 0;
  for (const dot of dots)
    for (const sep of seps)
      for (const depth of [1, 3, 8])
        for (const target of targets)
          out.push(`${prefix}${within[i++ % within.length]}/${`${dot}${sep}`.repeat(depth)}${target.replaceAll('/', sep)}`);

  const broken = [
    '%E0%A4%A',
    '%',
    '%%',
    '%zz',
    '%E0%A4',
    '%ff',
    '%C0%80',
    '%ED%A0%80',
    '%u002e%u002e/SECRET',
    '%F0%9F%92%A9',
    '%EF%BB%BF',
    '%2',
    '%%32%65',
  ];
  for (const b of broken)
    out.push(
      `${prefix}/${b}`,
      `${prefix}/docs/${b}`,
      `${prefix}/zh-Hans/${b}`,
      `${prefix}/assets/${b}.js`,
      `${prefix}/?q=${b}`,
      `${prefix}/${b}?x=${b}`,
    );
  out.push(
    `${prefix}/%00`,
    `${prefix}/index.html%00`,
    `${prefix}/index%00.html`,
    `${prefix}/%00/../SECRET`,
    Buffer.from(`${prefix}/\0../SECRET`),
    `${prefix}/\\..\\..\\SECRET`,
    `${prefix}/..\\SECRET`,
    '\\SECRET',
    `${prefix}/${'a'.repeat(10_000)}`,
    `${prefix}/docs/${'../'.repeat(3400)}etc/passwd`,
    `${prefix}/${'%2e%2e/'.repeat(1400)}etc/passwd`,
    `${prefix}/?${'q'.repeat(10_000)}`,
    `${prefix}/${'%'.repeat(10_000)}`,
    `${prefix}/${'%E0%A4%A'.repeat(1200)}`,
    `${prefix}/${'é'.repeat(3000)}`,
    `${prefix}/文档`,
    `${prefix}/zh-Hans/文档`,
    `${prefix}/\u202e/SECRET`,
    `${prefix}/\uFEFF`,
    `${prefix}/𝔘𝔫𝔦𝔠𝔬𝔡𝔢`,
    `${prefix}/e\u0301`,
    `${prefix}/．．/．．/SECRET`,
    Buffer.from([...Buffer.from(`${prefix}/`), 0xff, 0xfe, 0xc0, 0xae, 0x2f]),
    '*',
    'SECRET',
    '../SECRET',
    'http://127.0.0.1/../SECRET',
    'file:///etc/passwd',
    '//etc/passwd',
    '///etc/passwd',
    `${prefix}/./index.html`,
    `${prefix}/assets/../../SECRET`,
    `${prefix}/#/../SECRET`,
    '?',
    `${prefix}/ /`,
    `${prefix}/index.html/`,
    `${prefix}/.hidden`,
    `${prefix}/index?../../SECRET`,
    `${prefix}/docs/page?x=%00`,
    `${prefix}/?a=%&b=%E0`,
    `${prefix}/?__proto__[x]=1&constructor[prototype][y]=2`,
    '',
  );
  return out;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'FOO', 'get', 'M-SEARCH', 'CONNECT'];
const ODD_HEADERS: Array<Record<string, string>> = [
  {Range: 'bytes=5-2'},
  {Range: 'bytes=-1'},
  {Range: 'bytes=abc'},
  {Range: 'bytes=99999999-'},
  {Range: 'bytes=0-0,5-2'},
  {'Accept-Encoding': 'br;q=abc'},
  {'Accept-Encoding': '*'},
  {'Accept-Encoding': 'gzip;q=0, br;q=0, identity;q=0'},
  {'Accept-Encoding': 'x'.repeat(5000)},
  {'If-None-Match': '*'},
  {'If-Modified-Since': 'not a date'},
  {Host: '../../etc'},
];

interface FuzzResult {
  sent: number;
  problems: string[];
}

/** Sends every hostile request, `parallel` at a time, stopping at `deadline` (ms). */
async function fuzz(port: number, prefix: string, deadlineMs: number): Promise<FuzzResult> {
  const requests: Array<[string, string | Buffer, Record<string, string>]> = [
    ...hostileTargets(prefix).map((t) => ['GET', t, {}] as [string, string | Buffer, Record<string, string>]),
    ...METHODS.flatMap((m) =>
      [`${prefix}/`, `${prefix}/%E0%A4%A`, `${prefix}/../SECRET`, `${prefix}/docs/page`].map(
        (t) => [m, t, {}] as [string, string, Record<string, string>],
      ),
    ),
    ...ODD_HEADERS.flatMap((h) =>
      [`${prefix}/`, `${prefix}/assets/x.js`, `${prefix}/docs/nope`].map((t) => ['GET', t, h] as [string, string, Record<string, string>]),
    ),
  ];
  const stopAt = Date.now() + deadlineMs;
  const problems: string[] = [];
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({length: 16}, async () => {
      while (next < requests.length && Date.now() < stopAt) {
        const [method, target, headers] = requests[next++]!;
        const label = `${method} ${String(target).slice(0, 80)} ${JSON.stringify(headers).slice(0, 60)}`;
        const reply = await rawRequest(port, method, target, headers);
        sent++;
        const seen = reply.raw.toString('latin1') + reply.body.toString('utf8');
        for (const marker of FORBIDDEN) if (seen.includes(marker)) problems.push(`${label}: the reply contains "${marker}"`);
        // Node itself answers what it cannot parse (400) or drops it (CONNECT has no handler); never 5xx, never silence.
        if (reply.error === 'timeout' || reply.error === 'ECONNREFUSED') problems.push(`${label}: ${reply.error}`);
        else if (reply.status !== undefined && reply.status >= 500) problems.push(`${label}: status ${reply.status}`);
        else if (reply.status === undefined && method !== 'CONNECT') problems.push(`${label}: no reply (${reply.error ?? 'closed'})`);
      }
    }),
  );
  if (sent < requests.length) problems.push(`only ${sent} of ${requests.length} requests were sent before the deadline`);
  return {sent, problems};
}

describe('static server (scripts/serve.ts)', () => {
  const root = makeFixture('/');
  const based = makeFixture('/cng/');
  let site: Served;
  let under: Served;
  before(async () => {
    [site, under] = await Promise.all([serve(root.build), serve(based.build)]);
  });
  after(() => {
    for (const child of children) child.kill();
    for (const f of [root, based]) rmSync(f.dir, {recursive: true, force: true});
  });

  test('the fixture has what a leak would show, and a reply is searched for it', async () => {
    assert.equal(readFileSync(path.join(root.dir, 'SECRET'), 'utf8'), SECRET);
    assert.match(readFileSync('/etc/passwd', 'utf8'), /^root:x:0:0:/m);
    const home = await get(`${site.url}/`, {'Accept-Encoding': 'br'});
    assert.ok(home.body.toString().includes('FIXTURE-HOME'));
  });

  test('listens on 127.0.0.1 by default', () => {
    assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('GET /%E0%A4%A (a broken escape) is answered 400 or 404, and the server keeps serving', async () => {
    const reply = await rawRequest(site.port, 'GET', '/%E0%A4%A');
    assert.ok(reply.status === 400 || reply.status === 404, `status ${reply.status}`);
    assert.equal(site.child.exitCode, null);
    assert.equal((await get(`${site.url}/`)).status, 200);
  });

  test('pages resolve without .html, as the build with trailingSlash: false links them', async () => {
    for (const [p, marker] of [
      ['/', 'FIXTURE-HOME'],
      ['/docs/page', 'FIXTURE-PAGE'],
      ['/docs/page.html', 'FIXTURE-PAGE'],
      ['/docs/dir', 'FIXTURE-DIR-INDEX'],
      ['/zh-Hans', 'FIXTURE-ZH-HOME'],
      ['/zh-Hans/', 'FIXTURE-ZH-HOME'],
      ['/assets/x.js', 'FIXTURE-ASSET'],
    ] as const) {
      const reply = await get(`${site.url}${p}`);
      assert.equal(reply.status, 200, p);
      assert.ok(reply.body.toString().includes(marker), `${p} is not ${marker}`);
    }
  });

  test('an unknown page gets its locale’s 404 page with status 404', async () => {
    const en = await get(`${site.url}/docs/no-such-page`);
    assert.equal(en.status, 404);
    assert.match(en.body.toString(), /Page Not Found/);
    for (const p of ['/zh-Hans/docs/no-such-page', '/zh-Hans/no-such-page.html']) {
      const zh = await get(`${site.url}${p}`);
      assert.equal(zh.status, 404, p);
      assert.match(zh.body.toString(), /找不到页面/, p);
    }
    assert.match((await get(`${site.url}/zh-Hansx/page`)).body.toString(), /Page Not Found/);
  });

  test('compresses with brotli when the client takes it, else gzip, else not at all', async () => {
    const file = readFileSync(path.join(root.build, 'index.html'));
    const br = await get(`${site.url}/`, {'Accept-Encoding': 'gzip, deflate, br'});
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i);
    assert.deepEqual(br.body, file);
    const gz = await get(`${site.url}/`, {'Accept-Encoding': 'gzip'});
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gz.body, file);
    const plain = await get(`${site.url}/`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);
    const missing = await get(`${site.url}/zh-Hans/nope`, {'Accept-Encoding': 'br'});
    assert.equal(missing.headers['content-encoding'], 'br');
    assert.match(missing.body.toString(), /找不到页面/);
  });

  test('hashed assets are cached for a year; pages, 404s and other files are revalidated', async () => {
    for (const p of ['/assets/x.js', '/zh-Hans/assets/y.js'])
      assert.equal((await get(`${site.url}${p}`)).headers['cache-control'], IMMUTABLE, p);
    for (const p of ['/', '/docs/page', '/zh-Hans/', '/docs/nope', '/img/logo.svg'])
      assert.equal((await get(`${site.url}${p}`)).headers['cache-control'], 'no-cache', p);
  });

  test('methods other than GET and HEAD get 405', async () => {
    assert.equal((await rawRequest(site.port, 'HEAD', '/')).status, 200);
    for (const m of ['POST', 'PUT', 'DELETE']) assert.equal((await rawRequest(site.port, m, '/')).status, 405, m);
  });

  test('a build made for a base path is served under it, as on GitHub Pages', async () => {
    assert.equal(buildBasePath(based.build), '/cng/');
    assert.equal(buildBasePath(root.build), '/');
    assert.match(under.url, /^http:\/\/127\.0\.0\.1:\d+\/cng$/);
    for (const [p, status, marker] of [
      ['/cng/', 200, 'FIXTURE-HOME'],
      ['/cng', 200, 'FIXTURE-HOME'],
      ['/cng?x=1', 200, 'FIXTURE-HOME'],
      ['/cng/docs/page', 200, 'FIXTURE-PAGE'],
      ['/cng/zh-Hans/', 200, 'FIXTURE-ZH-HOME'],
      ['/cng/zh-Hans/nope', 404, '找不到页面'],
      ['/cng/nope', 404, 'Page Not Found'],
      ['/docs/page', 404, 'Page Not Found'],
      ['/cngdocs/page', 404, 'Page Not Found'],
    ] as const) {
      const reply = await rawRequest(under.port, 'GET', p);
      assert.equal(reply.status, status, p);
      assert.ok(reply.body.toString().includes(marker), `${p} is not ${marker}`);
    }
    assert.equal((await get(`${under.url}/assets/x.js`)).headers['cache-control'], IMMUTABLE);
  });

  for (const [name, prefix] of [
    ['at the root', ''],
    ['under a base path', '/cng'],
  ] as const) {
    test(`${name}: over a thousand hostile requests leak nothing and leave the server up`, {timeout: 120_000}, async () => {
      const served = prefix ? under : site;
      assert.ok(hostileTargets(prefix).length >= 1000, 'fewer than 1,000 hostile paths');
      const {sent, problems} = await fuzz(served.port, prefix, 60_000);
      assert.ok(sent >= 1000, `only ${sent} requests sent`);
      assert.deepEqual(problems.slice(0, 20), []);
      assert.equal(served.child.exitCode, null, `the server exited: ${served.stderr.join('')}`);
      const home = await get(`${served.url}/`);
      assert.equal(home.status, 200);
      assert.ok(home.body.toString().includes('FIXTURE-HOME'));
      assert.match((await get(`${served.url}/zh-Hans/nope`)).body.toString(), /找不到页面/);
      // Errors are logged when a library throws; none should have.
      assert.deepEqual(served.stderr, []);
    });
  }
});
