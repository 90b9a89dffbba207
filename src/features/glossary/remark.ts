import {readFileSync} from 'node:fs';
import path from 'node:path';
import {type Node, type VFileLike, filePath, localeOf} from '../../build/mdx';

interface Term {
  id: string;
  text: string;
}

const GLOSSARY = 'kubernetes/glossary.mdx';
const GLOSSARY_URL = '/docs/kubernetes/glossary';

/** Terms from the glossary's headings: `### veth pair (虚拟网卡对) {#veth}` or `### 虚拟网卡对（veth pair） {#veth}`. */
export function glossaryTerms(file: string, locale: 'en' | 'zh'): Term[] {
  const terms: Term[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/^###\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/gm)) {
    const heading = m[1] ?? '';
    const text = (locale === 'en' ? heading.split(' (')[0] : heading.split('（')[0])?.trim();
    if (text && text.length >= 2) terms.push({id: m[2] ?? '', text});
  }
  // Longer terms first, so "network namespace" wins over "namespace".
  return terms.sort((a, b) => b.text.length - a.text.length);
}

const SKIP = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

/**
 * Links the first use of each glossary term on a page to its glossary entry,
 * so chapters need not do it by hand and a renamed entry cannot leave stale links.
 */
export default function remarkGlossaryLinks(options: {docsDir: string; zhDocsDir: string}) {
  const termsByLocale = {
    en: glossaryTerms(path.join(options.docsDir, GLOSSARY), 'en'),
    zh: glossaryTerms(path.join(options.zhDocsDir, GLOSSARY), 'zh'),
  };
  return (tree: Node, file: VFileLike) => {
    if (filePath(file).endsWith(GLOSSARY) || /[\\/]references[\\/]/.test(filePath(file))) return;
    const locale = localeOf(file);
    const pending = new Map(termsByLocale[locale].map((t) => [t.text, t]));
    const pattern = (t: Term) =>
      locale === 'en' ? new RegExp(`(?<![\\w/.-])${t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-])`) : new RegExp(t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

    const walk = (node: Node) => {
      if (!node.children || pending.size === 0) return;
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i]!;
        if (SKIP.has(child.type)) continue;
        if (child.type !== 'text') {
          walk(child);
          continue;
        }
        const value = child.value ?? '';
        let best: {term: Term; index: number} | undefined;
        for (const term of pending.values()) {
          const m = pattern(term).exec(value);
          if (m && (!best || m.index < best.index)) best = {term, index: m.index};
        }
        if (!best) continue;
        pending.delete(best.term.text);
        const {term, index} = best;
        const link = {
          type: 'link',
          url: `${GLOSSARY_URL}#${term.id}`,
          data: {hProperties: {className: 'glossary-term'}},
          children: [{type: 'text', value: value.slice(index, index + term.text.length)}],
        } as unknown as Node;
        node.children.splice(
          i,
          1,
          {type: 'text', value: value.slice(0, index)},
          link,
          {type: 'text', value: value.slice(index + term.text.length)},
        );
        i += 1; // continue with the text after the link
      }
    };
    walk(tree);
  };
}
