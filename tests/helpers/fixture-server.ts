/**
 * Local HTTP servers for the link checker's tests: a route table on
 * 127.0.0.1 with a free port, a log of every request (arrival and end, on
 * the monotonic clock the checker uses), and a close() that also drops
 * connections left hanging on purpose, so the test process can exit.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {performance} from 'node:perf_hooks';

export interface RequestRecord {
  method: string;
  path: string;
  host: string;
  userAgent?: string;
  /** performance.now() when the request arrived. */
  arrived: number;
  /** performance.now() when the response was sent or the connection closed. */
  ended?: number;
  /** False when the client closed the connection before a response was sent (it timed out). */
  answered?: boolean;
}

/** A route answers the request; `hits` counts earlier requests to the same path (0 on the first). */
export type Route = (req: IncomingMessage, res: ServerResponse, hits: number) => void;

export interface FixtureServer {
  server: Server;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  requests: RequestRecord[];
  url(pathname: string): string;
  close(): Promise<void>;
}

export function startFixtureServer(
  routes: Record<string, Route>,
  hooks: {onStart?: (r: RequestRecord) => void; onEnd?: (r: RequestRecord) => void} = {},
): Promise<FixtureServer> {
  const requests: RequestRecord[] = [];
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://fixture').pathname;
    const record: RequestRecord = {
      method: req.method ?? '',
      path: pathname,
      host: req.headers.host ?? '',
      ...(req.headers['user-agent'] !== undefined && {userAgent: req.headers['user-agent']}),
      arrived: performance.now(),
    };
    requests.push(record);
    hooks.onStart?.(record);
    const end = (answered: boolean) => {
      if (record.ended !== undefined) return;
      record.ended = performance.now();
      record.answered = answered;
      hooks.onEnd?.(record);
    };
    res.on('finish', () => end(true));
    res.on('close', () => end(false));
    const n = hits.get(pathname) ?? 0;
    hits.set(pathname, n + 1);
    const route = routes[pathname];
    if (route) route(req, res, n);
    else {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      res.end('no such fixture route\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        server,
        origin,
        port,
        requests,
        url: (pathname) => `${origin}${pathname}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers after `ms` milliseconds (for concurrency tests: keeps requests in flight). */
export const slow =
  (ms: number, status = 200): Route =>
  (_req, res) => {
    const timer = setTimeout(() => {
      res.writeHead(status, {'Content-Type': 'text/plain'});
      res.end('ok\n');
    }, ms);
    res.on('close', () => clearTimeout(timer));
  };

export const status =
  (code: number, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(code, {'Content-Type': 'text/plain', ...headers});
    res.end(`${code}\n`);
  };

export const redirect = (code: number, location: string): Route => status(code, {Location: location});
