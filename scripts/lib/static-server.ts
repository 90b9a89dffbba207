import {existsSync, readFileSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

export interface ServeOptions {
  root: string;
  host?: string;
  port?: number;
  /** Locales other than the default, each served from root/<locale>/ with its own 404 page. */
  locales?: string[];
  /** Serve gzip or brotli when the client accepts it, as a CDN would. */
  compress?: boolean;
  /** Where the site lives on the server ('/' or '/repo/'); by default the baseUrl the build was made for. */
  basePath?: string;
}

export interface StaticServer {
  server: Server;
  /** The site's home without its trailing slash (http://127.0.0.1:PORT or http://127.0.0.1:PORT/repo), so `${url}/docs/x` works. */
  url: string;
  /** The base path, with leading and trailing slash: '/' or '/repo/'. */
  basePath: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The baseUrl a Docusaurus build was made for, read from its home page's
 * canonical link (the site's url + baseUrl); '/' when the page has none.
 */
export function buildBasePath(root: string): string {
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return '/';
  const canonical = /<link[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']?([^"'\s>]+)/.exec(readFileSync(index, 'utf8'))?.[1];
  if (!canonical) return '/';
  return normalizeBasePath(new URL(canonical, 'http://localhost').pathname);
}

function normalizeBasePath(base: string): string {
  return `/${base.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
}

/**
 * A static server for a Docusaurus build with trailingSlash: false: /a/b is
 * a/b.html or a/b/index.html (sirv), unknown paths get the locale's 404 page
 * with status 404, hashed assets are cached for a year and everything else is
 * revalidated. sirv only serves files it listed under root at startup, so no
 * spelling of a path can reach a file outside it; any error in a request
 * ends that request, never the process.
 */
export function startStaticServer(opts: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(opts.root);
  const host = opts.host ?? '127.0.0.1';
  const basePath = normalizeBasePath(opts.basePath ?? buildBasePath(root));
  const locales = opts.locales ?? [];
  const assetPrefixes = ['/assets/', ...locales.map((l) => `/${l}/assets/`)];

  const files = sirv(root, {
    extensions: ['html'],
    etag: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', assetPrefixes.some((p) => pathname.startsWith(p)) ? IMMUTABLE : 'no-cache');
      // The lab VM's zstd files and state: sirv knows no type for .zst, and a response without one may be sniffed.
      if (pathname.endsWith('.zst')) res.setHeader('Content-Type', 'application/zstd');
      // sirv names a charset for HTML only; the Markdown copies and llms.txt hold Chinese text too.
      if (pathname.endsWith('.md')) res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      if (pathname.endsWith('.txt')) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    },
  });
  // Typed for Express, but compression only touches node's own request and response.
  // WebAssembly (the lab VM's emulator) shrinks 2.1 MB → 0.4 MB; the compression module's default filter skips it.
  const compress = opts.compress
    ? (compression({
        filter: (req, res) => String(res.getHeader('Content-Type')).startsWith('application/wasm') || compression.filter(req, res),
      }) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void)
    : undefined;

  // Read once: the build does not change while it is served.
  const notFoundPages = new Map<string, Buffer>();
  for (const locale of ['', ...locales]) {
    const file = path.join(root, locale, '404.html');
    if (existsSync(file)) notFoundPages.set(locale, readFileSync(file));
  }
  const notFound = (res: ServerResponse, pathname: string) => {
    const locale = locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`)) ?? '';
    const page = notFoundPages.get(locale) ?? notFoundPages.get('');
    res.statusCode = 404;
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.end(page ?? 'Not found\n');
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '';
    // Only origin-form targets ("/path?query"); "*" and "http://host/path" have no file.
    if (!raw.startsWith('/')) return plain(res, 400, 'Bad request\n');
    const site = basePath === '/' ? raw : withinBase(raw, basePath);
    if (site === undefined) return notFound(res, '/');
    req.url = site;
    // sirv trusts the Range header and throws on some (bytes=5-2); no page of the guide needs ranges.
    delete req.headers.range;
    const pathname = site.split(/[?#]/, 1)[0] ?? '/';
    files(req, res, () => notFound(res, pathname));
  };

  const server = createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return plain(res, 405, 'Method not allowed\n');
      }
      if (compress) compress(req, res, () => route(req, res));
      else route(req, res);
    } catch (err) {
      // A request the libraries choke on is the client's doing; answer it and keep serving.
      console.error(`static server: ${req.method} ${(req.url ?? '').slice(0, 200)}: ${err instanceof Error ? err.message : String(err)}`);
      if (res.headersSent) res.destroy();
      else plain(res, 400, 'Bad request\n');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const {port} = server.address() as AddressInfo;
      const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({server, url: `${origin}${basePath.replace(/\/$/, '')}`, basePath});
    });
  });
}

/** The path inside the site for a request under basePath ('/repo/x' → '/x', '/repo' → '/'), or undefined outside it. */
function withinBase(raw: string, basePath: string): string | undefined {
  const bare = basePath.slice(0, -1);
  if (raw.startsWith(basePath)) return raw.slice(bare.length);
  if (raw === bare || raw.startsWith(`${bare}?`) || raw.startsWith(`${bare}#`)) return `/${raw.slice(bare.length)}`;
  return undefined;
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(body);
}
