import type {Element, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toHtml} from 'hast-util-to-html';
import {toString} from 'hast-util-to-string';

export interface BookChapter {
  /** The chapter's address on the site, base URL included: /docs/linux/bridge. */
  permalink: string;
  /** The built page. */
  html: string;
}

export interface BookPart {
  label: string;
  chapters: BookChapter[];
}

export interface BookInput {
  lang: string;
  title: string;
  subtitle: string;
  /** A line under the title: where the site lives and when the book was made. */
  imprint: string;
  contentsLabel: string;
  parts: BookPart[];
  /** The site's CSS, inlined so the book looks as the pages do (print rules included). */
  css: string;
  /** The site's origin: links to pages outside the book go there. */
  origin: string;
  /** Turns a site path (/img/x.svg) into an address the printing browser can load. */
  asset: (sitePath: string) => string;
}

/** /zh-Hans/docs/linux/bridge → ch-zh-hans-docs-linux-bridge: a chapter's anchor in the book. */
export const chapterAnchor = (permalink: string) =>
  `ch${permalink
    .replace(/\/$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()}`;

/**
 * The whole guide as one HTML document for the printing browser: a cover, a
 * table of contents, then each part and its chapters. Headings move one level
 * down (a part is h1, a chapter h2), so the PDF's bookmarks nest. Anchors are
 * made unique per chapter, and links between chapters become links inside
 * the book; links to pages the book does not hold go to the site.
 */
export function bookHtml(input: BookInput): string {
  const inBook = new Map<string, string>();
  for (const part of input.parts) for (const c of part.chapters) inBook.set(c.permalink.replace(/\/$/, ''), chapterAnchor(c.permalink));

  const body: string[] = [];
  const toc: string[] = [];
  input.parts.forEach((part, i) => {
    const partId = `part-${i + 1}`;
    toc.push(`<li><a href="#${partId}">${escape(part.label)}</a><ol>`);
    body.push(`<section class="book-part"><h1 id="${partId}">${escape(part.label)}</h1></section>`);
    for (const chapter of part.chapters) {
      const {html, title} = chapterHtml(chapter, inBook, input);
      toc.push(`<li><a href="#${chapterAnchor(chapter.permalink)}">${escape(title)}</a></li>`);
      body.push(html);
    }
    toc.push('</ol></li>');
  });

  return `<!doctype html>
<html lang="${input.lang}" data-theme="light">
<head><meta charset="utf-8"><title>${escape(input.title)}</title>
<style>${input.css}</style>
<style>${BOOK_CSS}</style>
</head>
<body>
<section class="book-cover"><h1>${escape(input.title)}</h1><p class="book-subtitle">${escape(input.subtitle)}</p><p>${escape(input.imprint)}</p></section>
<nav class="book-toc"><h1 id="contents">${escape(input.contentsLabel)}</h1><ol>${toc.join('')}</ol></nav>
${body.join('\n')}
</body>
</html>`;
}

function chapterHtml(chapter: BookChapter, inBook: ReadonlyMap<string, string>, input: BookInput): {html: string; title: string} {
  const tree: Root = fromHtml(chapter.html);
  const article = select('article .markdown', tree);
  if (!article) throw new Error(`books: ${chapter.permalink}: the built page has no "article .markdown"`);
  const anchor = chapterAnchor(chapter.permalink);
  const page = new URL(chapter.permalink, input.origin);

  const headings = selectAll('h1, h2, h3, h4, h5', article);
  const title = text(headings.find((h) => h.tagName === 'h1') ?? headings[0]);
  const ids = new Set<string>();
  for (const h of headings) {
    h.tagName = `h${Number(h.tagName[1]) + 1}`;
    if (h.properties.id) {
      ids.add(String(h.properties.id));
      h.properties.id = `${anchor}--${h.properties.id}`;
    }
  }
  const h2 = select('h2', article);
  if (h2) h2.properties.id = anchor;

  for (const a of selectAll('a[href]', article)) {
    const href = String(a.properties.href);
    if (href.startsWith('#')) {
      a.properties.href = ids.has(href.slice(1)) ? `#${anchor}--${href.slice(1)}` : `#${anchor}`;
      continue;
    }
    const target = new URL(href, page);
    const other = target.origin === page.origin ? inBook.get(target.pathname.replace(/\/$/, '')) : undefined;
    if (other) a.properties.href = target.hash ? `#${other}--${target.hash.slice(1)}` : `#${other}`;
    else a.properties.href = target.href;
  }
  // One text run per listing instead of a span per token: the tagged PDF has a node for every element, and the
  // token spans made up half the book's size. Code prints in one colour, as in most printed books.
  for (const code of selectAll('pre code', article)) code.children = [{type: 'text', value: toString(code)}];
  for (const img of selectAll('img[src]', article)) {
    const src = String(img.properties.src);
    if (src.startsWith('/')) img.properties.src = input.asset(src);
  }
  return {html: `<article class="book-chapter">${toHtml(article)}</article>`, title};
}

const text = (node: Element | undefined): string =>
  node
    ? node.children
        .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : ''))
        .join('')
        .trim()
    : '';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The book's own layout: a page per cover, contents and part, a new page per chapter. */
const BOOK_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
body { margin: 0; }
.book-cover { break-after: page; padding-top: 35vh; text-align: center; }
.book-cover h1 { font-size: 2.6rem; }
.book-subtitle { font-size: 1.25rem; }
.book-toc { break-after: page; }
.book-toc ol { list-style: none; padding-left: 0; }
.book-toc ol ol { padding-left: 1.5rem; margin-bottom: 0.75rem; }
.book-toc > ol > li > a { font-weight: 700; }
.book-part { break-before: page; break-after: page; padding-top: 30vh; text-align: center; }
.book-chapter { break-before: page; }
.book-chapter h2:first-of-type { font-size: 2rem; }
`;
