import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';
import remarkLab from '../../src/remark/lab';
import remarkReferences from '../../src/remark/references';
import type {Node} from '../../src/remark/mdx-ast';
import {references} from '../../src/data/references';
import type {LocalisedReference} from '../../src/data/references/localised';

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

  test('<Ref> gets the entry in the page’s language', () => {
    const en = jsx('Ref', {id: someEntry.id});
    const zh = jsx('Ref', {id: someEntry.id});
    run(root(en), {path: '/site/docs/a.mdx'});
    run(root(zh), {path: '/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/a.mdx'});
    assert.equal((JSON.parse(attr(en, 'data')!) as LocalisedReference).summary, someEntry.summary.en);
    assert.equal((JSON.parse(attr(zh, 'data')!) as LocalisedReference).summary, someEntry.summary.zh);
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
    const states = (JSON.parse(attr(node, 'data')!) as LocalisedReference[]).map((e) => e.status.state);
    assert.ok(states.length > 0);
    const firstInactive = states.findIndex((s) => s !== 'active');
    assert.ok(firstInactive === -1 || states.slice(firstInactive).every((s) => s !== 'active'), states.join(','));
  });
});

describe('<Lab>', () => {
  const run = remarkLab({labsDir: path.resolve(__dirname, '../../labs')});

  test('inlines the script and its expected output', () => {
    const node = jsx('Lab', {name: 'netns-basics'});
    run(root(node), {path: 'docs/linux/network-namespaces.mdx'});
    assert.match(attr(node, 'script')!, /^#!\/usr\/bin\/env bash/);
    assert.match(attr(node, 'expected')!, /PASS: netns-basics/);
  });

  test('a lab that does not exist stops the build with the file and line', () => {
    assert.throws(() => run(root(jsx('Lab', {name: 'nope'}, 40)), {path: 'docs/a.mdx'}), /docs\/a\.mdx:40: <Lab name="nope"> needs labs\/nope\.sh/);
  });
});
