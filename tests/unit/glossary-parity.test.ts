import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {escapeMarkdownHeadingIds} from '@docusaurus/utils';
import type {Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import remarkGlossaryLinks from '../../src/features/glossary/remark';
import {DOCS_DIR, listDocs, ZH_DOCS_DIR} from '../../scripts/lib/docs';

/**
 * Chapters whose Chinese text has no word for a term the English one links, and why. The test
 * fails on a new gap and on an entry here that no longer is one, so the list only shrinks.
 */
const ACCEPTED: Record<string, Record<string, string>> = {
  'kubernetes/dns.mdx': {'link-local': 'the zh text gives 169.254.20.10 without calling it a link-local address'},
  'kubernetes/kubernetes-for-networkers.mdx': {cidr: 'the zh text says 地址块 where the English says CIDR'},
  'kubernetes/network-model.mdx': {cidr: 'the zh text says 地址块 where the English says CIDR'},
  'kubernetes/pod-to-pod.mdx': {cidr: 'the zh text says 地址块 where the English says CIDR'},
  'something-is-broken.mdx': {cidr: 'the zh text names podCIDR only in a command'},
  'kubernetes/service-discovery.mdx': {
    'headless-service': 'the zh text names headless Services only in code',
    bridge: 'the zh text has no bridge outside code',
  },
  'kubernetes/service-mesh.mdx': {nat: 'the zh text already links NAT to the netfilter chapter by hand'},
};

const GLOSSARY_PREFIX = '/docs/kubernetes/glossary#';
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

/**
 * The glossary ids a page links, computed as the build does but from the source: the page is read
 * the way Docusaurus reads it ({#id} headings escaped) and the linker itself runs on it. By the time
 * the linker runs, Docusaurus has made each admonition JSX, which the linker skips; here its fences
 * become a JSX element's tags (not remark-directive, whose mdast types would leak into every test).
 */
function linkedIds(file: string, link: ReturnType<typeof remarkGlossaryLinks>): Map<string, string> {
  const source = escapeMarkdownHeadingIds(readFileSync(file, 'utf8'))
    .replace(/^(\s*):{3,}[a-z]+.*$/gm, '$1<Admonition>')
    .replace(/^(\s*):{3,}\s*$/gm, '$1</Admonition>');
  const tree = parser.runSync(parser.parse(source)) as Root;
  link(tree, new VFile({path: file}));
  const ids = new Map<string, string>();
  visit(tree, 'link', (node) => {
    if (!node.url.startsWith(GLOSSARY_PREFIX)) return;
    ids.set(node.url.slice(GLOSSARY_PREFIX.length), node.children.map((c) => ('value' in c ? c.value : '')).join(''));
  });
  return ids;
}

/** "chapter: term (#id)" for every term the English page links and its Chinese twin does not. */
function gaps(chapters: readonly string[], enDir: string, zhDir: string, link: ReturnType<typeof remarkGlossaryLinks>) {
  return chapters.flatMap((chapter) => {
    const zh = linkedIds(path.join(zhDir, chapter), link);
    return [...linkedIds(path.join(enDir, chapter), link)].filter(([id]) => !zh.has(id)).map(([id, text]) => ({chapter, id, text}));
  });
}

describe('glossary links in both languages', () => {
  const link = remarkGlossaryLinks({docsDir: DOCS_DIR, zhDocsDir: ZH_DOCS_DIR});
  const chapters = listDocs(DOCS_DIR).filter(
    (rel) => rel !== 'kubernetes/glossary.mdx' && !rel.startsWith('references/') && existsSync(path.join(ZH_DOCS_DIR, rel)),
  );

  test('every term a chapter links in English is linked in its Chinese twin', () => {
    assert.ok(chapters.length > 40, `only ${chapters.length} chapters found`);
    const found = gaps(chapters, DOCS_DIR, ZH_DOCS_DIR, link);
    const unexpected = found.filter((g) => !ACCEPTED[g.chapter]?.[g.id]);
    assert.deepEqual(
      unexpected.map((g) => `${g.chapter}: "${g.text}" (#${g.id}) is linked in English, but no Chinese term of #${g.id} is`),
      [],
      'write the term as the Chinese glossary heading does, or give the entry an alias in src/features/glossary/aliases.ts',
    );
    const stale = Object.entries(ACCEPTED).flatMap(([chapter, ids]) =>
      Object.keys(ids)
        .filter((id) => !found.some((g) => g.chapter === chapter && g.id === id))
        .map((id) => `${chapter}: #${id}`),
    );
    assert.deepEqual(stale, [], 'these are linked in Chinese now: remove them from ACCEPTED in this test');
  });

  test('a Chinese chapter that leaves out a term the English one links is reported, naming the chapter and the term', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cng-glossary-parity-'));
    after(() => rmSync(dir, {recursive: true, force: true}));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      writeFileSync(path.join(dir, file), text);
    };
    write('en/kubernetes/glossary.mdx', '### veth pair (虚拟网卡对) {#veth}\n\n### conntrack (连接跟踪) {#conntrack}\n');
    write('zh/kubernetes/glossary.mdx', '### veth 对（虚拟网卡对） {#veth}\n\n### 连接跟踪（conntrack） {#conntrack}\n');
    write('en/chapter.mdx', '---\ntitle: A chapter\n---\n\n## Wiring {#wiring}\n\nA veth pair joins them; conntrack follows each flow.\n');
    // An admonition is JSX by the time the linker runs, so its veth 对 is not linked.
    write(
      'zh/chapter.mdx',
      '---\ntitle: 一章\n---\n\n## 连线 {#wiring}\n\n两端由一根虚拟线缆相连，conntrack 跟踪每条流。\n\n:::note\n\nveth 对\n\n:::\n',
    );
    const site = {docsDir: path.join(dir, 'en'), zhDocsDir: path.join(dir, 'zh')};
    const found = gaps(['chapter.mdx'], site.docsDir, site.zhDocsDir, remarkGlossaryLinks({...site, zhAliases: {}}));
    assert.deepEqual(found, [{chapter: 'chapter.mdx', id: 'veth', text: 'veth pair'}]);
  });
});
