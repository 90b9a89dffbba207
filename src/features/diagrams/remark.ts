import {type Node, type VFileLike, filePath} from '../../build/mdx';
import {MermaidSyntaxError, renderer} from './renderer';

/**
 * Turns every ```mermaid fence into <StaticMermaid id width height />: the
 * diagram is rendered here, at build time, and its SVG (light and dark) is
 * put into the page's HTML by the diagrams plugin (./plugin.ts) after the build.
 * A diagram that does not parse stops the build with its file and line.
 */
export default function remarkMermaidStatic() {
  return async (tree: Node, file: VFileLike) => {
    const jobs: Promise<void>[] = [];
    const walk = (node: Node) => {
      node.children?.forEach((child, index) => {
        if (child.type === 'code' && child.lang === 'mermaid') {
          const fenceLine = child.position?.start.line ?? 0;
          jobs.push(
            renderer.render(child.value ?? '').then(
              (d) => {
                node.children![index] = {
                  type: 'mdxJsxFlowElement',
                  name: 'StaticMermaid',
                  attributes: [
                    {type: 'mdxJsxAttribute', name: 'id', value: d.id},
                    {type: 'mdxJsxAttribute', name: 'width', value: String(d.width)},
                    {type: 'mdxJsxAttribute', name: 'height', value: String(d.height)},
                  ],
                  children: [],
                };
              },
              (e: unknown) => {
                const line = e instanceof MermaidSyntaxError && e.line ? fenceLine + e.line : fenceLine;
                throw new Error(`${filePath(file)}:${line}: this Mermaid diagram does not parse: ${(e as Error).message}`);
              },
            ),
          );
        } else walk(child);
      });
    };
    walk(tree);
    await Promise.all(jobs);
  };
}
