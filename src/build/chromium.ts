import {existsSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import type {Browser, LaunchOptions} from 'playwright-core';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT =
  'No Chromium found. Set CHROME_PATH to a Chrome or Chromium binary, or install one: on Debian/Ubuntu `sudo apt-get install chromium fonts-noto-cjk`.';

/** CHROME_PATH, else /usr/bin/chromium, else the first of chromium-browser / google-chrome on PATH. */
export function findChrome(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of CANDIDATES) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'}).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/**
 * Flags for a sandboxed machine with no network: without the background
 * networking ones, Chromium keeps dialling Google's hosts and logging refusals.
 */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChrome(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const {chromium} = await import('playwright-core');
  return chromium.launch({executablePath, headless: true, args: CHROME_ARGS, ...options});
}
