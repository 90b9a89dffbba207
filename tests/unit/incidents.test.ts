import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import type {Heading, Paragraph, Root, RootContent} from 'mdast';
import {VFile} from 'vfile';
import remarkIncidentPointer, {INCIDENT_DOC, PITFALLS_ID, POINTER_CLASS} from '../../src/features/incidents/remark';
import {DOCS_DIR, listDocs, ZH_DOCS_DIR} from '../../scripts/lib/docs';

const ZH = 'i18n/zh-Hans/docusaurus-plugin-content-docs/current';
const PAGE = `${INCIDENT_DOC}.mdx`;

/** A heading as Docusaurus's heading plugin leaves it before ours run: the `{#id}` moved into its properties. */
const heading = (depth: Heading['depth'], text: string, id: string, line = 12): Heading => ({
  type: 'heading',
  depth,
  data: {hProperties: {id}},
  children: [{type: 'text', value: text}],
  position: {start: {line, column: 1}, end: {line, column: 1}},
});
const para = (text: string): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: text}]});
const root = (...children: RootContent[]): Root => ({type: 'root', children});
const enFile = (doc: string) => new VFile({path: path.join(DOCS_DIR, doc)});
const zhFile = (doc: string) => new VFile({path: path.join(ZH_DOCS_DIR, doc)});
const text = (node: RootContent | Paragraph['children'][number]): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map((c) => text(c as RootContent)).join('') : '';
const pointers = (tree: Root) =>
  tree.children.filter((n): n is Paragraph => n.type === 'paragraph' && (n.data?.hProperties?.className ?? []).includes(POINTER_CLASS));
const linkOf = (p: Paragraph) => p.children.find((c) => c.type === 'link');
const titleOf = (file: string) => /^title:\s*(.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim();

describe('the incident pointer in every Pitfalls section (src/features/incidents/remark.ts)', () => {
  const run = remarkIncidentPointer({docsDir: DOCS_DIR, zhDocsDir: ZH_DOCS_DIR});
  const fixtures: string[] = [];
  after(() => fixtures.forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  test('puts the line right after the heading, in English, linking the page by its title', () => {
    const tree = root(
      heading(2, 'Lab', 'lab'),
      para('Run it.'),
      heading(2, 'Pitfalls and troubleshooting', PITFALLS_ID),
      para('First pitfall.'),
    );
    run(tree, enFile('linux/netfilter.mdx'));
    assert.equal(tree.children[3]?.type, 'paragraph', 'the line follows the heading directly');
    const [pointer] = pointers(tree);
    assert.ok(pointer);
    assert.equal(tree.children.indexOf(pointer), 3);
    assert.equal(text(pointer), `Something broken right now? Start from the symptom: ${titleOf(path.join(DOCS_DIR, PAGE))}.`);
    assert.equal(linkOf(pointer)?.type === 'link' && linkOf(pointer)?.url, `/docs/${INCIDENT_DOC}`);
    assert.equal(text(tree.children[4]!), 'First pitfall.', 'the section’s own text follows');
  });

  test('writes the Chinese line on Chinese pages, whatever the heading’s wording', () => {
    const tree = root(heading(2, '常见陷阱与排错', PITFALLS_ID));
    run(tree, zhFile('kubernetes/dns.mdx'));
    const [pointer] = pointers(tree);
    assert.ok(pointer);
    assert.equal(text(pointer), `线上正在出故障？从现象入手：${titleOf(path.join(ZH_DOCS_DIR, PAGE))}。`);
    assert.equal(titleOf(path.join(ZH_DOCS_DIR, PAGE)), '出问题了');
  });

  test('leaves a page without a Pitfalls section alone', () => {
    const tree = root(heading(2, 'Who this guide is for', 'who-it-is-for'), para('Everyone.'));
    run(tree, enFile('how-to-read.mdx'));
    assert.equal(tree.children.length, 2);
  });

  test('a Pitfalls heading it cannot handle stops the build with the file and line', () => {
    const cases: Array<[string, Root, VFile, RegExp]> = [
      [
        'an English heading without the id',
        root(heading(2, 'Pitfalls', 'pitfalls', 40)),
        enFile('linux/netfilter.mdx'),
        /docs\/linux\/netfilter\.mdx:40: a Pitfalls heading needs the id \{#pitfalls-and-troubleshooting\} \(it has #pitfalls\)/,
      ],
      [
        'a Chinese heading without the id',
        root(heading(2, '常见陷阱与排查', '常见陷阱与排查', 41)),
        zhFile('kubernetes/dns.mdx'),
        /current\/kubernetes\/dns\.mdx:41: a Pitfalls heading needs the id \{#pitfalls-and-troubleshooting\}/,
      ],
      [
        'the id on a level-3 heading',
        root(heading(3, 'Pitfalls and troubleshooting', PITFALLS_ID, 42)),
        enFile('linux/netfilter.mdx'),
        /netfilter\.mdx:42: the heading with id #pitfalls-and-troubleshooting must be a level-2 heading/,
      ],
      [
        'two Pitfalls headings',
        root(heading(2, 'Pitfalls and troubleshooting', PITFALLS_ID, 43), heading(2, 'Pitfalls and troubleshooting', PITFALLS_ID, 50)),
        enFile('linux/netfilter.mdx'),
        /netfilter\.mdx:50: a second heading with id #pitfalls-and-troubleshooting/,
      ],
      [
        'a Pitfalls section on the incident page itself',
        root(heading(2, 'Pitfalls and troubleshooting', PITFALLS_ID, 44)),
        enFile(PAGE),
        /something-is-broken\.mdx:44: the incident page has no Pitfalls section of its own/,
      ],
    ];
    for (const [name, tree, file, message] of cases) assert.throws(() => run(tree, file), message, name);
  });

  test('a missing incident page, or one without a title, is named when the build starts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cng-incidents-'));
    fixtures.push(dir);
    const docsDir = path.join(dir, 'docs');
    const zhDocsDir = path.join(dir, ZH);
    mkdirSync(docsDir, {recursive: true});
    mkdirSync(zhDocsDir, {recursive: true});
    writeFileSync(path.join(docsDir, PAGE), '---\ndescription: No title.\n---\n\nText.\n');
    assert.throws(
      () => remarkIncidentPointer({docsDir, zhDocsDir}),
      /docs\/something-is-broken\.mdx: front matter field "title" is missing/,
    );
    writeFileSync(path.join(docsDir, PAGE), '---\ntitle: Something is broken\n---\n');
    assert.throws(() => remarkIncidentPointer({docsDir, zhDocsDir}), /current\/something-is-broken\.mdx: the incident page is missing/);
  });

  for (const [dir, prefix] of [
    [DOCS_DIR, 'docs'],
    [ZH_DOCS_DIR, ZH],
  ] as const) {
    test(`${prefix}: every chapter's Pitfalls heading is one the plugin handles, and each gets one line`, () => {
      const chapters = listDocs(dir).filter((f) => f.includes('/') && !f.startsWith('references/'));
      const problems: string[] = [];
      let placed = 0;
      for (const f of chapters) {
        // The page's level-2 headings as the build gives them to the plugin: `## text {#id}` with the id taken out.
        const headings = readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => {
            const m = /^## (.+?)(?:\s+\{#([^}]+)\})?\s*$/.exec(line);
            return m ? [heading(2, m[1]!, m[2] ?? m[1]!.toLowerCase().replace(/\s+/g, '-'), i + 1)] : [];
          });
        const tree = root(...headings);
        try {
          run(tree, new VFile({path: path.join(dir, f)}));
        } catch (e) {
          problems.push((e as Error).message);
        }
        const count = pointers(tree).length;
        if (count !== 1) problems.push(`${prefix}/${f}: ${count} incident pointers, expected 1`);
        placed += count;
      }
      assert.deepEqual(problems, []);
      assert.equal(placed, chapters.length);
    });
  }
});

