import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {Paragraph, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {timeline} from '../../src/data/features';
import {parseTimelineData, type TimelineInput} from '../../src/data/features.schema';
import {parseFrontMatter} from '../../src/data/front-matter';
import {timelineReleases} from '../../src/features/timeline/entries';
import {newestRelease, staleness} from '../../src/features/timeline/freshness';
import remarkFeatures from '../../src/features/timeline/remark';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';

const VALID: TimelineInput = {
  kubernetesReleases: [
    {version: '1.33', date: '2025-04', source: 'https://kubernetes.io/releases/'},
    {version: '1.37', date: '2026-08-26', source: 'https://kubernetes.io/releases/1.37/'},
  ],
  features: [
    {
      id: 'demo',
      name: {en: 'Demo', zh: '示例'},
      kep: 3866,
      sources: ['https://example.org/kep.yaml'],
      chapters: ['kubernetes/kube-proxy'],
      stages: [{stage: 'ga', project: 'kubernetes', version: '1.33'}],
    },
  ],
};
/** The error parseTimelineData stops with for VALID changed by `change`, or ''. */
function rejection(change: (d: TimelineInput) => void): string {
  const input = structuredClone(VALID);
  change(input);
  try {
    parseTimelineData(input);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('feature data', () => {
  test('the data in src/data/features.ts is valid', () => {
    assert.ok(timeline.features.length > 0);
    assert.equal(
      rejection(() => {}),
      '',
    );
  });

  test('a bad field is named with the file, the feature and the field', () => {
    assert.match(
      rejection((d) => (d.features[0]!.stages[0]!.version = 'v1.33')),
      /^src\/data\/features\.ts: features\[0\] \(demo\)\.stages\[0\]\.version: a Kubernetes stage names a minor release/m,
    );
    assert.match(
      rejection((d) => (d.features[0]!.sources = ['http://example.org'])),
      /features\[0\] \(demo\)\.sources\[0\]: must be a public https URL/,
    );
    assert.match(
      rejection((d) => d.features[0]!.stages.push({stage: 'released', project: 'linux', version: '6.7'})),
      /features\[0\] \(demo\)\.stages\[1\]\.date: is missing: a linux version needs its release date/,
    );
    assert.match(
      rejection((d) => ((d.features[0] as {stage?: string}).stage = 'ga')),
      /features\[0\] \(demo\): Unrecognized key/,
    );
  });

  test('a stage in a Kubernetes release without a date, or an id used twice, is rejected', () => {
    assert.match(
      rejection((d) => (d.features[0]!.stages[0]!.version = '1.34')),
      /features\[0\] \(demo\)\.stages\[0\]\.version: Kubernetes 1\.34 is not in kubernetesReleases/,
    );
    assert.match(
      rejection((d) => d.features.push(structuredClone(d.features[0]!))),
      /features\[1\] \(demo\)\.id: "demo" is used twice/,
    );
  });
});

const jsx = (attrs: Record<string, string>, line = 7): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name: 'Feature',
  attributes: Object.entries(attrs).map(([name, value]) => ({type: 'mdxJsxAttribute', name, value})),
  children: [],
  position: {start: {line, column: 1}, end: {line, column: 1}},
});
const sentence = (node: MdxJsxTextElement): Root => ({
  type: 'root',
  children: [{type: 'paragraph', children: [{type: 'text', value: 'GA '}, node]}],
});
const attr = (node: RootContent | undefined, name: string) =>
  node && 'attributes' in node ? node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value : undefined;
const EN_FILE = '/site/docs/kubernetes/kube-proxy.mdx';
const ZH_FILE = '/site/i18n/zh-Hans/docusaurus-plugin-content-docs/current/kubernetes/kube-proxy.mdx';

describe('<Feature id>', () => {
  const run = remarkFeatures({timeline: parseTimelineData(VALID)});
  const tagOf = (tree: Root) => (tree.children[0] as Paragraph).children[1] as MdxJsxTextElement;

  test('becomes a link to the source reading the latest stage and the KEP, in the page’s language', () => {
    const en = sentence(jsx({id: 'demo'}));
    const zh = sentence(jsx({id: 'demo'}));
    run(en, new VFile({path: EN_FILE}));
    run(zh, new VFile({path: ZH_FILE}));
    assert.equal(tagOf(en).name, 'a');
    assert.equal(attr(tagOf(en), 'href'), 'https://example.org/kep.yaml');
    assert.deepEqual(tagOf(en).children, [{type: 'text', value: 'GA in 1.33 · KEP-3866'}]);
    assert.deepEqual(tagOf(zh).children, [{type: 'text', value: '1.33 正式发布（GA） · KEP-3866'}]);
  });

  test('the real data reads as the chapters state it', () => {
    const tree = sentence(jsx({id: 'kube-proxy-nftables'}));
    remarkFeatures()(tree, new VFile({path: EN_FILE}));
    assert.deepEqual(tagOf(tree).children, [{type: 'text', value: 'GA in 1.33 · KEP-3866'}]);
    const alpha = sentence(jsx({id: 'kube-proxy-nftables', stage: 'alpha'}));
    remarkFeatures()(alpha, new VFile({path: ZH_FILE}));
    assert.deepEqual(tagOf(alpha).children, [{type: 'text', value: '1.29 Alpha · KEP-3866'}]);
  });

  test('an unknown id or stage stops the build with the file and line', () => {
    assert.throws(() => run(sentence(jsx({id: 'no-such-feature'}, 42)), new VFile({path: EN_FILE})), {
      message: `${EN_FILE}:42: no feature has id "no-such-feature" (see src/data/features.ts)`,
    });
    assert.throws(() => run(sentence(jsx({id: 'demo', stage: 'beta'}, 9)), new VFile({path: EN_FILE})), {
      message: `${EN_FILE}:9: feature "demo" has no beta stage in src/data/features.ts`,
    });
    const block: MdxJsxFlowElement = {...jsx({}, 3), type: 'mdxJsxFlowElement', children: []};
    assert.throws(() => run({type: 'root', children: [block]}, new VFile({path: EN_FILE})), /kube-proxy\.mdx:3: <Feature> needs an id/);
  });

  test('every <Feature id> in the chapters is known, and each chapter cites the same features in both languages', () => {
    const known = new Set(timeline.features.map((f) => f.id));
    const cited = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<Feature id="([^"]+)"/g)].map((m) => m[1]!).sort();
    let total = 0;
    for (const doc of listDocs(DOCS_DIR)) {
      const en = cited(path.join(DOCS_DIR, doc));
      const zh = cited(path.join(ZH_DOCS_DIR, doc));
      total += en.length;
      for (const id of [...en, ...zh]) assert.ok(known.has(id), `${doc}: unknown feature "${id}"`);
      assert.deepEqual(zh, en, `${doc}: the Chinese chapter cites other features than the English one`);
    }
    assert.ok(total >= 5, 'chapters cite features by id');
  });
});

