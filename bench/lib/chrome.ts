import {createServer} from 'node:net';
import type {Browser} from 'playwright-core';
import {CHROME_ARGS, launchChrome} from '../../src/build/chromium';

/**
 * Every host name resolves to nothing, so even a stray absolute URL cannot
 * leave the machine; the local servers are addressed as 127.0.0.1, which is
 * not looked up.
 */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** Headless Chromium for the page-weight and explorer measurements. */
export function launchBenchChrome(): Promise<Browser> {
  return launchChrome({args: [...CHROME_ARGS, ...OFFLINE_ARGS]});
}

/**
 * Headless Chromium that Lighthouse can drive: Lighthouse connects to a
 * DevTools port and opens its own tabs, so the browser listens on one.
 */
export async function launchLighthouseChrome(): Promise<{browser: Browser; port: number}> {
  const port = await freePort();
  const browser = await launchChrome({args: [...CHROME_ARGS, ...OFFLINE_ARGS, `--remote-debugging-port=${port}`]});
  return {browser, port};
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
