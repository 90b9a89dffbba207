import path from 'node:path';
import type {CategoryCount} from '../../src/features/references/ReferenceOverview';
import type {ReadingItem} from '../../src/data/references/localised';
import remarkLab from '../../src/features/labs/remark';
import type {Node} from '../../src/build/mdx';
import remarkReferences from '../../src/features/references/remark';

/**
 * One of our pages as a stock Docusaurus site would carry it: the same
 * front matter, text, code blocks and outside links, in plain Markdown, with
 * no diagram and no component of ours. Our components are expanded by the
 * site's own remark plugins, so the stock page shows the same lab script and
 * the same further reading, written as code blocks and lists. Links inside
 * the site become their text (the stock site has none of those pages), and
 * headings lose their explicit ids.
 */
export function plainMarkdown(source: string, file: string, labsDir: string): string {
  const expandLab = remarkLab({labsDir});
  const expandReferences = remarkReferences();
  const run = (name: string, attributes: Record<string, string>): Node => {
    const node: Node = {
      type: 'mdxJsxFlowElement',
      name,
      attributes: Object.entries(attributes).map(([n, value]) => ({type: 'mdxJsxAttribute', name: n, value})),
      children: [],
    };
    const tree: Node = {type: 'root', children: [node]};
    if (name === 'Lab') expandLab(tree, {path: file});
    else expandReferences(tree, {path: file});
    return node;
  };
  const attr = (node: Node, name: string) => (node.attributes?.find((a) => 'name' in a && a.name === name) as {value?: string} | undefined)?.value ?? '';

  return withoutDiagrams(source)
    .replace(/<(\w+)((?:\s+\w+="[^"]*")*)\s*\/>/g, (tag, name: string, rawAttributes: string) => {
      if (!['Lab', 'Ref', 'FurtherReading', 'ReferenceOverview'].includes(name)) return tag;
      const attributes = Object.fromEntries([...rawAttributes.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const node = run(name, attributes);
      if (name === 'Lab') {
        return `\`\`\`bash title="labs/${attributes.name}.sh"\n${attr(node, 'script')}\n\`\`\`\n\n\`\`\`text\n${attr(node, 'expected')}\n\`\`\``;
      }
      if (name === 'Ref') return `[${(node.children?.[0] as {value?: string} | undefined)?.value ?? ''}](${attr(node, 'href')})`;
      if (name === 'FurtherReading') {
        const items = JSON.parse(attr(node, 'data')) as ReadingItem[];
        return items
          .map((e) => {
            const meta = [e.authors.join(', '), e.year].filter(Boolean).join(' · ');
            const instead = e.status.successor ? ` Read instead: ${e.status.successor.title}.` : '';
            return `- [${e.title}](${e.url})${meta ? ` · ${meta}` : ''}${e.status.state === 'active' ? '' : ` (${e.status.state})`}\n  ${e.summary}${instead}`;
          })
          .join('\n');
      }
      const counts = JSON.parse(attr(node, 'data')) as CategoryCount[];
      return counts.map((c) => `- **${c.label}** (${c.total}, ${c.current})\n  ${c.intro}`).join('\n');
    })
    .replace(/(?<!!)\[([^\]]+)\]\((?!https?:\/\/)[^)]+\)/g, '$1')
    // Explicit heading ids need markdown.mdx1Compat.headingIds, which future.v4 turns off and our config turns back on.
    .replace(/ \{#[\w-]+\}$/gm, '');
}

/** A page's source with its Mermaid fences removed. */
export function withoutDiagrams(source: string): string {
  return source.replace(/```mermaid\n[\s\S]*?\n```\n?/g, '');
}

/** Where a page's Chinese twin lives, relative to the site. */
export function chineseTwin(docPath: string): string {
  return path.join('i18n/zh-Hans/docusaurus-plugin-content-docs/current', path.relative('docs', docPath));
}