describe('/timeline content', () => {
  test('releases come newest first, and every feature’s chapters exist in both languages', () => {
    for (const locale of ['en', 'zh'] as const) {
      const releases = timelineReleases(timeline, ROOT, locale);
      const dates = releases.map((r) => r.date);
      assert.deepEqual(dates, [...dates].sort().reverse(), `${locale}: not newest first`);
      const ids = new Set(releases.flatMap((r) => r.entries.map((e) => e.feature)));
      assert.deepEqual([...ids].sort(), timeline.features.map((f) => f.id).sort());
      for (const entry of releases.flatMap((r) => r.entries)) {
        for (const chapter of entry.chapters) assert.ok(chapter.title.length > 0, `${entry.feature}: ${chapter.href} has no title`);
      }
    }
    const zhNftables = timelineReleases(timeline, ROOT, 'zh')
      .find((r) => r.title === 'Kubernetes 1.33')!
      .entries.find((e) => e.feature === 'kube-proxy-nftables')!;
    assert.equal(zhNftables.name, 'kube-proxy 的 nftables 模式');
  });

  test('a chapter that does not exist is named', () => {
    const data = parseTimelineData({...VALID, features: [{...VALID.features[0]!, chapters: ['kubernetes/nowhere']}]});
    assert.throws(() => timelineReleases(data, ROOT, 'en'), /demo\.chapters: no en doc "kubernetes\/nowhere"/);
  });
});

describe('stale pages announce themselves', () => {
  const releases = parseTimelineData(VALID).kubernetesReleases;

  test('versions more than one minor behind the newest release need a review after it', () => {
    assert.equal(staleness({versions: ['Kubernetes 1.36'], reviewed: '2026-01-01'}, releases), undefined, 'one minor behind is fine');
    assert.equal(staleness({versions: ['Kubernetes 1.33'], reviewed: '2026-09-01'}, releases), undefined, 'reviewed after 1.37');
    assert.equal(staleness({versions: ['Linux 6.18'], reviewed: '2020-01-01'}, releases), undefined, 'no Kubernetes version');
    assert.match(
      staleness({versions: ['Kubernetes 1.35', 'Linux 6.18'], reviewed: '2026-08-26'}, releases) ?? '',
      /names Kubernetes 1\.35, more than one minor release behind 1\.37 \(released 2026-08-26\), and reviewed \(2026-08-26\)/,
    );
  });

  test('no chapter names an old Kubernetes release without a review after the newest one', async () => {
    assert.equal(newestRelease(timeline.kubernetesReleases).version, '1.37');
    const problems: string[] = [];
    for (const [dir, docs] of [
      [DOCS_DIR, listDocs(DOCS_DIR)],
      [ZH_DOCS_DIR, listDocs(ZH_DOCS_DIR)],
    ] as const) {
      for (const doc of docs.filter((d) => !d.startsWith('references/'))) {
        const filePath = path.join(dir, doc);
        const {frontMatter} = await parseFrontMatter({
          filePath,
          fileContent: readFileSync(filePath, 'utf8'),
          defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER,
        });
        const problem = staleness(frontMatter as {versions: string[]; reviewed: string}, timeline.kubernetesReleases);
        if (problem) problems.push(`${path.relative(ROOT, filePath)}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
