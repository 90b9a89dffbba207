import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, test, type TestContext} from 'node:test';
import {AxeBuilder} from '@axe-core/playwright';
import type {Page} from 'playwright-core';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR, siteForSuite, watchedPage, type Site} from '../helpers/site';

/** One lab of each part of the guide, in both locales between them. */
// One lab per locale, a Linux one and one that runs the real CNI binaries: each takes a minute and a
// half of emulation on top of the suite, and tests/labs/vm.test.ts runs every lab in the same image.
const BROWSER_LABS = [
  {part: 'Linux foundations', lab: 'netns-basics', page: '/docs/linux/network-namespaces'},
  {part: 'Docker and CNI', lab: 'cni-bridge-plugin', page: '/zh-Hans/docs/cni/container-network-interface'},
] as const;

const BUTTON = {en: 'Run in your browser', zh: '在浏览器中运行'};

function vmMissing(): string | undefined {
  if (!existsSync(path.join(BUILD_DIR, 'assets/lab-vm'))) {
    return `the build in ${BUILD_DIR} has no lab VM: run \`sudo npm run build:lab-vm\`, then build the site again`;
  }
  return undefined;
}

/** What the terminal shows, as the DOM has it (xterm's DOM renderer pads with no-break spaces). */
async function screenText(page: Page, lab: string): Promise<string> {
  const rows = await page.locator(`[data-lab-vm="${lab}"] .xterm-rows > div`).allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
}

