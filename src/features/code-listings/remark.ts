import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import {addDefaultImport, jsxAttributes} from '../../build/mdx';
import {highlight} from './highlight';

/**
 * Turns every code fence into <Listing language title lineNumbers html />,
 * highlighted here at build time, so that pages neither ship nor run Prism.
 * The fence's meta keeps its Docusaurus meaning: title="…" and showLineNumbers.
 *
 * Mermaid fences never get here: this plugin is one of the docs' remarkPlugins,
 * which run after the diagram plugin (beforeDefaultRemarkPlugins, when
 * diagrams are rendered at build time) and after Docusaurus's own Mermaid
 * plugin (markdown.mermaid, when they are rendered in the browser).
 */
export default function remarkCodeListings() {
  return (tree: Root) => {
    let used = false;
    visit(tree, 'code', (node, index, parent) => {
      if (!parent || index === undefined) return;
      used = true;
      const meta = node.meta ?? '';
      const listing: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Listing',
        attributes: jsxAttributes({
          language: node.lang || undefined,
          title: /title="([^"]*)"/.exec(meta)?.[1] || undefined,
          lineNumbers: /\bshowLineNumbers\b/.test(meta) ? null : undefined,
          html: highlight(node.value, node.lang ?? undefined),
        }),
        children: [],
      };
      parent.children[index] = listing;
    });
    if (used) addDefaultImport(tree, 'Listing', '@site/src/features/code-listings/Listing');
  };
}
