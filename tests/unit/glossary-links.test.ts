import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import remarkGlossaryLinks, {glossaryTerms} from '../../src/features/glossary/remark';
import type {Node} from '../../src/build/mdx';
import {DOCS_DIR, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import path from 'node:path';

const run = remarkGlossaryLinks({docsDir: DOCS_DIR, zhDocsDir: ZH_DOCS_DIR});
const text = (value: string): Node => ({type: 'text', value});
const para = (...children: Node[]): Node => ({type: 'paragraph', children});
const links = (tree: Node): {url: string; text: string}[] => {
  const out: {url: string; text: string}[] = [];
  const walk = (n: Node) => {
    if (n.type === 'link') out.push({url: (n as unknown as {url: string}).url, text: n.children?.[0]?.value ?? ''});
    n.children?.forEach(walk);
  };
  walk(tree);
  return out;
};

describe('glossary links', () => {
  test('the glossary defines terms in both languages with the same ids', () => {
    const en = glossaryTerms(path.join(DOCS_DIR, 'kubernetes/glossary.mdx'), 'en');
    const zh = glossaryTerms(path.join(ZH_DOCS_DIR, 'kubernetes/glossary.mdx'), 'zh');
    assert.ok(en.length >= 60, `${en.length} terms`);
    assert.deepEqual(new Set(en.map((t) => t.id)), new Set(zh.map((t) => t.id)));
  });

  test('the first use of a term on a page links to its entry; later uses, headings and code do not', () => {
    const tree: Node = {
      type: 'root',
      children: [
        {type: 'heading', children: [text('conntrack in a heading')]},
        para({type: 'inlineCode', value: 'conntrack -L'}, text(' shows what conntrack remembers; conntrack again.')),
        para(text('Later, conntrack is not linked a second time.')),
      ],
    };
    run(tree, {path: '/site/docs/linux/netfilter.mdx'});
    assert.deepEqual(links(tree), [{url: '/docs/kubernetes/glossary#conntrack', text: 'conntrack'}]);
  });

  test('Chinese pages link the Chinese term', () => {
    const tree: Node = {type: 'root', children: [para(text('数据包经过网桥转发。'))]};
    run(tree, {path: '/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/linux/linux-bridge.mdx'});
    assert.deepEqual(links(tree), [{url: '/docs/kubernetes/glossary#bridge', text: '网桥'}]);
  });

  test('the glossary itself and the reference pages are left alone', () => {
    const tree: Node = {type: 'root', children: [para(text('conntrack'))]};
    run(tree, {path: '/site/docs/kubernetes/glossary.mdx'});
    run(tree, {path: '/site/docs/references/dns.mdx'});
    assert.deepEqual(links(tree), []);
  });
});
