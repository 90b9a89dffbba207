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
        let filledCount = 0;
        const filled = html.replace(PLACEHOLDER, (_m, open: string, id: string, close: string) => {
          filledCount++;
          const diagram = readDiagram(id);
          if (!diagram) throw new Error(`${path.relative(outDir, file)}: diagram ${id} was not rendered (not in the diagram store)`);
          const fragment = diagramFragment(diagram);
          used.set(id, fragment);
          return `${open}${fragment}${close}`;
        });
        const figures = html.match(/<figure[^>]*\bdata-diagram=/g)?.length ?? 0;
        if (filledCount !== figures)
          throw new Error(
            `${path.relative(outDir, file)}: ${figures} diagram figures, ${filledCount} with a box for the SVG (StaticMermaid's markup changed?)`,
          );
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
