/**
 * The lab VM on the page: from the click on "Run in your browser" to the
 * shell prompt, with an empty HTTP cache (cold) and after a reload (warm),
 * the bytes each fetched, and one lab run in the browser's VM against the
 * same script on this machine. Budgets (issue #15): cold ≤ 20 MB and ≤ 30 s,
 * warm ≤ 5 s.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type Page, type Request} from 'playwright-core';
import {CHROME_ARGS, findChrome} from '../../src/build/chromium';
import {median} from './stats';

export const LAB_VM_BUDGET = {coldMb: 20, coldSeconds: 30, warmSeconds: 5};

/** The lab measured, and the chapter that shows it. */
export const LAB_VM_LAB = {name: 'netns-basics', page: '/docs/linux/network-namespaces'};

export interface LabVmStart {
  seconds: number;
  /** Bytes on the wire (response bodies as sent, headers included) from the click to the prompt. */
  bytes: number;
  requests: number;
}

export interface LabVmResults {
  cold: LabVmStart[];
  warm: LabVmStart[];
  /** The lab in the page's VM: from "Run the lab" to its PASS line. */
  labInBrowser: number[];
  /** The same script on this machine, as root (undefined when not root). */
  labOnHost: number[];
  medians: {coldSeconds: number; coldMb: number; warmSeconds: number; warmMb: number; labInBrowser: number; labOnHost?: number};
}

async function rowsText(page: Page): Promise<string> {
  const rows = await page.locator('[data-lab-vm] .xterm-rows > div').allTextContents();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

/** Clicks the button and waits for the prompt; what it cost. */
async function start(page: Page, origin: string): Promise<LabVmStart> {
  let bytes = 0;
  let requests = 0;
  const counting = async (request: Request) => {
    const sizes = await request.sizes().catch(() => undefined);
    if (!sizes) return;
    requests++;
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  };
  page.on('requestfinished', (r) => void counting(r));
  const t0 = performance.now();
  await page.getByRole('button', {name: 'Run in your browser', exact: true}).first().click();
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.querySelector('[data-lab-vm]')?.getAttribute('data-state') ?? ''),
    null,
    {timeout: 180_000, polling: 50},
  );
  const seconds = (performance.now() - t0) / 1000;
  if ((await page.locator('[data-lab-vm]').getAttribute('data-state')) !== 'ready') {
    throw new Error(`lab VM did not start on ${origin}: ${await page.locator('[data-lab-vm] [role=alert]').textContent()}`);
  }
  // Files the shell opens after the prompt (none, usually) are not part of the start.
  page.removeAllListeners('requestfinished');
  return {seconds, bytes, requests};
}

/**
 * Each repeat in a browser profile of its own on disk: an incognito context
 * keeps its HTTP cache in memory and does not keep an 11 MB state, which a
 * reader's browser does (warm start).
 */
export async function measureLabVm(origin: string, repeats: number, repo: string, log: (m: string) => void): Promise<LabVmResults> {
  const cold: LabVmStart[] = [];
  const warm: LabVmStart[] = [];
  const labInBrowser: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-lab-vm-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChrome(),
      headless: true,
      args: [...CHROME_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}${LAB_VM_LAB.page}`, {waitUntil: 'networkidle'});
      cold.push(await start(page, origin));
      log(`lab VM cold ${i + 1}/${repeats}: ${cold.at(-1)!.seconds.toFixed(1)} s, ${(cold.at(-1)!.bytes / 1e6).toFixed(1)} MB`);
      const t0 = performance.now();
      await page.locator('[data-lab-vm]').getByRole('button', {name: 'Run the lab'}).click();
      await page.waitForFunction(
        (lab) => {
          const text = Array.from(document.querySelectorAll('[data-lab-vm] .xterm-rows > div'), (r) => r.textContent ?? '').join('\n');
          return text.includes(`PASS: ${lab}`) || text.includes('FAIL:');
        },
        LAB_VM_LAB.name,
        {timeout: 600_000, polling: 100},
      );
      const text = await rowsText(page);
      if (!text.includes(`PASS: ${LAB_VM_LAB.name}`)) throw new Error(`${LAB_VM_LAB.name} failed in the browser:\n${text}`);
      labInBrowser.push((performance.now() - t0) / 1000);
      log(`lab VM: ${LAB_VM_LAB.name} in the browser ${labInBrowser.at(-1)!.toFixed(1)} s`);
      await page.reload({waitUntil: 'networkidle'});
      warm.push(await start(page, origin));
      log(`lab VM warm ${i + 1}/${repeats}: ${warm.at(-1)!.seconds.toFixed(1)} s, ${(warm.at(-1)!.bytes / 1e6).toFixed(1)} MB`);
    } finally {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    }
  }
  const labOnHost: number[] = [];
  if (process.getuid?.() === 0) {
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const run = spawnSync('bash', [path.join(repo, 'labs', `${LAB_VM_LAB.name}.sh`)], {encoding: 'utf8', timeout: 120_000});
      if (run.status === 0) labOnHost.push((performance.now() - t0) / 1000);
    }
  }
  return {
    cold,
    warm,
    labInBrowser,
    labOnHost,
    medians: {
      coldSeconds: median(cold.map((c) => c.seconds)),
      coldMb: median(cold.map((c) => c.bytes)) / 1e6,
      warmSeconds: median(warm.map((c) => c.seconds)),
      warmMb: median(warm.map((c) => c.bytes)) / 1e6,
      labInBrowser: median(labInBrowser),
      labOnHost: labOnHost.length ? median(labOnHost) : undefined,
    },
  };
}
