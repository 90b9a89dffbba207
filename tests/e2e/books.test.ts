/** The whole guide as a PDF per locale (src/features/books), read back with poppler's tools. */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test, type TestContext} from 'node:test';
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

const squash = (s: string) => s.replace(/\s+/g, '');

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

    test(`${locale}: the home page links its book`, (t) => {
      const file = book(t, dir, locale);
      if (!file) return;
      const home = readFileSync(path.join(BUILD_DIR, dir, 'index.html'), 'utf8');
      assert.match(home, new RegExp(`href="?[^"\\s>]*/${BOOK_DIR}/${bookFile(locale, 'pdf').replace(/\./g, '\\.')}`));
    });
  }
});
