import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Link, Root} from 'mdast';
import {findAndReplace} from 'mdast-util-find-and-replace';
import type {VFile} from 'vfile';
import {localeOf} from '../../build/mdx';
import {ALIASES_FILE, type Aliases, zhAliases} from './aliases';

export interface Term {
  id: string;
  text: string;
}

const GLOSSARY = 'kubernetes/glossary.mdx';
const GLOSSARY_URL = '/docs/kubernetes/glossary';

/**
 * Terms from the glossary's entries, its `###` headings: `### veth pair (虚拟网卡对) {#veth}`
 * in English, `### veth 对（虚拟网卡对） {#veth}` in Chinese. The term is the heading up to
 * the gloss in brackets (a heading may have none); the id is the anchor. Longer terms come first.
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

/**
 * Any of the terms, longest first; an English term only as a whole word (not "pod" in "pods" or
 * "kube-proxy/"). In Chinese text a word has no spaces around it, so only a term's Latin ends are
 * held to word boundaries: "tc" is not linked inside "etcd", but 网桥 is linked in 主机网桥上.
 */
function termPattern(terms: readonly Term[], locale: 'en' | 'zh'): RegExp {
  if (locale === 'en') {
    const any = terms.map((t) => escape(t.text)).join('|');
    return new RegExp(`(?<![\\w/.-])(?:${any})(?![\\w/-])`, 'g');
  }
  const any = terms
    .map((t) => `${/^\w/.test(t.text) ? '(?<![\\w/.-])' : ''}${escape(t.text)}${/\w$/.test(t.text) ? '(?![\\w/-])' : ''}`)
    .join('|');
  return new RegExp(any, 'g');
}

/**
 * What Chinese pages link: each entry's Chinese term, its English term (Chinese chapters name
 * many things by their English name: conntrack or 连接跟踪, NetworkPolicy or 网络策略) and its
 * aliases (aliases.ts). A gloss in brackets is not a term: 服务 in `Service（服务）` would link
 * every 服务器. A text naming two entries, or an alias of an unknown entry, stops the build.
 */
export function chineseTerms(zh: readonly Term[], en: readonly Term[], aliases: Aliases, zhFile: string): Term[] {
  const ids = new Map(zh.map((t) => [t.text, {id: t.id, where: `the Chinese term of #${t.id} in ${zhFile}`}]));
  const add = (term: Term, where: string) => {
    const other = ids.get(term.text);
    if (other && other.id !== term.id) throw new Error(`"${term.text}" is ${other.where} and ${where}; a text can name only one entry`);
    ids.set(term.text, other ?? {id: term.id, where});
  };
  for (const t of en) if (zh.some((z) => z.id === t.id)) add(t, `the English term of #${t.id}`);
  for (const [id, texts] of Object.entries(aliases)) {
    if (!zh.some((z) => z.id === id)) throw new Error(`${ALIASES_FILE}: "${id}" is not an entry of ${zhFile}`);
    for (const text of texts) add({id, text}, `an alias of #${id} in ${ALIASES_FILE}`);
  }
  return [...ids].map(([text, {id}]) => ({id, text})).sort((a, b) => b.text.length - a.text.length);
}

/**
 * Links the first use of each glossary term on a page to its glossary entry,
 * so chapters need not do it by hand and a renamed entry cannot leave stale
 * links. Where terms overlap, the longest wins. Headings, links, code and
 * JSX (admonitions, components) are left alone.
 */
export default function remarkGlossaryLinks(options: {docsDir: string; zhDocsDir: string; zhAliases?: Aliases}) {
  const en = glossaryTerms(path.join(options.docsDir, GLOSSARY), 'en');
  const zhFile = path.join(options.zhDocsDir, GLOSSARY);
  const glossaries = {en, zh: chineseTerms(glossaryTerms(zhFile, 'zh'), en, options.zhAliases ?? zhAliases, zhFile)};
  const patterns = {en: termPattern(glossaries.en, 'en'), zh: termPattern(glossaries.zh, 'zh')};
  return (tree: Root, file: VFile) => {
    if (file.path.endsWith(GLOSSARY) || /[\\/]references[\\/]/.test(file.path)) return;
    const locale = localeOf(file);
    const byText = new Map(glossaries[locale].map((t) => [t.text, t]));
    // By id: a term written two ways (conntrack, 连接跟踪) is still linked once per page.
    const pending = new Set(glossaries[locale].map((t) => t.id));
    findAndReplace(
      tree,
      [
        patterns[locale],
        (text: string): Link | false => {
          const term = byText.get(text);
          if (!term || !pending.has(term.id)) return false;
          pending.delete(term.id);
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
