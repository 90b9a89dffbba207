import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import type {Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast';
import {VFile} from 'vfile';
import remarkGlossaryLinks, {glossaryTerms} from '../../src/features/glossary/remark';
import {DOCS_DIR, ZH_DOCS_DIR} from '../../scripts/lib/docs';

const GLOSSARY = 'kubernetes/glossary.mdx';
const text = (value: string): Text => ({type: 'text', value});
const para = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children});
const root = (...children: RootContent[]): Root => ({type: 'root', children});
const links = (tree: Root | RootContent): {url: string; text: string}[] => {
  if (tree.type === 'link') return [{url: tree.url, text: tree.children.map((c) => ('value' in c ? c.value : '')).join('')}];
  return 'children' in tree ? tree.children.flatMap(links) : [];
};

/** A site whose glossaries hold the given headings. */
function fixtureSite(en: string[], zh: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cng-glossary-'));
  const docsDir = path.join(dir, 'docs');
  const zhDocsDir = path.join(dir, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current');
  for (const [base, headings] of [
    [docsDir, en],
    [zhDocsDir, zh],
  ] as const) {
    mkdirSync(path.join(base, 'kubernetes'), {recursive: true});
    writeFileSync(path.join(base, GLOSSARY), `# Glossary\n\n${headings.map((h) => `${h}\n\nA definition.\n`).join('\n')}`);
  }
  // Without the guide's aliases, whose ids these glossaries lack.
  return {dir, docsDir, zhDocsDir, zhAliases: {}};
}

describe('glossary links', () => {
  const run = remarkGlossaryLinks({docsDir: DOCS_DIR, zhDocsDir: ZH_DOCS_DIR});
  const fixtures: string[] = [];
  after(() => fixtures.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  test('every entry of the glossary is a term, and both languages have the same entries', () => {
    const terms = {en: glossaryTerms(path.join(DOCS_DIR, GLOSSARY), 'en'), zh: glossaryTerms(path.join(ZH_DOCS_DIR, GLOSSARY), 'zh')};
    for (const [locale, dir] of [
      ['en', DOCS_DIR],
      ['zh', ZH_DOCS_DIR],
    ] as const) {
      const entries = readFileSync(path.join(dir, GLOSSARY), 'utf8').match(/^### /gm)?.length ?? 0;
      assert.equal(terms[locale].length, entries, `${locale}: one term per ### heading`);
    }
    assert.deepEqual(new Set(terms.en.map((t) => t.id)), new Set(terms.zh.map((t) => t.id)));
  });

  test('an entry without an id stops the build with the glossary’s file and line', () => {
    const site = fixtureSite(['### veth pair (虚拟网卡对) {#veth}', '### conntrack (连接跟踪)'], ['### veth 对（虚拟网卡对） {#veth}']);
    fixtures.push(site.dir);
    assert.throws(
      () => glossaryTerms(path.join(site.docsDir, GLOSSARY), 'en'),
      /docs\/kubernetes\/glossary\.mdx:7: a glossary entry needs a term .* and an id/,
    );
  });

  test('the first use of a term on a page links to its entry; later uses, headings, links, code and components do not', () => {
    const tree = root(
      {type: 'heading', depth: 2, children: [text('conntrack in a heading')]},
      {type: 'mdxJsxFlowElement', name: 'Admonition', attributes: [], children: [para(text('conntrack in a component'))]},
      para({type: 'link', url: 'https://example.org', children: [text('conntrack in a link')]}),
      para({type: 'inlineCode', value: 'conntrack -L'}, text(' shows what conntrack remembers; conntrack again.')),
      para(text('Later, conntrack is not linked a second time.')),
    );
    run(tree, new VFile({path: '/site/docs/linux/netfilter.mdx'}));
    assert.deepEqual(links(tree), [
      {url: 'https://example.org', text: 'conntrack in a link'},
      {url: '/docs/kubernetes/glossary#conntrack', text: 'conntrack'},
    ]);
    assert.deepEqual(
      (tree.children[3] as Paragraph).children.map((c) => c.type),
      ['inlineCode', 'text', 'link', 'text'],
      'the text around the link stays',
    );
  });

  test('a longer term wins over a shorter one it contains, and each term links once per page', () => {
    const site = fixtureSite(
      [
        '### pod (Pod) {#pod}',
        '### namespace (命名空间) {#namespace}',
        '### network namespace (网络命名空间) {#network-namespace}',
        '### pod CIDR (Pod 网段) {#pod-cidr}',
      ],
      [
        '### Pod（pod） {#pod}',
        '### 命名空间（namespace） {#namespace}',
        '### 网络命名空间（network namespace） {#network-namespace}',
        '### Pod 网段（pod CIDR） {#pod-cidr}',
      ],
    );
    fixtures.push(site.dir);
    const first = 'Each pod CIDR holds a network namespace per pod; pods are not a pod/ path.';
    const tree = root(para(text(first)), para(text('Another pod CIDR, network namespace, namespace and pod.')));
    remarkGlossaryLinks(site)(tree, new VFile({path: path.join(site.docsDir, 'a.mdx')}));
    assert.deepEqual(links(tree), [
      {url: '/docs/kubernetes/glossary#pod-cidr', text: 'pod CIDR'},
      {url: '/docs/kubernetes/glossary#network-namespace', text: 'network namespace'},
      {url: '/docs/kubernetes/glossary#pod', text: 'pod'},
      {url: '/docs/kubernetes/glossary#namespace', text: 'namespace'},
    ]);
    assert.equal(
      (tree.children[0] as Paragraph).children.map((c) => ('value' in c ? c.value : links(c)[0]?.text)).join(''),
      first,
      'the text reads as before',
    );
  });

  test('links follow the glossary: an entry whose id changes is linked under its new id', () => {
    const before = fixtureSite(['### veth pair (虚拟网卡对) {#veth}'], ['### veth 对（虚拟网卡对） {#veth}']);
    const renamed = fixtureSite(['### veth pair (虚拟网卡对) {#veth-pair}'], ['### veth 对（虚拟网卡对） {#veth-pair}']);
    fixtures.push(before.dir, renamed.dir);
    const linkOf = (site: typeof before) => {
      const tree = root(para(text('Each veth pair has two ends.')));
      remarkGlossaryLinks(site)(tree, new VFile({path: path.join(site.docsDir, 'a.mdx')}));
      return links(tree).map((l) => l.url);
    };
    assert.deepEqual(linkOf(before), ['/docs/kubernetes/glossary#veth']);
    assert.deepEqual(linkOf(renamed), ['/docs/kubernetes/glossary#veth-pair']);
  });

  test('Chinese pages link the Chinese term', () => {
    const tree = root(para(text('数据包经过网桥转发。')));
    run(tree, new VFile({path: '/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/linux/linux-bridge.mdx'}));
    assert.deepEqual(links(tree), [{url: '/docs/kubernetes/glossary#bridge', text: '网桥'}]);
  });

  test('Chinese pages link a term by its Chinese name, its English name or an alias, once per page; a gloss in brackets is not a term', () => {
    const site = fixtureSite(
      [
        '### conntrack (连接跟踪) {#conntrack}',
        '### Service (服务) {#service}',
        '### tc (流量控制) {#tc}',
        '### veth pair (虚拟网卡对) {#veth}',
      ],
      [
        '### 连接跟踪（conntrack） {#conntrack}',
        '### Service（服务） {#service}',
        '### tc（流量控制） {#tc}',
        '### veth 对（虚拟网卡对） {#veth}',
      ],
    );
    fixtures.push(site.dir);
    const tree = root(
      para(text('API 服务器里，etcd 保存状态；conntrack 记录每条流，连接跟踪表也在内核里。')),
      para(text('一对 veth 连着两端，Service 和 tc 在后面。')),
    );
    remarkGlossaryLinks({...site, zhAliases: {veth: ['veth']}})(tree, new VFile({path: path.join(site.zhDocsDir, 'a.mdx')}));
    assert.deepEqual(links(tree), [
      {url: '/docs/kubernetes/glossary#conntrack', text: 'conntrack'},
      {url: '/docs/kubernetes/glossary#veth', text: 'veth'},
      {url: '/docs/kubernetes/glossary#service', text: 'Service'},
      {url: '/docs/kubernetes/glossary#tc', text: 'tc'},
    ]);
  });

  test('English pages link only the English term', () => {
    const tree = root(para(text('The kernel keeps 连接跟踪 state; conntrack shows it.')));
    run(tree, new VFile({path: '/site/docs/linux/netfilter.mdx'}));
    assert.deepEqual(links(tree), [{url: '/docs/kubernetes/glossary#conntrack', text: 'conntrack'}]);
  });

  test('an alias of an unknown entry, or a text that names two entries, stops the build', () => {
    const site = fixtureSite(
      ['### bridge (网桥) {#bridge}', '### TAP (TAP 设备) {#tap}'],
      ['### 网桥（bridge） {#bridge}', '### TAP 设备（TAP） {#tap}'],
    );
    fixtures.push(site.dir);
    assert.throws(
      () => remarkGlossaryLinks({...site, zhAliases: {vxlan: ['VXLAN']}}),
      /aliases\.ts: "vxlan" is not an entry of .*glossary\.mdx/,
    );
    assert.throws(
      () => remarkGlossaryLinks({...site, zhAliases: {tap: ['网桥']}}),
      /"网桥" is the Chinese term of #bridge in .*glossary\.mdx and an alias of #tap in src\/features\/glossary\/aliases\.ts/,
    );
  });

  test('the glossary itself and the reference pages are left alone', () => {
    const tree = root(para(text('conntrack')));
    run(tree, new VFile({path: '/site/docs/kubernetes/glossary.mdx'}));
    run(tree, new VFile({path: '/site/docs/references/dns.mdx'}));
    assert.deepEqual(links(tree), []);
  });
});
