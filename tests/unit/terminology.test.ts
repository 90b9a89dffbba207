import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {references} from '../../src/data/references';
import {terminology} from '../../src/data/terminology';
import {validateTerminology} from '../../src/data/terminology.schema';
import {listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import {
  gaFirstUse,
  mdxProse,
  rejectedVariants,
  TABLE_END,
  TABLE_START,
  terminologyTable,
  typography,
  versionsInChinese,
  type Finding,
  type ProseLine,
} from '../../scripts/lib/terminology';

const terms = validateTerminology(terminology);
const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}: ${f.message}`);
const zhPages = listDocs(ZH_DOCS_DIR).map((f) => path.relative(ROOT, path.join(ZH_DOCS_DIR, f)));
const REFERENCES_DIR = 'src/data/references';

/** The Chinese lines of a catalogue module: every `zh:` string of a summary, note or reason. */
function catalogueProse(source: string): ProseLine[] {
  return source.split('\n').flatMap((raw, i) => {
    const m = /^\s*zh:\s*(['"`])(.*)\1,?$/.exec(raw);
    return m ? [{line: i + 1, text: (m[2] ?? '').replace(/`[^`]*`/g, ' ')}] : [];
  });
}

/** The messages of code.json, each on the line it sits on. */
function codeJsonProse(source: string): ProseLine[] {
  return source.split('\n').flatMap((raw, i) => {
    const m = /^\s*"message":\s*("(?:[^"\\]|\\.)*")/.exec(raw);
    return m ? [{line: i + 1, text: JSON.parse(m[1] ?? '""') as string}] : [];
  });
}

const pageFindings = (file: string, source: string) => {
  const prose = mdxProse(source);
  return [
    ...rejectedVariants(file, prose, terms),
    ...typography(file, prose),
    ...gaFirstUse(file, prose),
    ...versionsInChinese(file, prose),
  ];
};

describe('one Chinese rendering per term (src/data/terminology.ts)', () => {
  test('the table is well formed: each term once, no rendering that contains its own rejected spelling', () => {
    assert.ok(terms.length >= 18);
    assert.throws(
      () => validateTerminology([{en: 'control plane', zh: '控制平面', rejected: ['平面']}]),
      /src\/data\/terminology\.ts: 0 \(control plane\): rejected "平面" is part of the rendering "控制平面"/,
    );
    assert.throws(() => validateTerminology([{en: 'x', zh: '叉', rejected: []}]), /src\/data\/terminology\.ts: 0\.rejected:/);
  });

  test('CONTRIBUTING.md shows the table as the data has it', () => {
    const doc = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, 'CONTRIBUTING.md has the terminology table’s markers');
    assert.equal(
      doc.slice(start + TABLE_START.length, end).trim(),
      terminologyTable(terms),
      'CONTRIBUTING.md’s table differs from src/data/terminology.ts: run npx tsx scripts/terminology-table.ts',
    );
  });

  test('a page with a rejected variant fails, naming file, line and the rendering; code, links and glosses do not', () => {
    const page = [
      '---',
      'title: 控制面',
      'keywords: [overlay 网络, 叠加网络]',
      '---',
      '',
      'Pod 的流量由控制面下发规则。',
      '',
      '每个节点的**控制平面**组件都连着 API 服务器（API server）。',
      '',
      '```console',
      '$ echo 控制平面 "sidecar"',
      '```',
      '',
      '运行 `grep 数据路径` 查看 [边车](./sidecar.mdx)，报错“API server unreachable”。<Lab name="sidecar-redirect" />',
      '',
      '```mermaid',
      'flowchart LR',
      '  a["叠加网络"]',
      '```',
    ].join('\n');
    assert.deepEqual(show(pageFindings('fixture.mdx', page)), [
      'fixture.mdx:8: “控制平面” is a rejected rendering of control plane: write “控制面” (src/data/terminology.ts)',
      'fixture.mdx:18: “叠加网络” is a rejected rendering of overlay (network): write “overlay 网络” (src/data/terminology.ts)',
    ]);
  });

  test('no Chinese page writes a rejected variant', () => {
    const findings = zhPages.flatMap((file) => rejectedVariants(file, mdxProse(readFileSync(path.join(ROOT, file), 'utf8')), terms));
    assert.deepEqual(show(findings), []);
  });

  test('no zh summary, note or reason of the catalogue writes a rejected variant, and the check reads every one of them', () => {
    const modules = readdirSync(path.join(ROOT, REFERENCES_DIR)).filter((f) => f.endsWith('.ts'));
    const lines = modules.map((m) => {
      const file = `${REFERENCES_DIR}/${m}`;
      return {file, prose: catalogueProse(readFileSync(path.join(ROOT, file), 'utf8'))};
    });
    const read = new Set(lines.flatMap((l) => l.prose.map((p) => p.text)));
    const strings = references.flatMap((r) => [
      r.summary.zh,
      ...('note' in r.status ? [r.status.note.zh] : []),
      ...('reason' in r.status ? [r.status.reason.zh] : []),
    ]);
    const unread = strings.filter((s) => !read.has(s.replace(/`[^`]*`/g, ' ')));
    assert.deepEqual(unread, [], "every zh string sits on one `zh: '…'` line, so the check can name its line");
    assert.deepEqual(show(lines.flatMap(({file, prose}) => [...rejectedVariants(file, prose, terms), ...typography(file, prose)])), []);
  });

  test('no string of i18n/zh-Hans/code.json writes a rejected variant or a non-Chinese quote', () => {
    const file = 'i18n/zh-Hans/code.json';
    const prose = codeJsonProse(readFileSync(path.join(ROOT, file), 'utf8'));
    assert.ok(prose.length > 50, 'code.json’s messages were read');
    assert.deepEqual(show([...rejectedVariants(file, prose, terms), ...typography(file, prose)]), []);
  });
});

describe('Chinese typography', () => {
  test('straight quotes, 「」 and italic Chinese are found; bold, lists, code and YAML quoting are not', () => {
    const page = [
      '---',
      'title: "网络命名空间"',
      '---',
      '',
      '* 列表项里的 *强调* 和 **加粗**',
      '他说"你好"，又说「再见」。',
      '用 `"引号"` 和 <Ref id="a" /> 都没问题，snake_case 与 net_admin 的_能力_也没问题。',
      '_斜体_ 不行。',
    ].join('\n');
    assert.deepEqual(show(typography('t.mdx', mdxProse(page))), [
      't.mdx:5: italic Chinese “强调”: Chinese has no italics; use bold sparingly, or nothing',
      't.mdx:6: corner brackets 「」: Chinese quotes are “”',
      't.mdx:6: straight quote " in Chinese prose: write “”',
      't.mdx:8: italic Chinese “斜体”: Chinese has no italics; use bold sparingly, or nothing',
    ]);
  });

  test('GA is 正式发布（GA） at its first use on a page; versions are written in Chinese', () => {
    const good = mdxProse('---\nversions: [Linux 6.18（实验虚拟机为 6.1）]\n---\n\n1.33 起正式发布（GA）。\n\n1.34 起 GA。\n');
    const bad = mdxProse('---\nversions: [Linux 6.1 (lab VM)]\n---\n\n1.33 起 GA。\n');
    assert.deepEqual(show([...gaFirstUse('g.mdx', good), ...versionsInChinese('g.mdx', good)]), []);
    assert.deepEqual(show([...gaFirstUse('b.mdx', bad), ...versionsInChinese('b.mdx', bad)]), [
      'b.mdx:5: the first GA on a page is written 正式发布（GA）, then GA (src/data/terminology.ts)',
      'b.mdx:2: English “lab” in the Chinese versions: write it in Chinese, e.g. Linux 6.18（实验虚拟机为 6.1）',
    ]);
  });

  test('every Chinese page uses Chinese quotes, no italic Chinese, GA one way and Chinese versions', () => {
    const findings = zhPages.flatMap((file) => {
      const prose = mdxProse(readFileSync(path.join(ROOT, file), 'utf8'));
      return [...typography(file, prose), ...gaFirstUse(file, prose), ...versionsInChinese(file, prose)];
    });
    assert.deepEqual(show(findings), []);
  });

  test('every chapter’s pitfalls heading is 常见陷阱与排错, as How to read this guide says', () => {
    const howToRead = readFileSync(path.join(ZH_DOCS_DIR, 'how-to-read.mdx'), 'utf8');
    assert.match(howToRead, /常见陷阱与排错/, 'how-to-read.mdx tells readers to look for 常见陷阱与排错');
    const wrong = zhPages.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((l, i) =>
          l.includes('{#pitfalls-and-troubleshooting}') && !/^## 常见陷阱与排错 \{#pitfalls-and-troubleshooting\}$/.test(l)
            ? [`${file}:${i + 1}: ${l}`]
            : [],
        ),
    );
    assert.deepEqual(wrong, []);
  });
});
