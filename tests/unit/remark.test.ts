import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {Paragraph, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import remarkLab from '../../src/features/labs/remark';
import type {CategoryCount} from '../../src/features/references/category-counts';
import remarkReferences from '../../src/features/references/remark';
import {CATEGORIES, references} from '../../src/data/references';
import type {ReadingItem} from '../../src/data/references/localised';

const jsx = (name: string, attrs: Record<string, string>, line = 7): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attrs).map(([n, value]) => ({type: 'mdxJsxAttribute', name: n, value})),
  children: [],
  position: {start: {line, column: 1}, end: {line, column: 1}},
});
const attr = (node: RootContent | undefined, name: string) =>
  node && 'attributes' in node
    ? (node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined)
    : undefined;
const root = (...children: RootContent[]): Root => ({type: 'root', children});
const file = (path: string) => new VFile({path});
const imports = (tree: Root) => tree.children.flatMap((n) => (n.type === 'mdxjsEsm' ? [n.value] : []));

describe('build-time citations', () => {
  const run = remarkReferences({references});
  const someEntry = references.find((r) => r.status.state === 'superseded') ?? references[0]!;

  test('<Ref> becomes a plain link to the entry, with no component to load', () => {
    const ref: MdxJsxTextElement = {...jsx('Ref', {id: someEntry.id}), type: 'mdxJsxTextElement', children: []};
    const tree = root({type: 'paragraph', children: [{type: 'text', value: 'See '}, ref, {type: 'text', value: '.'}]});
    run(tree, file('/site/docs/a.mdx'));
    const link = (tree.children[0] as Paragraph).children[1];
    assert.ok(link?.type === 'mdxJsxTextElement');
    assert.equal(link.name, 'a');
    assert.equal(attr(link, 'href'), someEntry.url);
    assert.equal(attr(link, 'rel'), 'noopener noreferrer');
    assert.deepEqual(link.children, [{type: 'text', value: someEntry.title}]);
    assert.deepEqual(imports(tree), [], 'a page with only <Ref> imports nothing');
  });

  test('a <Ref> on a line of its own becomes a paragraph holding the link', () => {
    const tree = root(jsx('Ref', {id: someEntry.id}));
    run(tree, file('/site/docs/a.mdx'));
    const paragraph = tree.children[0];
    assert.ok(paragraph?.type === 'paragraph');
    assert.equal(attr(paragraph.children[0] as MdxJsxTextElement, 'href'), someEntry.url);
  });

  test('<FurtherReading> carries summaries in the page’s language, and the page imports the component once', () => {
    const ids = {ids: someEntry.id};
    const en = root(jsx('FurtherReading', ids), jsx('FurtherReading', ids));
    const zh = root(jsx('FurtherReading', ids));
    run(en, file('/site/docs/a.mdx'));
    run(zh, file('/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/a.mdx'));
    const summary = (tree: Root, i: number) => (JSON.parse(attr(tree.children[i], 'data')!) as ReadingItem[])[0]!.summary;
    assert.equal(summary(en, 1), someEntry.summary.en);
    assert.equal(summary(zh, 1), someEntry.summary.zh);
    assert.deepEqual(imports(en), ['import FurtherReading from "@site/src/features/references/FurtherReading";']);
  });

  test('<ReferenceOverview> counts each category’s entries and active ones, in the page’s language', () => {
    const node = jsx('ReferenceOverview', {});
    run(root(node), file('/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/references/index.mdx'));
    const counts = JSON.parse(attr(node, 'data')!) as CategoryCount[];
    assert.deepEqual(
      counts.map((c) => c.category),
      Object.keys(CATEGORIES),
    );
    const dns = counts.find((c) => c.category === 'dns')!;
    assert.equal(dns.label, CATEGORIES.dns.zh);
    assert.equal(dns.total, references.filter((r) => r.category === 'dns').length);
    assert.equal(dns.current, references.filter((r) => r.category === 'dns' && r.status.state === 'active').length);
  });

  test('an unknown id stops the build with the file and line', () => {
    assert.throws(
      () => run(root(jsx('Ref', {id: 'no-such-entry'}, 12)), file('docs/x.mdx')),
      /docs\/x\.mdx:12: no reference has id "no-such-entry"/,
    );
  });

  test('an unknown topic stops the build', () => {
    assert.throws(
      () => run(root(jsx('FurtherReading', {topic: 'astrology'}, 3)), file('docs/y.mdx')),
      /docs\/y\.mdx:3: unknown topic "astrology"/,
    );
  });

  test('<FurtherReading> lists active entries first', () => {
    const node = jsx('FurtherReading', {topic: 'dns'});
    run(root(node), file('docs/z.mdx'));
    const states = (JSON.parse(attr(node, 'data')!) as ReadingItem[]).map((e) => e.status.state);
    assert.ok(states.length > 0);
    const firstInactive = states.findIndex((s) => s !== 'active');
    assert.ok(firstInactive === -1 || states.slice(firstInactive).every((s) => s !== 'active'), states.join(','));
  });
});

describe('<Lab>', () => {
  const run = remarkLab({labsDir: path.resolve(__dirname, '../../labs')});

  test('inlines the script and its recorded transcript', () => {
    const node = jsx('Lab', {name: 'netns-basics'});
    const tree = root(node);
    run(tree, file('docs/linux/network-namespaces.mdx'));
    assert.match(
      attr(node, 'scriptHtml')!,
      /^<span class="code-line"><span class="token shebang important">#!\/usr\/bin\/env bash<\/span><\/span>\n/,
    );
    assert.match(attr(node, 'transcriptHtml')!, /PASS: netns-basics/);
    assert.deepEqual(imports(tree), ['import Lab from "@site/src/features/labs/Lab";'], 'the page imports the component it uses');
  });

  test('a lab that does not exist stops the build with the file and line', () => {
    assert.throws(
      () => run(root(jsx('Lab', {name: 'nope'}, 40)), file('docs/a.mdx')),
      /docs\/a\.mdx:40: <Lab name="nope"> needs labs\/nope\.sh/,
    );
  });
});
