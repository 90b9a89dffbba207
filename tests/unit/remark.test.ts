import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import remarkLab from '../../src/features/labs/remark';
import remarkReferences from '../../src/features/references/remark';
import type {Node} from '../../src/build/mdx';
import {references} from '../../src/data/references';
import type {ReadingItem} from '../../src/data/references/localised';

const jsx = (name: string, attrs: Record<string, string>, line = 7): Node => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attrs).map(([n, value]) => ({type: 'mdxJsxAttribute', name: n, value})),
  children: [],
  position: {start: {line, column: 1}},
});
const attr = (node: Node, name: string) => (node.attributes?.find((a) => 'name' in a && a.name === name) as {value: string} | undefined)?.value;
const root = (...children: Node[]): Node => ({type: 'root', children});

describe('build-time citations', () => {
  const run = remarkReferences({references});
  const someEntry = references.find((r) => r.status.state === 'superseded') ?? references[0]!;

  test('<Ref> becomes a plain link to the entry, with no component to load', () => {
    const ref = jsx('Ref', {id: someEntry.id});
    const tree = root(ref);
    run(tree, {path: '/site/docs/a.mdx'});
    assert.equal(ref.name, 'a');
    assert.equal(attr(ref, 'href'), someEntry.url);
    assert.equal(attr(ref, 'rel'), 'noopener noreferrer');
    assert.deepEqual(ref.children, [{type: 'text', value: someEntry.title}]);
    assert.ok(!tree.children!.some((n) => n.type === 'mdxjsEsm'), 'a page with only <Ref> imports nothing');
  });

  test('<FurtherReading> carries summaries in the page’s language, and the page imports the component once', () => {
    const ids = {ids: someEntry.id};
    const en = root(jsx('FurtherReading', ids), jsx('FurtherReading', ids));
    const zh = root(jsx('FurtherReading', ids));
    run(en, {path: '/site/docs/a.mdx'});
    run(zh, {path: '/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/a.mdx'});
    const summary = (tree: Node, i: number) => (JSON.parse(attr(tree.children![i]!, 'data')!) as ReadingItem[])[0]!.summary;
    assert.equal(summary(en, 1), someEntry.summary.en);
    assert.equal(summary(zh, 1), someEntry.summary.zh);
    const imports = en.children!.filter((n) => n.type === 'mdxjsEsm').map((n) => n.value);
    assert.deepEqual(imports, ['import FurtherReading from "@site/src/features/references/FurtherReading";']);
  });

  test('an unknown id stops the build with the file and line', () => {
    assert.throws(() => run(root(jsx('Ref', {id: 'no-such-entry'}, 12)), {path: 'docs/x.mdx'}), /docs\/x\.mdx:12: no reference has id "no-such-entry"/);
  });

  test('an unknown topic stops the build', () => {
    assert.throws(() => run(root(jsx('FurtherReading', {topic: 'astrology'}, 3)), {path: 'docs/y.mdx'}), /docs\/y\.mdx:3: unknown topic "astrology"/);
  });

  test('<FurtherReading> lists active entries first', () => {
    const node = jsx('FurtherReading', {topic: 'dns'});
    run(root(node), {path: 'docs/z.mdx'});
    const states = (JSON.parse(attr(node, 'data')!) as ReadingItem[]).map((e) => e.status.state);
    assert.ok(states.length > 0);
    const firstInactive = states.findIndex((s) => s !== 'active');
    assert.ok(firstInactive === -1 || states.slice(firstInactive).every((s) => s !== 'active'), states.join(','));
  });
});

describe('<Lab>', () => {
  const run = remarkLab({labsDir: path.resolve(__dirname, '../../labs')});

  test('inlines the script and its expected output', () => {
    const node = jsx('Lab', {name: 'netns-basics'});
    const tree = root(node);
    run(tree, {path: 'docs/linux/network-namespaces.mdx'});
    assert.match(attr(node, 'scriptHtml')!, /^<span class="code-line"><span class="token shebang important">#!\/usr\/bin\/env bash<\/span><\/span>\n/);
    assert.match(attr(node, 'expectedHtml')!, /PASS: netns-basics/);
    assert.equal(tree.children![0]!.value, 'import Lab from "@site/src/features/labs/Lab";', 'the page imports the component it uses');
  });

  test('a lab that does not exist stops the build with the file and line', () => {
    assert.throws(() => run(root(jsx('Lab', {name: 'nope'}, 40)), {path: 'docs/a.mdx'}), /docs\/a\.mdx:40: <Lab name="nope"> needs labs\/nope\.sh/);
  });
});
