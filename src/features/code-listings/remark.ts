import {highlight} from './highlight';
import {type Node, addDefaultImport} from '../../build/mdx';

/**
 * Turns every code fence into <Listing language title lineNumbers html />,
 * highlighted here at build time, so that pages neither ship nor run Prism.
 * The fence's meta keeps its Docusaurus meaning: title="…" and showLineNumbers.
 * Mermaid fences are left to the diagram plugins.
 */
export default function remarkCodeListings() {
  return (tree: Node) => {
    let used = false;
    const walk = (node: Node) => {
      node.children?.forEach((child, index) => {
        if (child.type !== 'code' || child.lang === 'mermaid') return walk(child);
        used = true;
        const meta = child.meta ?? '';
        const title = /title="([^"]*)"/.exec(meta)?.[1];
        const attributes = [
          ...(child.lang ? [{type: 'mdxJsxAttribute', name: 'language', value: child.lang}] : []),
          ...(title ? [{type: 'mdxJsxAttribute', name: 'title', value: title}] : []),
          ...(/\bshowLineNumbers\b/.test(meta) ? [{type: 'mdxJsxAttribute', name: 'lineNumbers', value: null}] : []),
          {type: 'mdxJsxAttribute', name: 'html', value: highlight(child.value ?? '', child.lang ?? undefined)},
        ];
        node.children![index] = {type: 'mdxJsxFlowElement', name: 'Listing', attributes, children: []};
      });
    };
    walk(tree);
    if (used) addDefaultImport(tree, 'Listing', '@site/src/features/code-listings/Listing');
  };
}
