import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Link, Root} from 'mdast';
import {findAndReplace} from 'mdast-util-find-and-replace';
import type {VFile} from 'vfile';
import {localeOf} from '../../build/mdx';

export interface Term {
  id: string;
  text: string;
}

const GLOSSARY = 'kubernetes/glossary.mdx';
const GLOSSARY_URL = '/docs/kubernetes/glossary';

/**
 * Terms from the glossary's entries, its `###` headings: `### veth pair (虚拟网卡对) {#veth}`
 * in English, `### 虚拟网卡对（veth pair） {#veth}` in Chinese. The term is the heading up to
 * the translation in brackets; the id is the anchor. Longer terms come first.
 */
export function glossaryTerms(file: string, locale: 'en' | 'zh'): Term[] {
  const terms: Term[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.startsWith('### ')) return;
      const m = /^###\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/.exec(line);
      const text = m?.[1]?.split(locale === 'en' ? ' (' : '（')[0]?.trim();
      if (!m?.[2] || !text || text.length < 2) {
        throw new Error(
          `${file}:${i + 1}: a glossary entry needs a term of two characters or more and an id, e.g. "### veth pair (虚拟网卡对) {#veth}"`,
        );
      }
      terms.push({id: m[2], text});
    });
  // Longer terms first, so "network namespace" wins over "namespace".
  return terms.sort((a, b) => b.text.length - a.text.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any of the terms, longest first; an English term only as a whole word (not "pod" in "pods" or "kube-proxy/"). */
function termPattern(terms: readonly Term[], locale: 'en' | 'zh'): RegExp {
  const any = terms.map((t) => escape(t.text)).join('|');
  return locale === 'en' ? new RegExp(`(?<![\\w/.-])(?:${any})(?![\\w/-])`, 'g') : new RegExp(any, 'g');
}

/**
 * Links the first use of each glossary term on a page to its glossary entry,
 * so chapters need not do it by hand and a renamed entry cannot leave stale
 * links. Where terms overlap, the longest wins. Headings, links, code and
 * JSX (admonitions, components) are left alone.
 */
export default function remarkGlossaryLinks(options: {docsDir: string; zhDocsDir: string}) {
  const glossaries = {
    en: glossaryTerms(path.join(options.docsDir, GLOSSARY), 'en'),
    zh: glossaryTerms(path.join(options.zhDocsDir, GLOSSARY), 'zh'),
  };
  const patterns = {en: termPattern(glossaries.en, 'en'), zh: termPattern(glossaries.zh, 'zh')};
  return (tree: Root, file: VFile) => {
    if (file.path.endsWith(GLOSSARY) || /[\\/]references[\\/]/.test(file.path)) return;
    const locale = localeOf(file);
    const pending = new Map(glossaries[locale].map((t) => [t.text, t]));
    findAndReplace(
      tree,
      [
        patterns[locale],
        (text: string): Link | false => {
          const term = pending.get(text);
          if (!term) return false;
          pending.delete(text);
          return {
            type: 'link',
            url: `${GLOSSARY_URL}#${term.id}`,
            data: {hProperties: {className: ['glossary-term']}},
            children: [{type: 'text', value: text}],
          };
        },
      ],
      {ignore: ['heading', 'link', 'linkReference', 'mdxJsxFlowElement', 'mdxJsxTextElement']},
    );
  };
}
