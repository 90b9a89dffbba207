import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {references} from '../../src/data/references';
import type {ReadingItem} from '../../src/data/references/localised';
import type {CategoryCount} from '../../src/features/references/category-counts';
import remarkReferences from '../../src/features/references/remark';

/**
 * One of our pages as a stock Docusaurus site would carry it: the same
 * front matter, text, code blocks and outside links, in plain Markdown, with
 * no diagram and no component of ours. It shows the same lab script and
 * output (read from labs/) and the same further reading (expanded by the
 * site's own remark plugin), written as code blocks and lists. Links inside
 * the site become their text (the stock site has none of those pages), and
 * headings lose their explicit ids.
 */
export function plainMarkdown(source: string, file: string, labsDir: string): string {
  const expandReferences = remarkReferences();
  const expand = (name: string, attributes: Record<string, string>): Root => {
    const node: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name,
      attributes: Object.entries(attributes).map(([n, value]) => ({type: 'mdxJsxAttribute', name: n, value})),
      children: [],
    };
    const tree: Root = {type: 'root', children: [node]};
    expandReferences(tree, new VFile({path: file}));
    return tree;
  };
  const attr = (tree: Root, name: string) => {
    const node = tree.children.find((n) => n.type === 'mdxJsxFlowElement');
    return (node?.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined) ?? '';
  };
  const lab = (name: string, ext: string) => readFileSync(path.join(labsDir, `${name}.${ext}`), 'utf8').trimEnd();

  return (
    withoutDiagrams(source)
      .replace(/<(\w+)((?:\s+\w+="[^"]*")*)\s*\/>/g, (tag, name: string, rawAttributes: string) => {
        if (!['Lab', 'Ref', 'FurtherReading', 'ReferenceOverview'].includes(name)) return tag;
        const attributes = Object.fromEntries([...rawAttributes.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
        if (name === 'Lab') {
          return `\`\`\`bash title="labs/${attributes.name}.sh"\n${lab(attributes.name!, 'sh')}\n\`\`\`\n\n\`\`\`text\n${lab(attributes.name!, 'expected.txt')}\n\`\`\``;
        }
        if (name === 'Ref') {
          const ref = references.find((r) => r.id === attributes.id);
          if (!ref) throw new Error(`${file}: no reference has id "${attributes.id}"`);
          return `[${ref.title}](${ref.url})`;
        }
        const tree = expand(name, attributes);
        if (name === 'FurtherReading') {
          const items = JSON.parse(attr(tree, 'data')) as ReadingItem[];
          return items
            .map((e) => {
              const meta = [e.authors.join(', '), e.year].filter(Boolean).join(' · ');
              const instead = e.status.successor ? ` Read instead: ${e.status.successor.title}.` : '';
              return `- [${e.title}](${e.url})${meta ? ` · ${meta}` : ''}${e.status.state === 'active' ? '' : ` (${e.status.state})`}\n  ${e.summary}${instead}`;
            })
            .join('\n');
        }
        const counts = JSON.parse(attr(tree, 'data')) as CategoryCount[];
        return counts.map((c) => `- **${c.label}** (${c.total}, ${c.current})\n  ${c.intro}`).join('\n');
      })
      .replace(/(?<!!)\[([^\]]+)\]\((?!https?:\/\/)[^)]+\)/g, '$1')
      // Explicit heading ids need markdown.mdx1Compat.headingIds, which future.v4 turns off and our config turns back on.
      .replace(/ \{#[\w-]+\}$/gm, '')
  );
}

/** A page's source with its Mermaid fences removed. */
export function withoutDiagrams(source: string): string {
  return source.replace(/```mermaid\n[\s\S]*?\n```\n?/g, '');
}

/** Where a page's Chinese twin lives, relative to the site. */
export function chineseTwin(docPath: string): string {
  return path.join('i18n/zh-Hans/docusaurus-plugin-content-docs/current', path.relative('docs', docPath));
}
