/** The whole guide as a PDF and an EPUB per locale (src/features/books), read back with poppler's tools and unzipped. */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test, type TestContext} from 'node:test';
import JSZip from 'jszip';
import {bookFile, BOOK_DIR} from '../../src/features/books/constants';
import {chapterAnchor} from '../../src/features/books/book-html';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR} from '../helpers/site';

const LOCALES = [
  {locale: 'en', dir: '', sample: 'network namespace'},
  {locale: 'zh-Hans', dir: 'zh-Hans/', sample: '网络命名空间'},
] as const;

const poppler = (tool: string, args: string[]) => execFileSync(tool, args, {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});

/** The book's file, or undefined (skipped, a failure under CI=true) without a build or poppler. */
function book(t: TestContext, dir: string, locale: string): string | undefined {
  const file = path.join(BUILD_DIR, dir, BOOK_DIR, bookFile(locale, 'pdf'));
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
    skipOrFail(t, `no production build in ${BUILD_DIR}: run \`npm run build\` first`);
    return undefined;
  }
  try {
    poppler('pdfinfo', ['-v']);
  } catch {
    skipOrFail(t, 'poppler-utils is not installed (sudo scripts/install-system-packages.sh)');
    return undefined;
  }
  assert.ok(existsSync(file), `${path.relative(BUILD_DIR, file)} is not in the build`);
  return file;
}

/** The titles of the docs in reading order, as llms.txt lists them. */
const titles = (dir: string) =>
  [...readFileSync(path.join(BUILD_DIR, dir, 'llms.txt'), 'utf8').matchAll(/^- \[([^\]]+)\]\(\S+?(\/docs\/[^)]*)\.md\)/gm)].map((m) => ({
    title: m[1]!,
    permalink: `/${dir}${m[2]!.slice(1)}`,
  }));

const EPUBCHECK = '/usr/share/java/epubcheck.jar';

const squash = (s: string) => s.replace(/\s+/g, '');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the guide as a PDF', () => {
  for (const {locale, dir, sample} of LOCALES) {
    test(`${locale}: every chapter in reading order, in the contents and in the body, with bookmarks, links and embedded fonts`, (t) => {
      const file = book(t, dir, locale);
      if (!file) return;
      const chapters = titles(dir);
      assert.ok(chapters.length > 40, `llms.txt lists ${chapters.length} pages`);

      const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
      assert.ok(pages > chapters.length * 3 && pages < 3000, `${pages} pages for ${chapters.length} chapters`);

      const text = squash(poppler('pdftotext', ['-raw', file, '-']));
      let at = 0;
      for (const pass of ['contents', 'body']) {
        for (const {title} of chapters) {
          const found = text.indexOf(squash(title), at);
          assert.ok(found >= 0, `${locale}: "${title}" is missing from the ${pass}, or out of order`);
          at = found + 1;
        }
      }
      assert.ok(text.includes(squash(sample)), `${locale}: "${sample}" is not in the text`);

      const dests = poppler('pdfinfo', ['-dests', file]);
      for (const {permalink} of chapters) assert.ok(dests.includes(chapterAnchor(permalink)), `no destination for ${permalink}`);
      const raw = readFileSync(file, 'latin1');
      assert.ok((raw.match(/\/Dest\b/g)?.length ?? 0) > chapters.length, 'the PDF has (almost) no internal links');
      assert.ok(raw.includes('/Outlines'), 'the PDF has no bookmarks');

      const fonts = poppler('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      assert.ok(
        fonts.length > 0 && fonts.every((f) => f.trim().split(/\s+/).at(-5) === 'yes'),
        `a font is not embedded:\n${fonts.join('\n')}`,
      );
      // Chromium embeds the CJK fonts (CFF outlines) as unnamed Type 3 fonts; that their text reads back is checked above.
    });

    test(`${locale}: the EPUB is a valid container whose contents list every chapter in order, with the diagrams as SVG images`, async (t) => {
      if (!book(t, dir, locale)) return;
      const file = path.join(BUILD_DIR, dir, BOOK_DIR, bookFile(locale, 'epub'));
      assert.ok(existsSync(file), `${path.relative(BUILD_DIR, file)} is not in the build`);
      const bytes = readFileSync(file);
      // The OCF rule: the first entry is "mimetype", stored, so its text sits at byte 38.
      assert.equal(bytes.subarray(30, 38).toString('latin1'), 'mimetype');
      assert.equal(bytes.subarray(38, 58).toString('latin1'), 'application/epub+zip');
      const zip = await JSZip.loadAsync(bytes);
      const read = async (name: string) => {
        const entry = zip.file(name);
        assert.ok(entry, `${name} is not in the EPUB`);
        return entry.async('string');
      };
      const rootfile = /full-path="([^"]+)"/.exec(await read('META-INF/container.xml'))?.[1];
      assert.ok(rootfile, 'container.xml names no package document');
      const opf = await read(rootfile);
      assert.match(opf, new RegExp(`<dc:language>${locale}</dc:language>`));
      const navHref = /<item[^>]*properties="nav"[^>]*href="([^"]+)"|<item[^>]*href="([^"]+)"[^>]*properties="nav"/.exec(opf);
      assert.ok(navHref, 'the package has no navigation document');
      const base = path.posix.dirname(rootfile);
      const nav = squash(await read(path.posix.join(base, navHref[1] ?? navHref[2]!)));
      let at = 0;
      for (const {title} of titles(dir)) {
        const found = nav.indexOf(squash(escapeXml(title)), at);
        assert.ok(found >= 0, `${locale}: "${title}" is missing from the EPUB's contents, or out of order`);
        at = found + 1;
      }
      const chapter = await read(path.posix.join(base, `${chapterAnchor(`/${dir}docs/linux/network-namespaces`)}.xhtml`));
      assert.ok(chapter.includes(sample), `the network namespaces chapter lacks "${sample}"`);
      const svg = /<img[^>]*src="([^"]+\.svg)"/.exec(chapter)?.[1];
      assert.ok(svg, 'the network namespaces chapter has no diagram image');
      assert.match(await read(path.posix.join(base, svg)), /<svg[^>]*viewBox=/);
      assert.match(opf, /media-type="image\/svg\+xml"/);

      // EPUBCheck, the W3C's validator (Debian's epubcheck package).
      let report: string;
      try {
        report = execFileSync('java', ['-jar', EPUBCHECK, file], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
      } catch (error) {
        const e = error as {code?: string; stdout?: string; stderr?: string};
        if (e.code === 'ENOENT' || !existsSync(EPUBCHECK)) {
          skipOrFail(t, `EPUBCheck is not installed (${EPUBCHECK}; sudo scripts/install-system-packages.sh)`);
          return;
        }
        report = `${e.stdout ?? ''}${e.stderr ?? ''}`;
      }
      assert.match(report, /Messages: 0 fatals \/ 0 errors \/ 0 warnings/, report.split('\n').slice(-12).join('\n'));
    });

    test(`${locale}: the home page and the page on how to read the guide link its books`, (t) => {
      const file = book(t, dir, locale);
      if (!file) return;
      for (const page of ['index.html', 'docs/how-to-read.html']) {
        const html = readFileSync(path.join(BUILD_DIR, dir, page), 'utf8');
        for (const format of ['pdf', 'epub'] as const) {
          assert.match(
            html,
            new RegExp(`href="?[^"\\s>]*/${BOOK_DIR}/${bookFile(locale, format).replace(/\./g, '\\.')}`),
            `${dir}${page} does not link the ${format.toUpperCase()}`,
          );
        }
      }
    });
  }
});
