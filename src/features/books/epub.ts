import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import epub from 'epub-gen-memory';
import {select, selectAll} from 'hast-util-select';
import {toHtml} from 'hast-util-to-html';
import {toString} from 'hast-util-to-string';
import {builtArticle, dropPageOnly, element, openCollapsed, replaceNode} from '../../build/article';
import {chapterAnchor, type BookPart} from './book-html';

export interface EpubInput {
  lang: string;
  title: string;
  description: string;
  contentsLabel: string;
  parts: BookPart[];
  origin: string;
  /** Each diagram as a standalone SVG document, by id (serialized by the browser that printed the PDF). */
  diagrams: ReadonlyMap<string, string>;
}

/**
 * The whole guide as an EPUB 3: a title page per part, then a file per chapter
 * with its text, tables and listings as the page shows them. Diagrams become
 * SVG images (the EPUB library keeps only XHTML attributes on inline markup,
 * which would strip an inline SVG's geometry); collapsed blocks are opened;
 * links between chapters point into the book, other links to the site.
 */
export async function makeEpub(input: EpubInput): Promise<Buffer> {
  const files = new Map<string, string>();
  for (const part of input.parts)
    for (const c of part.chapters) files.set(c.permalink.replace(/\/$/, ''), `${chapterAnchor(c.permalink)}.xhtml`);
  const images = await mkdtemp(path.join(os.tmpdir(), 'cng-epub-'));
  try {
    const chapters: {title: string; content: string; filename?: string}[] = [];
    for (const [i, part] of input.parts.entries()) {
      chapters.push({title: part.label, content: `<h1>${escape(part.label)}</h1>`, filename: `part-${i + 1}.xhtml`});
      for (const chapter of part.chapters) {
        const article = builtArticle(chapter.html, 'books (EPUB)', chapter.permalink);
        dropPageOnly(article);
        for (const figure of selectAll('figure[data-diagram]', article)) {
          const id = String(figure.properties.dataDiagram);
          const svg = input.diagrams.get(id);
          if (!svg) throw new Error(`books (EPUB): ${chapter.permalink}: diagram ${id} was not in the printed book`);
          const file = path.join(images, `${id}.svg`);
          await writeFile(file, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
          const label = select('[aria-label]', figure)?.properties.ariaLabel ?? 'diagram';
          replaceNode(article, figure, [element('p', [element('img', [], {src: pathToFileURL(file).href, alt: String(label)})])]);
        }
        openCollapsed(article);
        for (const code of selectAll('pre code', article)) code.children = [{type: 'text', value: toString(code)}];
        const page = new URL(chapter.permalink, input.origin);
        for (const a of selectAll('a[href]', article)) {
          const href = String(a.properties.href);
          if (href.startsWith('#')) continue;
          const target = new URL(href, page);
          const file = target.origin === page.origin ? files.get(target.pathname.replace(/\/$/, '')) : undefined;
          a.properties.href = file ? `${file}${target.hash}` : target.href;
        }
        const title = toString(select('h1', article) ?? article).trim();
        chapters.push({title, content: toHtml(article), filename: files.get(chapter.permalink.replace(/\/$/, ''))});
      }
    }
    return await epub(
      {
        title: input.title,
        description: input.description,
        lang: input.lang,
        tocTitle: input.contentsLabel,
        numberChaptersInTOC: false,
        prependChapterTitles: false,
        author: input.title,
        publisher: input.origin,
        css: EPUB_CSS,
        verbose: false,
        ignoreFailedDownloads: false,
      },
      chapters,
    );
  } finally {
    await rm(images, {recursive: true, force: true});
  }
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const EPUB_CSS = `
body { font-family: sans-serif; line-height: 1.5; }
pre { white-space: pre-wrap; font-size: 0.8em; background: #f6f7f8; padding: 0.5em; }
code { font-family: monospace; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 0.25em 0.5em; }
img { max-width: 100%; }
`;