/** What the incident page must keep: a reader looks a symptom up here, and every one of them has a section. */
const SYMPTOMS = [
  'connection-refused',
  'io-timeout',
  'endpoints-but-timeout',
  'dns-five-seconds',
  'large-responses-hang',
  'nodeport-some-nodes',
  'node-address-not-client',
  'no-ip-addresses',
  'cni-not-initialized',
  'conntrack-table-full',
  'netpol-blocks-too-much',
  'own-node-only',
  'kube-proxy-health',
];

/** A page's sections by heading id: the text from the heading to the next heading of the same level or above. */
function sections(source: string): Map<string, {level: number; text: string}> {
  const lines = source.split('\n');
  const found = new Map<string, {level: number; text: string}>();
  let inFence = false;
  const headings: Array<{id: string; level: number; line: number}> = [];
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{2,4}) .*\{#([a-z0-9-]+)\}\s*$/.exec(line);
    if (m) headings.push({id: m[2]!, level: m[1]!.length, line: i});
  });
  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    found.set(h.id, {level: h.level, text: lines.slice(h.line, next?.line ?? lines.length).join('\n')});
  });
  return found;
}

describe(`the incident page (${PAGE}, both locales)`, () => {
  const pages = [
    ['docs', readFileSync(path.join(DOCS_DIR, PAGE), 'utf8'), /\*\*Lab:\*\*/],
    [ZH, readFileSync(path.join(ZH_DOCS_DIR, PAGE), 'utf8'), /\*\*实验：\*\*/],
  ] as const;

  test('both languages have the same anchors, so a link to a symptom works in either', () => {
    const [en, zh] = pages.map(([, source]) => [...sections(source).keys()]);
    assert.deepEqual(zh, en);
  });

  for (const [prefix, source, labMarker] of pages) {
    test(`${prefix}: every symptom has a section, listed in the table at the top`, () => {
      const all = sections(source);
      const table = all.get('symptoms')?.text ?? '';
      const missing = SYMPTOMS.filter((id) => !all.has(id)).map((id) => `no section #${id}`);
      const unlisted = SYMPTOMS.filter((id) => !table.includes(`](#${id})`)).map((id) => `#${id} is not in the table at the top`);
      assert.deepEqual([...missing, ...unlisted], []);
      const dangling = [...source.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((id) => !all.has(id));
      assert.deepEqual(dangling, [], 'links within the page point at headings that exist');
    });

    test(`${prefix}: each symptom shows commands with their output, the chapter that explains it and its lab`, () => {
      const all = sections(source);
      const problems = SYMPTOMS.flatMap((id) => {
        const text = all.get(id)?.text ?? '';
        const out: string[] = [];
        const blocks = [...text.matchAll(/```console[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!.split('\n').map((l) => l.trim()));
        const withOutput = blocks.filter((b) => b.some((l) => l.startsWith('$ ')) && b.some((l) => l && !l.startsWith('$ ')));
        if (withOutput.length === 0) out.push(`#${id}: no command with its output`);
        if (!/\]\(\.\/[^)#]+\.mdx#[a-z0-9-]+\)/.test(text)) out.push(`#${id}: no link to the section of a chapter that explains it`);
        // kube-proxy's own health is a tool for the other rows, not a failure a lab reproduces.
        if (id !== 'kube-proxy-health' && !labMarker.test(text)) out.push(`#${id}: does not say which lab reproduces it`);
        return out;
      });
      assert.deepEqual(problems, []);
    });
  }
});