async function waitForScreen(page: Page, lab: string, wanted: string | RegExp, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(
      ({lab, source, flags}) => {
        const rows = document.querySelectorAll(`[data-lab-vm="${lab}"] .xterm-rows > div`);
        const text = Array.from(rows, (row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n');
        return new RegExp(source, flags).test(text);
      },
      typeof wanted === 'string'
        ? {lab, source: wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: ''}
        : {lab, source: wanted.source, flags: wanted.flags},
      {timeout, polling: 250},
    );
  } catch (error) {
    throw new Error(`the terminal did not show ${String(wanted)} within ${timeout / 1000} s; it shows:\n${await screenText(page, lab)}`, {
      cause: error,
    });
  }
}

/** Presses the lab's button and waits for the shell (or the error the page shows instead). */
async function startVm(page: Page, lab: string, label: string): Promise<void> {
  await page.getByRole('button', {name: label, exact: true}).first().click();
  const vm = page.locator(`[data-lab-vm="${lab}"]`);
  await vm.waitFor({timeout: 30_000});
  await page.waitForFunction(
    (lab) => ['ready', 'error'].includes(document.querySelector(`[data-lab-vm="${lab}"]`)?.getAttribute('data-state') ?? ''),
    lab,
    {timeout: 150_000, polling: 250},
  );
  if ((await vm.getAttribute('data-state')) !== 'ready') {
    assert.fail(`the lab VM did not start: ${await vm.locator('[role=alert]').textContent()}`);
  }
  await waitForScreen(page, lab, /root@lab:~#$/m, 10_000);
}

async function type(page: Page, lab: string, line: string): Promise<void> {
  await page.locator(`[data-lab-vm="${lab}"] .xterm-helper-textarea`).focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

describe('lab VM in the browser', () => {
  const siteOr = siteForSuite();
  const ready = (t: TestContext): Site | undefined => {
    const site = siteOr(t);
    if (!site) return undefined;
    const missing = vmMissing();
    if (missing) {
      skipOrFail(t, missing);
      return undefined;
    }
    return site;
  };

  test('a chapter fetches nothing of the VM before the button is pressed, in both locales', {timeout: 120_000}, async (t) => {
    const site = ready(t);
    if (!site) return;
    for (const [prefix, label] of [
      ['', BUTTON.en],
      ['/zh-Hans', BUTTON.zh],
    ] as const) {
      const w = await watchedPage(site);
      const requests: string[] = [];
      w.page.on('request', (r) => requests.push(r.url()));
      await w.page.goto(`${site.url}${prefix}/docs/linux/network-namespaces`, {waitUntil: 'networkidle'});
      await w.page.getByRole('button', {name: label, exact: true}).scrollIntoViewIfNeeded();
      await w.page.mouse.wheel(0, 20_000);
      await w.page.waitForLoadState('networkidle');
      const before = new Set(requests);
      assert.deepEqual(
        requests.filter((u) => u.includes('lab-vm')),
        [],
        `${prefix || '/'}: fetched lab VM files before the click`,
      );
      await startVm(w.page, 'netns-basics', label);
      const fetchedAfter = requests.filter((u) => !before.has(u));
      assert.ok(
        fetchedAfter.some((u) => u.endsWith('.js') && !u.includes('lab-vm')),
        'the terminal’s code should load on the click, not with the chapter',
      );
      assert.ok(
        fetchedAfter.some((u) => u.endsWith('lab-vm.state.zst')),
        'the click should fetch the saved machine',
      );
      assert.deepEqual(w.foreign, [], 'requests left the site');
      assert.deepEqual(w.problems, []);
      await w.close();
    }
  });

  for (const {part, lab, page: at} of BROWSER_LABS) {
    test(`${part}: ${lab} runs in the browser and prints PASS (${at})`, {timeout: 400_000}, async (t) => {
      const site = ready(t);
      if (!site) return;
      const w = await watchedPage(site);
      await w.page.goto(`${site.url}${at}`);
      await startVm(w.page, lab, at.startsWith('/zh-Hans') ? BUTTON.zh : BUTTON.en);
      assert.match(await screenText(w.page, lab), /root@lab:~#/);
      await w.page
        .locator(`[data-lab-vm="${lab}"]`)
        .getByRole('button', {name: /Run the lab|运行实验/})
        .click();
      await waitForScreen(w.page, lab, new RegExp(`^\\s*(PASS|FAIL): ${lab}|FAIL:`, 'm'), 360_000);
      await waitForScreen(w.page, lab, /root@lab:~#$/m, 30_000);
      const screen = await screenText(w.page, lab);
      assert.match(screen, new RegExp(`PASS: ${lab}`), `the lab did not pass in the browser; the terminal shows:\n${screen}`);
      assert.deepEqual(w.foreign, [], 'requests left the site');
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  }

  test('the reader types commands, Reset repairs a broken machine, axe finds nothing, dark mode follows', {timeout: 300_000}, async (t) => {
    const site = ready(t);
    if (!site) return;
    const w = await watchedPage(site);
    const {page} = w;
    await page.goto(`${site.url}/docs/linux/network-namespaces`);
    await startVm(page, 'netns-basics', BUTTON.en);
    await type(page, 'netns-basics', 'ls; echo "answer=$((6 * 7))"');
    await waitForScreen(page, 'netns-basics', 'answer=42', 90_000);
    assert.match(await screenText(page, 'netns-basics'), /lib\.sh\s+netns-basics\.sh/, 'the lab’s script should be at hand in /root');

    // Copy and paste, with the terminal's shortcuts.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {origin: site.url});
    await type(page, 'netns-basics', "printf 'copy%s\\n' me-123");
    await waitForScreen(page, 'netns-basics', /^copyme-123$/m, 90_000);
    const row = page
      .locator('[data-lab-vm] .xterm-rows > div')
      .filter({hasText: /^copyme-123\s*$/})
      .last();
    const box = (await row.boundingBox())!;
    await page.mouse.dblclick(box.x + 4, box.y + box.height / 2);
    await page.keyboard.press('Control+Shift+C');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'copyme-123', 'Ctrl+Shift+C copies the selection');
    await page.evaluate(() => navigator.clipboard.writeText('echo "pasted=$((2 + 3))"'));
    await page.locator('[data-lab-vm] .xterm-helper-textarea').focus();
    await page.keyboard.press('Control+Shift+V');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'netns-basics', 'pasted=5', 90_000);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme: scheme});
      await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
      const colours = await page.locator('[data-lab-vm] .xterm').evaluate((e) => ({
        text: getComputedStyle(e).color,
        box: getComputedStyle(e.parentElement!).backgroundColor,
      }));
      assert.deepEqual(
        colours,
        scheme === 'dark' ? {text: 'rgb(227, 227, 227)', box: 'rgb(27, 27, 29)'} : {text: 'rgb(28, 30, 33)', box: 'rgb(246, 248, 250)'},
        `terminal colours in ${scheme} mode`,
      );
      const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        [],
        `axe, ${scheme} mode, terminal open`,
      );
    }

    // What a reader may do to the machine: delete a program the labs need.
    await type(page, 'netns-basics', 'rm -f /usr/sbin/ip /usr/bin/ip; hash -r; ip -V; echo "status=$?"');
    await waitForScreen(page, 'netns-basics', 'status=127', 90_000);
    await page.getByRole('button', {name: 'Reset', exact: true}).click();
    await page.waitForFunction(() => document.querySelector('[data-lab-vm]')?.getAttribute('data-state') === 'ready', null, {
      timeout: 150_000,
    });
    await waitForScreen(page, 'netns-basics', /root@lab:~#$/m, 10_000);
    assert.doesNotMatch(await screenText(page, 'netns-basics'), /status=127/, 'Reset should clear the screen');
    await type(page, 'netns-basics', 'ip -V; echo "status=$?"');
    await waitForScreen(page, 'netns-basics', 'status=0', 90_000);
    assert.match(await screenText(page, 'netns-basics'), /ip utility, iproute2/);

    await page.getByRole('button', {name: 'Close', exact: true}).click();
    await page.getByRole('button', {name: BUTTON.en, exact: true}).first().waitFor();
    assert.deepEqual(w.foreign, [], 'requests left the site');
    assert.deepEqual(w.problems, []);
    await w.close();
  });

  test('an interrupted download shows an error with Retry, and Retry starts the machine', {timeout: 200_000}, async (t) => {
    const site = ready(t);
    if (!site) return;
    const w = await watchedPage(site);
    const {page} = w;
    const state = '**/lab-vm.state.zst';
    await page.route(state, (route) => route.abort('connectionreset'));
    await page.goto(`${site.url}/zh-Hans/docs/linux/network-namespaces`);
    await page.getByRole('button', {name: BUTTON.zh, exact: true}).first().click();
    const alert = page.locator('[data-lab-vm] [role=alert]');
    await alert.waitFor({timeout: 30_000});
    assert.match((await alert.textContent()) ?? '', /无法下载/);
    // The page stays usable: its links still work.
    assert.ok(await page.getByRole('link', {name: '网络命名空间'}).first().isVisible());
    await page.unroute(state);
    await alert.getByRole('button', {name: '重试'}).click();
    await page.waitForFunction(() => document.querySelector('[data-lab-vm]')?.getAttribute('data-state') === 'ready', null, {
      timeout: 150_000,
    });
    // The aborted request is the one console error the page may have.
    assert.deepEqual(
      w.problems.filter((p) => !p.includes('lab-vm.state.zst') && !p.includes('net::ERR')),
      [],
    );
    await w.close();
  });

  test('a lab that cannot run in the VM says why instead of offering the button', {timeout: 60_000}, async (t) => {
    const site = ready(t);
    if (!site) return;
    const w = await watchedPage(site);
    for (const [prefix, label, words] of [
      ['', BUTTON.en, /does not run in the browser: .*32-bit/],
      ['/zh-Hans', BUTTON.zh, /32 位/],
    ] as const) {
      await w.page.goto(`${site.url}${prefix}/docs/linux/cgroups-and-the-network`);
      assert.match((await w.page.locator('main').textContent()) ?? '', words);
      assert.equal(
        await w.page.getByRole('button', {name: label, exact: true}).count(),
        0,
        `${prefix || '/'}: a button for a lab the VM cannot run`,
      );
    }
    await w.close();
  });
});
