import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {jsxAttributes} from '../../build/mdx';
import {MermaidSyntaxError, renderer} from './renderer';

/** The diagram's `accTitle:` line, which names it to screen readers and in the full-screen view. */
export const accTitle = (source: string): string | undefined => /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1];

/**
 * Turns every ```mermaid fence into <StaticMermaid id width height title />: the
 * diagram is rendered here, at build time, into the diagram store
 * (./store.ts), from which ./plugin.ts puts its SVG (light and dark) into the
 * page's HTML after the build. A diagram that does not parse stops the build
 * with its file and line. StaticMermaid is global (src/theme/MDXComponents.tsx).
 */
export default function remarkMermaidStatic() {
  return async (tree: Root, file: VFile) => {
    const jobs: Promise<void>[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const fenceLine = node.position?.start.line ?? 0;
      jobs.push(
        renderer.render(node.value).then(
          (d) => {
            parent.children[index] = {
              type: 'mdxJsxFlowElement',
              name: 'StaticMermaid',
              attributes: jsxAttributes({id: d.id, width: String(d.width), height: String(d.height), title: accTitle(node.value)}),
              children: [],
            };
          },
          (e: unknown) => {
            const line = e instanceof MermaidSyntaxError && e.line ? fenceLine + e.line : fenceLine;
            throw new Error(`${file.path}:${line}: this Mermaid diagram does not parse: ${(e as Error).message}`);
          },
        ),
      );
    });
    await Promise.all(jobs);
  };
}
