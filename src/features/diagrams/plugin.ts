import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {htmlFiles} from '../../build/html-files';
import {readDiagram, type RenderedDiagram} from './store';

// The HTML is minified by then: attribute quotes may be gone. The SVG goes into the figure's empty
// data-diagram-svg box; only that box's own attributes (no text of the page's) lie between its name and ">".
const PLACEHOLDER = /(<figure[^>]*\bdata-diagram="?([0-9a-f]{16})"?[^>]*>[\s\S]*?\bdata-diagram-svg\b[^>]*>)(<\/div>)/g;

/** Both variants in the page; CSS shows the one that matches data-theme, so switching needs no script. */
export function diagramFragment(d: RenderedDiagram): string {
  return `<div class="static-mermaid__light">${d.light}</div><div class="static-mermaid__dark">${d.dark}</div>`;
}

/**
 * The page's HTML with each diagram's SVG in its figure; `used` collects the
 * fragments by id. A figure already filled is left as it is, so a page can go
 * through twice (the books do, while this plugin may still be at work).
 */
export function fillDiagrams(html: string, where: string, used = new Map<string, string>()): string {
  let filledCount = 0;
  const filled = html.replace(PLACEHOLDER, (_m, open: string, id: string, close: string) => {
    filledCount++;
    const diagram = readDiagram(id);
    if (!diagram) throw new Error(`${where}: diagram ${id} was not rendered (not in the diagram store)`);
    const fragment = diagramFragment(diagram);
    used.set(id, fragment);
    return `${open}${fragment}${close}`;
  });
  const empty = html.match(/\bdata-diagram-svg\b[^>]*><\/div>/g)?.length ?? 0;
  if (filledCount !== empty)
    throw new Error(`${where}: ${empty} empty diagram boxes, ${filledCount} inside a figure (StaticMermaid's markup changed?)`);
  return filled;
}

/**
 * After the build: puts each diagram's SVG into the HTML of the pages that
 * show it (readers see it with no JavaScript and no layout shift), and writes
 * it to assets/diagrams/<id>.html for pages reached by client-side navigation.
 */
export default function mermaidStaticPlugin(context: LoadContext): Plugin {
  return {
    name: 'mermaid-static',
    // Rendering happened while pages compiled (./remark.ts); the renderer closes its browser itself once idle.
    async postBuild({outDir}) {
      const otherLocales = new Set(context.i18n.locales.filter((l) => l !== context.i18n.currentLocale));
      const used = new Map<string, string>();
      for (const file of await htmlFiles(outDir, otherLocales)) {
        const html = await readFile(file, 'utf8');
        if (!html.includes('data-diagram=')) continue;
        const filled = fillDiagrams(html, path.relative(outDir, file), used);
        // Other plugins' postBuild runs alongside this one and may read the page (the search index does):
        // a rename means they see the page before or after, never half written.
        await writeFile(`${file}.tmp`, filled);
        await rename(`${file}.tmp`, file);
      }
      const dir = path.join(outDir, 'assets/diagrams');
      await mkdir(dir, {recursive: true});
      await Promise.all([...used].map(([id, fragment]) => writeFile(path.join(dir, `${id}.html`), fragment)));
    },
  };
}
