import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {INCIDENT_DOC, PITFALLS_ID, POINTER_CLASS} from '../../src/features/incidents/remark';
import {DOCS_DIR, listDocs, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR, siteForSuite, watchedPage} from '../helpers/site';

const LOCALES = [
  {name: 'en', dir: '', docs: DOCS_DIR, title: 'Something is broken', symptom: 'Service has endpoints but connections time out'},
  {name: 'zh-Hans', dir: 'zh-Hans', docs: ZH_DOCS_DIR, title: '出问题了', symptom: 'Service 有端点，连接却超时'},
] as const;

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith('.html') ? [p] : [];
  });
}

/** Minified HTML quotes attributes only where it must. */
const attr = (name: string, value: string) => `${name}="?${value}"?`;
const POINTER_AFTER_PITFALLS = new RegExp(
  `<h2[^>]*\\b${attr('id', PITFALLS_ID)}[^>]*>[\\s\\S]*?</h2>\\s*<p ${attr('class', POINTER_CLASS)}>([\\s\\S]*?)</p>`,
);

describe('the way in for incidents, in the built site', () => {
  for (const locale of LOCALES) {
    test(`${locale.name}: every chapter's Pitfalls section opens with a link to the incident page`, (t) => {
      const docsDir = path.join(BUILD_DIR, locale.dir, 'docs');
      if (!existsSync(docsDir)) return skipOrFail(t, `no production build in ${BUILD_DIR}: run \`npm run build\` first`);
      const expected = listDocs(locale.docs).filter((f) => readFileSync(path.join(locale.docs, f), 'utf8').includes(`{#${PITFALLS_ID}}`));
      assert.ok(expected.length >= 30, `only ${expected.length} chapters with a Pitfalls section in the sources`);
      const problems: string[] = [];
      let linked = 0;
      for (const file of htmlFiles(docsDir)) {
        const html = readFileSync(file, 'utf8');
        if (!new RegExp(`<h2[^>]*\\b${attr('id', PITFALLS_ID)}[\\s>]`).test(html)) continue;
        const page = path.relative(BUILD_DIR, file);
        const pointer = POINTER_AFTER_PITFALLS.exec(html)?.[1];
        if (!pointer) {
          problems.push(`${page}: the Pitfalls heading is not followed by the incident line`);
          continue;
        }
        const link = /<a [^>]*href="?([^"\s>]+)"?[^>]*>([^<]*)<\/a>/.exec(pointer);
        const target = `${locale.dir ? `${locale.dir}/` : ''}docs/${INCIDENT_DOC}`;
        if (!link?.[1]?.startsWith('/') || !link[1].endsWith(target))
          problems.push(`${page}: the incident line links to ${link?.[1]}, not …/${target}`);
        if (link?.[2] !== locale.title) problems.push(`${page}: the incident line's link reads "${link?.[2]}", not "${locale.title}"`);
        linked++;
      }
      assert.deepEqual(problems, []);
      assert.equal(linked, expected.length, 'one built page with the incident line per chapter with a Pitfalls section');
    });
  }
});

describe('the way in for incidents, for a reader', () => {
  const siteOr = siteForSuite();

  for (const locale of LOCALES) {
    test(`${locale.name}: the navbar leads to the page, and its table to a symptom, one click each`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const w = await watchedPage(site);
      const prefix = locale.dir ? `/${locale.dir}` : '';
      await w.page.goto(`${site.url}${prefix}/docs/kubernetes/services`);
      const navLink = w.page.locator('.navbar__items a.navbar__link', {hasText: locale.title});
      assert.equal(await navLink.count(), 1, 'one navbar link to the incident page');
      assert.equal(await navLink.getAttribute('aria-current'), null, 'the link is not marked as the current page on another page');
      await navLink.click();
      await w.page.waitForURL(`${site.url}${prefix}/docs/${INCIDENT_DOC}`);
      // The URL changes before the new page renders; wait for its heading.
      await w.page.locator('h1', {hasText: locale.title}).first().waitFor({timeout: 10_000});
      assert.equal((await w.page.locator('h1').first().innerText()).trim(), locale.title);
      await w.page.locator('table a', {hasText: locale.symptom}).click();
      await w.page.waitForURL(`${site.url}${prefix}/docs/${INCIDENT_DOC}#endpoints-but-timeout`);
      const heading = w.page.locator('h3#endpoints-but-timeout');
      assert.match(await heading.innerText(), new RegExp(locale.symptom));
      assert.ok(await heading.isVisible());
      assert.ok(await heading.evaluate((h) => h.getBoundingClientRect().top < window.innerHeight), 'the page scrolled to the symptom');
      assert.deepEqual(w.problems, []);
      await w.close();
    });
  }
});
