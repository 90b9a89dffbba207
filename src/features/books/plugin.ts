import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {normalizeUrl} from '@docusaurus/utils';
import {findChrome, INSTALL_HINT, launchChrome} from '../../build/chromium';
import {docsInReadingOrder, loadedDocs} from '../../build/docs-order';
import {siteHeading} from '../../build/site-heading';
import {fillDiagrams} from '../diagrams/plugin';
import {bookHtml, type BookPart} from './book-html';
import {makeEpub} from './epub';
import {BOOK_DIR, bookFile, type BooksData} from './constants';

const TEXT = {
  en: {start: 'Start here', contents: 'Contents', made: 'Made from {url} on {date}.'},
  zh: {start: '从这里开始', contents: '目录', made: '由 {url} 于 {date} 生成。'},
} as const;

/** The page numbers at the foot of each PDF page (Chromium fills the spans). */
const FOOTER = `<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:system-ui,'Noto Sans CJK SC',sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * Runs in the printing page: each diagram's light SVG as a standalone XML
 * document, which an EPUB needs as an image file. The browser's serializer
 * writes the HTML labels inside foreignObject in the XHTML namespace and
 * closes every element. What the EPUB schemas reject is changed so that it
 * looks the same: ARIA roles and Mermaid's stray attributes dropped, a
 * geometry-less rect given the size it had anyway (none), a label's
 * paragraph turned into a block span.
 */
function diagramsAsXml(): [string, string][] {
  const out: [string, string][] = [];
  for (const figure of document.querySelectorAll('figure[data-diagram]')) {
    const svg = figure.querySelector('.static-mermaid__light svg');
    if (!svg) continue;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    for (const el of [copy, ...copy.querySelectorAll('*')]) {
      for (const name of ['role', 'aria-roledescription', 'name', 'datatype']) el.removeAttribute(name);
    }
    // A label's <p> sits in a <span>, where XHTML allows no paragraph: a block span reads the same.
    for (const p of copy.querySelectorAll('foreignObject p')) {
      const span = document.createElement('span');
      for (const a of p.attributes) span.setAttribute(a.name, a.value);
      span.style.display = 'block';
      span.append(...p.childNodes);
      p.replaceWith(span);
    }
    for (const rect of copy.querySelectorAll('rect')) {
      if (!rect.hasAttribute('width')) rect.setAttribute('width', '0');
      if (!rect.hasAttribute('height')) rect.setAttribute('height', '0');
    }
    out.push([figure.getAttribute('data-diagram')!, new XMLSerializer().serializeToString(copy)]);
  }
  return out;
}

/**
 * After the build: the whole guide as a PDF in the locale's language, at
 * books/container-networking-guide-<locale>.pdf, printed by the system
 * Chromium from the built pages (so diagrams, listings and tables are the
 * pages' own, and the print stylesheet applies). The PDF has bookmarks for
 * parts, chapters and sections, page numbers, and links between chapters that
 * stay inside the book. Without Chromium the site is built without it, and
 * the home page does not link it. Beside it, the same chapters as an EPUB
 * (./epub.ts), for e-readers.
 */
export default function booksPlugin(context: LoadContext): Plugin {
  const locale = context.i18n.currentLocale;
  const text = TEXT[locale === 'zh-Hans' ? 'zh' : 'en'];
  const available = Boolean(findChrome());
  return {
    name: 'books',
    contentLoaded({actions}) {
      const url = (format: 'pdf' | 'epub') => (available ? normalizeUrl([context.baseUrl, BOOK_DIR, bookFile(locale, format)]) : undefined);
      const data: BooksData = {pdf: url('pdf'), epub: url('epub')};
      actions.setGlobalData(data);
    },
    async postBuild({outDir, plugins, siteConfig}) {
      if (!available) {
        console.warn(`[WARNING] books: the PDF of the guide is not made. ${INSTALL_HINT}`);
        return;
      }
      const sitePath = (p: string) =>
        path.join(outDir, p.startsWith(context.baseUrl) ? p.slice(context.baseUrl.length) : p.replace(/^\//, ''));
      const pageFile = (permalink: string) => {
        const base = sitePath(permalink).replace(/\/$/, '');
        const file = [`${base}.html`, path.join(base, 'index.html')].find((f) => existsSync(f));
        if (!file) throw new Error(`books: no built page for ${permalink} in ${outDir}`);
        return file;
      };

      const started = Date.now();
      const sections = docsInReadingOrder(loadedDocs(plugins, 'books'), 'books');
      const parts: BookPart[] = await Promise.all(
        sections.map(async (s) => ({
          label: s.label ?? text.start,
          chapters: await Promise.all(
            s.docs.map(async (d) => {
              const file = pageFile(d.permalink);
              return {permalink: d.permalink, html: fillDiagrams(await readFile(file, 'utf8'), path.relative(outDir, file))};
            }),
          ),
        })),
      );
      const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const sheets = [...home.matchAll(/<link[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']?([^"'\s>]+\.css)/g)].map((m) => m[1]!);
      if (sheets.length === 0) throw new Error(`books: ${path.join(outDir, 'index.html')} links no stylesheet`);
      const css = (await Promise.all(sheets.map((s) => readFile(sitePath(s), 'utf8')))).join('\n');

      const origin = siteConfig.url.replace(/\/$/, '');
      const date = new Date().toISOString().slice(0, 10);
      const {title, summary} = await siteHeading(context.siteDir, locale, siteConfig.title, String(siteConfig.tagline), 'books');
      const html = bookHtml({
        lang: locale,
        title,
        subtitle: summary,
        imprint: text.made.replace('{url}', `${origin}${context.baseUrl}`).replace('{date}', date),
        contentsLabel: text.contents,
        parts,
        css,
        origin,
        asset: (p) => pathToFileURL(sitePath(p)).href,
      });

      const tmp = await mkdtemp(path.join(os.tmpdir(), 'cng-book-'));
      const out = path.join(outDir, BOOK_DIR, bookFile(locale, 'pdf'));
      const browser = await launchChrome();
      let diagrams: Map<string, string>;
      try {
        await writeFile(path.join(tmp, 'book.html'), html);
        const page = await browser.newPage();
        page.setDefaultTimeout(600_000);
        await page.goto(pathToFileURL(path.join(tmp, 'book.html')).href, {waitUntil: 'load', timeout: 300_000});
        diagrams = new Map(await page.evaluate(diagramsAsXml));
        await mkdir(path.dirname(out), {recursive: true});
        await page.pdf({
          path: out,
          format: 'A4',
          printBackground: true,
          outline: true,
          tagged: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: FOOTER,
          margin: {top: '16mm', bottom: '18mm', left: '14mm', right: '14mm'},
        });
      } finally {
        await browser.close();
        await rm(tmp, {recursive: true, force: true});
      }
      const size = (await stat(out)).size;
      console.log(`[books] ${path.relative(outDir, out)}: ${(size / 1e6).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s`);

      const epubStarted = Date.now();
      const epubOut = path.join(outDir, BOOK_DIR, bookFile(locale, 'epub'));
      await writeFile(
        epubOut,
        await makeEpub({lang: locale, title, description: summary, contentsLabel: text.contents, parts, origin, diagrams}),
      );
      const epubSize = (await stat(epubOut)).size;
      console.log(
        `[books] ${path.relative(outDir, epubOut)}: ${(epubSize / 1e6).toFixed(1)} MB, ${((Date.now() - epubStarted) / 1000).toFixed(0)} s`,
      );
    },
  };
}
