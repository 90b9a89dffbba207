import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {Code, Root} from 'mdast';
import {VFile} from 'vfile';
import {findChrome, INSTALL_HINT} from '../../src/build/chromium';
import {compactPath, compactSvg} from '../../src/features/diagrams/compact';
import remarkMermaidStatic from '../../src/features/diagrams/remark';
import {renderer} from '../../src/features/diagrams/renderer';
import {readDiagram} from '../../src/features/diagrams/store';
import {skipOrFail} from '../helpers/ci';

const mermaidNode = (value: string, line: number): Code => ({
  type: 'code',
  lang: 'mermaid',
  value,
  position: {start: {line, column: 1}, end: {line, column: 1}},
});

describe('build-time diagram rendering', () => {
  after(() => renderer.close());

  test('a diagram that does not parse fails with its file and line', async (t) => {
    if (!findChrome()) return skipOrFail(t, INSTALL_HINT);
    const broken = 'flowchart LR\n  accTitle: t\n  accDescr: d\n  a --> b\n  b -->';
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: []}, mermaidNode(broken, 20)]};
    await assert.rejects(
      remarkMermaidStatic()(tree, new VFile({path: 'docs/broken.mdx'})),
      /docs\/broken\.mdx:2\d: this Mermaid diagram does not parse: .*Parse error/,
    );
  });

  test('a diagram becomes <StaticMermaid> with its size, its light and dark SVG stored under its id, and an accessible name', async (t) => {
    if (!findChrome()) return skipOrFail(t, INSTALL_HINT);
    const source =
      'flowchart LR\n  accTitle: 两个命名空间\n  accDescr: 一对虚拟网卡连接两个网络命名空间\n  a["网络命名空间 A"] --- b["网络命名空间 B"]';
    const tree: Root = {type: 'root', children: [mermaidNode(source, 3)]};
    await remarkMermaidStatic()(tree, new VFile({path: 'docs/ok.mdx'}));
    const node = tree.children[0];
    assert.ok(node?.type === 'mdxJsxFlowElement');
    assert.equal(node.name, 'StaticMermaid');
    const attribute = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    assert.equal(attribute('title'), '两个命名空间', 'the accTitle names the scrolling box and the full-screen view');
    const id = attribute('id');
    assert.ok(typeof id === 'string');
    const d = readDiagram(id);
    assert.ok(d, 'the post-build stage finds the render under its id');
    assert.ok(d.width > 100 && d.height > 20);
    for (const svg of [d.light, d.dark]) {
      assert.match(svg, /<title[^>]*>两个命名空间<\/title>/);
      assert.match(svg, /<desc[^>]*>一对虚拟网卡连接两个网络命名空间<\/desc>/);
    }
    assert.notEqual(d.light, d.dark, 'the dark variant uses the dark theme');
  });
});

describe('compacting Mermaid SVG', () => {
  test('rounds geometry and leaves label text alone', () => {
    const svg =
      '<g transform="translate(12.3456789, -0.0000001)"><rect width="87.6543219" x="1.5"/><foreignObject><span>10.244.1.123 and 0.12345</span></foreignObject></g>';
    assert.equal(
      compactSvg(svg),
      '<g transform="translate(12.35, 0)"><rect width="87.65" x="1.5"/><foreignObject><span>10.244.1.123 and 0.12345</span></foreignObject></g>',
    );
  });

  test('joins rough.js’s segments into one subpath and drops its second strokes and empty segments', () => {
    // The closed subpath keeps its move: Z returns to it.
    const d =
      'M0 0 C1.0001 0 2 0 10 0 M0 0 C1.2 0 2.1 0 10 0 M10 0 C10 0 10 0 10 0 M10 0 C10 3 10 6 10 10 M10 0 C10 3.1 10 6.2 10 10 M10 10 L0 10 Z M0 0 L5 5';
    assert.equal(compactPath(d), 'M0 0 C1 0 2 0 10 0 C10 3 10 6 10 10 M10 10 L0 10 Z M0 0 L5 5');
  });

  test('leaves paths with relative or arc commands as they are, rounded', () => {
    assert.equal(compactPath('M0 0 a5.123 5 0 0 1 10 0 M0 0 a5 5 0 0 1 10 0'), 'M0 0 a5.1 5 0 0 1 10 0 M0 0 a5 5 0 0 1 10 0');
  });

  test('keeps numbers apart in path data written without separators', () => {
    // Icons in Mermaid's SVG use the compact notation; rounding .04 to 0 must not turn ".04.2" into "0.2".
    assert.equal(compactPath('M12 2c.04.2.15.25 5-.04.3l1 1z'), 'M12 2c0 .2 0.2 0.3 5 0 .3l1 1z');
    assert.equal(compactPath('M12.258.001l.256.002z'), 'M12.3 0l0.3 0z');
  });

  test('removes the arrowhead markers and icons nothing uses', () => {
    const svg =
      '<svg><marker id="m-pointEnd"><path d="M0 0 L10 5"/></marker><marker id="m-crossEnd"><path d="M0 0"/></marker><defs><symbol id="m-clock"><path d="M1 1"/></symbol></defs><path d="M0 0 L9 9" marker-end="url(#m-pointEnd)"/></svg>';
    assert.equal(
      compactSvg(svg),
      '<svg><marker id="m-pointEnd"><path d="M0 0 L10 5"/></marker><path d="M0 0 L9 9" marker-end="url(#m-pointEnd)"/></svg>',
    );
  });
});
