import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {launchChrome} from '../../src/build/chromium';
import {ROOT} from '../../scripts/lib/docs';
import {startStaticServer} from '../../scripts/lib/static-server';
import {browserTestsUnavailable} from '../helpers/site';
import {skipOrFail} from '../helpers/ci';

describe('without a browser at build time', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cng-fallback-'));
  after(() => rmSync(outDir, {recursive: true, force: true}));

  test('the build warns once, succeeds, and diagrams render in the reader’s browser instead', {timeout: 300_000}, async (t) => {
    const unavailable = browserTestsUnavailable();
    if (unavailable) return skipOrFail(t, unavailable);
    // Hiding the browser: CHROME_PATH names a file that does not exist.
    const build = spawnSync(path.join(ROOT, 'node_modules/.bin/docusaurus'), ['build', '--locale', 'en', '--out-dir', outDir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, CHROME_PATH: '/nonexistent/chromium'},
    });
    const log = `${build.stdout}\n${build.stderr}`;
    assert.equal(build.status, 0, log.slice(-3000));
    assert.equal(log.match(/Diagrams will be rendered in the browser, not at build time/g)?.length, 1, 'one clear warning');

    const html = readFileSync(path.join(outDir, 'docs/linux/network-namespaces.html'), 'utf8');
    assert.ok(!html.includes('data-diagram'), 'no build-time diagram in the fallback build');

    const {server, url} = await startStaticServer({root: outDir, compress: true});
    const browser = await launchChrome();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/docs/linux/network-namespaces`, {waitUntil: 'networkidle'});
      await page.waitForSelector('.docusaurus-mermaid-container svg', {timeout: 20_000});
      assert.ok((await page.locator('.docusaurus-mermaid-container svg').count()) > 0);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
