import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import path from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {readFileSync} from 'node:fs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

export interface ServeOptions {
  root: string;
  host?: string;
  port?: number;
  /** Locales other than the default, each served from root/<locale>/ with its own 404 page. */
  locales?: string[];
  /** Serve gzip or brotli when the client accepts it, as a CDN would. */
  compress?: boolean;
}

/**
 * A static server for a Docusaurus build with trailingSlash: false: /a/b is
 * a/b.html or a/b/index.html, unknown paths get the locale's 404 page with
 * status 404. Compressed bodies are cached in memory, since the build is immutable.
 */
export function startStaticServer(opts: ServeOptions): Promise<{server: Server; url: string}> {
  const root = path.resolve(opts.root);
  const host = opts.host ?? '127.0.0.1';
  const cache = new Map<string, Buffer>();

  const resolveFile = (pathname: string): string | undefined => {
    const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
    const base = path.join(root, clean);
    if (!base.startsWith(root)) return undefined;
    for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  };

  const notFoundPage = (pathname: string): string => {
    const locale = (opts.locales ?? []).find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
    return path.join(root, locale ?? '', '404.html');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = resolveFile(url.pathname);
    let status = 200;
    if (!file) {
      file = notFoundPage(url.pathname);
      status = 404;
    }
    const ext = path.extname(file);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', url.pathname.startsWith('/assets/') || url.pathname.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = opts.compress && COMPRESSIBLE.has(ext) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined) : undefined;
    res.statusCode = status;
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (!encoding) {
      createReadStream(file).pipe(res);
      return;
    }
    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}})
          : gzipSync(raw, {level: 9});
      cache.set(key, body);
    }
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(body);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      resolve({server, url: `http://${host}:${port}`});
    });
  });
}
