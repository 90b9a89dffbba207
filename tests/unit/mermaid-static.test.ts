import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {findChrome, INSTALL_HINT} from '../../scripts/lib/browser';
import remarkMermaidStatic from '../../src/remark/mermaid-static';
import {cachedDiagram, renderer} from '../../src/plugins/mermaid-static/renderer';
import type {Node} from '../../src/remark/mdx-ast';
import {skipOrFail} from '../helpers/ci';

const mermaidNode = (value: string, line: number): Node => ({type: 'code', lang: 'mermaid', value, position: {start: {line, column: 1}}});

describe('build-time diagram rendering', () => {
  after(() => renderer.close());

  test('a diagram that does not parse fails with its file and line', async (t) => {
    if (!findChrome()) return skipOrFail(t, INSTALL_HINT);
    const broken = 'flowchart LR\n  accTitle: t\n  accDescr: d\n  a --> b\n  b -->';
    const tree: Node = {type: 'root', children: [{type: 'paragraph', children: []}, mermaidNode(broken, 20)]};
    await assert.rejects(remarkMermaidStatic()(tree, {path: 'docs/broken.mdx'}), /docs\/broken\.mdx:2\d: this Mermaid diagram does not parse: .*Parse error/);
  });

  test('a diagram becomes <StaticMermaid> with its size, cached light and dark SVG, and an accessible name', async (t) => {
    if (!findChrome()) return skipOrFail(t, INSTALL_HINT);
    const source = 'flowchart LR\n  accTitle: 两个命名空间\n  accDescr: 一对虚拟网卡连接两个网络命名空间\n  a["网络命名空间 A"] --- b["网络命名空间 B"]';
    const tree: Node = {type: 'root', children: [mermaidNode(source, 3)]};
    await remarkMermaidStatic()(tree, {path: 'docs/ok.mdx'});
    const node = tree.children![0]!;
    assert.equal(node.name, 'StaticMermaid');
    const id = (node.attributes?.find((a) => 'name' in a && a.name === 'id') as {value: string}).value;
    const d = cachedDiagram(id);
    assert.ok(d, 'the render is cached by its id');
    assert.ok(d.width > 100 && d.height > 20);
    for (const svg of [d.light, d.dark]) {
      assert.match(svg, /<title[^>]*>两个命名空间<\/title>/);
      assert.match(svg, /<desc[^>]*>一对虚拟网卡连接两个网络命名空间<\/desc>/);
    }
    assert.notEqual(d.light, d.dark, 'the dark variant uses the dark theme');
  });
});
