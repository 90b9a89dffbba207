/**
 * What the build offers besides the pages: a Markdown copy of every docs page
 * and llms.txt listing them (src/features/markdown-copies), and under every
 * chapter "Edit this page", "Report a problem", "Copy page as Markdown" and
 * "View as Markdown" (src/features/page-actions).
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import {repositoryUrl} from '../../src/features/page-actions/repository';
import {BUILD_DIR, builtFile, siteForSuite} from '../helpers/site';

const LOCALES = [
  {name: 'en', dir: '', docsDir: DOCS_DIR, label: 'English', reportTitle: 'Problem on “', labelPrefix: 'Page: '},
  {name: 'zh-Hans', dir: 'zh-Hans/', docsDir: ZH_DOCS_DIR, label: '简体中文', reportTitle: '页面的问题', labelPrefix: '页面：'},
] as const;

/** docs/linux/bridge.mdx → docs/linux/bridge; references/index.mdx → docs/references. */
const pagePath = (doc: string) => `docs/${doc.replace(/\.mdx?$/, '').replace(/\/index$/, '')}`;

/** The Markdown with its fenced and inline code removed: what is left is prose, where no tag may remain. */
const prose = (md: string) => md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2$/gm, '').replace(/`[^`\n]*`/g, '');

const built = builtFile;

describe('Markdown copies and llms.txt', () => {
  for (const locale of LOCALES) {
    test(`${locale.name}: llms.txt lists every docs page once, linked to its Markdown copy`, (t) => {
      const llms = built(t, `${locale.dir}llms.txt`);
      if (llms === undefined) return;
      assert.match(llms, /^# \S.*\n\n> \S/, 'llms.txt starts with a title and a summary');
      const linked = [...llms.matchAll(/^- \[[^\]]+\]\(https?:\/\/[^/)]+(\/[^)]+)\)/gm)].map((m) => m[1]!);
      const docs = listDocs(locale.docsDir).filter((d) => !d.startsWith('tags'));
      for (const doc of docs) {
        const md = `/${locale.dir}${pagePath(doc)}.md`;
        assert.equal(
          linked.filter((l) => l.endsWith(md)).length,
          1,
          `${locale.dir}llms.txt: ${md} listed ${linked.filter((l) => l.endsWith(md)).length} times`,
        );
      }
      assert.equal(linked.length, docs.length, `${locale.dir}llms.txt lists ${linked.length} pages, the docs are ${docs.length}`);
    });

    test(`${locale.name}: every page's copy has its text, lab scripts and diagram sources, and no component left`, (t) => {
      if (built(t, 'index.html') === undefined) return;
      for (const doc of listDocs(locale.docsDir)) {
        const source = readFileSync(path.join(locale.docsDir, doc), 'utf8');
        const md = built(t, `${locale.dir}${pagePath(doc)}.md`)!;
        const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.replace(/^['"]|['"]$/g, '');
        if (title) assert.ok(md.startsWith(`# ${title}\n`), `${doc}: the copy does not start with "# ${title}"`);
        const leftover = /<\/?[A-Za-z][\w.-]*(?:\s[^>]*)?>|<!--/.exec(prose(md));
        assert.equal(leftover, null, `${locale.dir}${pagePath(doc)}.md: markup outside code: ${leftover?.[0]}`);
        for (const [, name] of source.matchAll(/<Lab\s+name="([\w-]+)"/g)) {
          const script = readFileSync(path.join(ROOT, 'labs', `${name}.sh`), 'utf8');
          assert.ok(
            md.includes(`\`\`\`bash title="labs/${name}.sh"\n${script.trimEnd()}\n\`\`\``),
            `${doc}: the copy lacks labs/${name}.sh as a bash block`,
          );
        }
        for (const [, diagram] of source.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)) {
          assert.ok(md.includes(`\`\`\`mermaid\n${diagram}\n\`\`\``), `${doc}: a diagram is not in the copy as its Mermaid source`);
        }
      }
    });
  }
});

describe('Edit, report and Markdown links under a chapter', () => {
  const siteOr = siteForSuite();
  for (const locale of LOCALES) {
    test(`${locale.name}: they open the page's own source, a pre-filled issue and the page as Markdown`, async (t) => {
      const site = siteOr(t);
      if (!site) return;
      const context = await site.browser.newContext({permissions: ['clipboard-read', 'clipboard-write']});
      const page = await context.newPage();
      const doc = 'linux/network-namespaces.mdx';
      await page.goto(`${site.url}/${locale.dir}${pagePath(doc)}`);
      const title = (await page.locator('article h1').innerText()).trim();

      const source = path.relative(ROOT, path.join(locale.docsDir, doc));
      assert.equal(await page.locator('a.theme-edit-this-page').getAttribute('href'), `${repositoryUrl}/edit/main/${source}`);

      const report = new URL((await page.getByTestId('report-problem').getAttribute('href'))!);
      assert.equal(`${report.origin}${report.pathname}`, `${repositoryUrl}/issues/new`);
      const issueTitle = report.searchParams.get('title')!;
      assert.ok(issueTitle.includes(title) && issueTitle.includes(locale.reportTitle), `issue title: ${issueTitle}`);
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      const body = report.searchParams.get('body')!;
      assert.ok(body.startsWith(`${locale.labelPrefix}${title}\n`), `issue body: ${body}`);
      assert.ok(body.includes(canonical!) && body.includes(locale.label), `issue body lacks the address or the language: ${body}`);

      const view = page.getByTestId('view-markdown');
      const md = readFileSync(path.join(BUILD_DIR, `${locale.dir}${pagePath(doc)}.md`), 'utf8');
      const response = await page.request.get(new URL((await view.getAttribute('href'))!, page.url()).href);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'text/markdown; charset=utf-8');
      assert.equal(await response.text(), md);

      await page.getByTestId('copy-markdown').click();
      await page
        .getByRole('status')
        .filter({hasText: locale.name === 'en' ? 'Copied.' : '已复制。'})
        .waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), md);
      await context.close();
    });
  }
});
