import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {parseFrontMatter} from '../../src/data/front-matter';
import {READING_PATHS} from '../../src/data/reading-path-docs';
import {validateReadingPaths} from '../../src/data/reading-path-docs.schema';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';

/** Chapters are every doc outside the reference catalogue's pages. */
const chapters = listDocs(DOCS_DIR).filter((f) => !f.startsWith('references/'));
/** Part chapters follow the full anatomy; "How to read this guide" is an introduction. */
const partChapters = chapters.filter((f) => f.includes('/'));

/** The front matter as the build sees it: the hook docusaurus.config.ts installs. */
const parse = (filePath: string, fileContent: string) =>
  parseFrontMatter({filePath, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});

/** The error the build would stop with, or '' if the front matter is accepted. */
async function rejection(relativePath: string, frontMatter: string): Promise<string> {
  try {
    await parse(path.join(ROOT, relativePath), `---\n${frontMatter}\n---\n\nText.\n`);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

const GOOD = {
  title: 'Netfilter',
  description: 'Where the hooks sit.',
  keywords: '[netfilter, 8472]',
  reviewed: '2026-11-22',
  versions: '[Linux 6.18]',
};
const frontMatter = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
const without = (field: keyof typeof GOOD) => frontMatter(Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== field)));

describe('reading paths (src/data/reading-path-docs.ts)', () => {
  test('every step of every reading path is a chapter that exists in both locales', () => {
    const docs = new Set(listDocs(DOCS_DIR).map((f) => f.replace(/\.mdx?$/, '')));
    const zhDocs = new Set(listDocs(ZH_DOCS_DIR).map((f) => f.replace(/\.mdx?$/, '')));
    const missing = READING_PATHS.flatMap((p) =>
      p.steps.flatMap((id) => [
        ...(docs.has(id) ? [] : [`${p.id}: ${id} has no English page (docs/${id}.mdx)`]),
        ...(zhDocs.has(id) ? [] : [`${p.id}: ${id} has no Chinese page (${path.relative(ROOT, ZH_DOCS_DIR)}/${id}.mdx)`]),
      ]),
    );
    assert.ok(READING_PATHS.length > 0);
    assert.doesNotThrow(() => validateReadingPaths(READING_PATHS));
    assert.deepEqual(missing, []);
  });

  test('the newcomer path reads Networking essentials first and the Linux bridge and Netfilter before Docker’s bridge', () => {
    const steps: readonly string[] = READING_PATHS.find((p) => p.id === 'newcomer')?.steps ?? [];
    assert.equal(steps[0], 'linux/networking-essentials');
    const before = (a: string, b: string) => steps.includes(a) && steps.indexOf(a) < steps.indexOf(b);
    assert.ok(before('linux/linux-bridge', 'docker/bridge-mode'), 'The Linux bridge comes after Docker’s bridge, which builds on it');
    assert.ok(before('linux/netfilter', 'docker/bridge-mode'), 'Netfilter comes after Docker’s bridge, which builds on it');
  });

  test('a malformed path is rejected with the file, the path and the field', () => {
    const message = (input: unknown) => {
      try {
        validateReadingPaths(input);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    assert.match(
      message([{id: 'twice', steps: ['linux/netfilter', 'linux/netfilter']}]),
      /^src\/data\/reading-path-docs\.ts: path "twice", field "steps": names a doc twice$/,
    );
    assert.match(
      message([{id: 'ext', steps: ['linux/netfilter', 'linux/netfilter.mdx']}]),
      /src\/data\/reading-path-docs\.ts: path "ext", field "steps\.1": must be a doc id/,
    );
  });
});

describe('front matter (src/data/front-matter.ts, run by the build)', () => {
  for (const dir of [DOCS_DIR, ZH_DOCS_DIR]) {
    test(`${path.relative(ROOT, dir)}: every page's front matter is accepted`, async () => {
      const problems: string[] = [];
      for (const f of listDocs(dir)) {
        const file = path.join(dir, f);
        await parse(file, readFileSync(file, 'utf8')).catch((e: Error) => problems.push(e.message));
      }
      assert.deepEqual(problems, []);
    });
  }

  test('a chapter gives its footer the review date as written and its versions', async () => {
    const file = path.join(DOCS_DIR, 'linux/netfilter.mdx');
    const {frontMatter} = await parse(file, readFileSync(file, 'utf8'));
    assert.match(String(frontMatter.reviewed), /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Array.isArray(frontMatter.versions) && frontMatter.versions.length > 0);
  });

  test('a chapter without a review date is rejected, naming the file and the field', async () => {
    assert.equal(await rejection('docs/linux/broken.mdx', frontMatter(GOOD)), '');
    assert.equal(
      await rejection('docs/linux/broken.mdx', without('reviewed')),
      'docs/linux/broken.mdx: front matter field "reviewed": is missing',
    );
    assert.equal(
      await rejection('i18n/zh-Hans/docusaurus-plugin-content-docs/current/how-to-read.mdx', without('versions')),
      'i18n/zh-Hans/docusaurus-plugin-content-docs/current/how-to-read.mdx: front matter field "versions": is missing',
    );
  });

  test('a review date that is not a real YYYY-MM-DD date is rejected', async () => {
    // YAML would read an unquoted 2026-02-30 as 2 March; the date is checked as written.
    for (const reviewed of ['2026-02-30', '22/11/2026', '2026-11-22 10:00', '"2026-11"', 'yesterday']) {
      assert.equal(
        await rejection('docs/linux/broken.mdx', frontMatter({...GOOD, reviewed})),
        'docs/linux/broken.mdx: front matter field "reviewed": must be a date YYYY-MM-DD',
        `reviewed: ${reviewed}`,
      );
    }
  });

  test('a misspelt or unknown field is rejected, and so is a list written as text', async () => {
    const message = await rejection('docs/kubernetes/broken.mdx', `${without('reviewed')}\nreveiwed: 2026-11-22`);
    assert.match(message, /^docs\/kubernetes\/broken\.mdx: front matter field "reviewed": is missing$/m);
    assert.match(message, /^docs\/kubernetes\/broken\.mdx: front matter field "reveiwed": not a field of this page/m);
    assert.match(
      await rejection('docs/kubernetes/broken.mdx', frontMatter({...GOOD, keywords: 'netfilter, NAT'})),
      /^docs\/kubernetes\/broken\.mdx: front matter field "keywords": must be a list/,
    );
  });

  test('a reading-list page needs no review date, and may not claim one', async () => {
    const page = 'docs/references/dns.mdx';
    assert.equal(await rejection(page, 'title: DNS\ndescription: Cluster DNS servers.'), '');
    assert.match(
      await rejection(page, 'title: DNS\ndescription: Cluster DNS servers.\nreviewed: 2026-11-22'),
      /^docs\/references\/dns\.mdx: front matter field "reviewed": not a field of this page/,
    );
    assert.equal(await rejection(page, 'title: DNS'), 'docs/references/dns.mdx: front matter field "description": is missing');
  });
});

describe('chapter anatomy (CONTRIBUTING.md)', () => {
  for (const [dir, prefix] of [
    [DOCS_DIR, 'docs'],
    [ZH_DOCS_DIR, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current'],
  ] as const) {
    test(`${prefix}: part chapters have outcomes, a diagram, pitfalls and further reading`, () => {
      const problems: string[] = [];
      for (const f of partChapters) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        for (const id of ['what-you-will-learn', 'pitfalls-and-troubleshooting', 'further-reading']) {
          if (!text.includes(`{#${id}}`)) problems.push(`${prefix}/${f}: no heading with id #${id}`);
        }
        if (!text.includes('```mermaid')) problems.push(`${prefix}/${f}: no Mermaid diagram`);
        if (!/<FurtherReading\b/.test(text)) problems.push(`${prefix}/${f}: further reading does not cite the catalogue`);
        if (/\]\(https?:\/\//.test(text)) problems.push(`${prefix}/${f}: a raw external link; cite a catalogue entry with <Ref id="…" />`);
      }
      assert.deepEqual(problems, []);
    });
  }
});

/** The text of every <summary> of a page, in order. */
const summaries = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<summary>([\s\S]*?)<\/summary>/g)].map((m) => m[1]!.trim());

describe('"Under the hood" sections (CONTRIBUTING.md)', () => {
  test('are titled the same way in both locales, and each English one has its Chinese twin', () => {
    const problems: string[] = [];
    for (const f of chapters) {
      const en = summaries(path.join(DOCS_DIR, f)).filter((s) => /^under the hood/i.test(s));
      const zh = summaries(path.join(ZH_DOCS_DIR, f)).filter((s) => s.startsWith('幕后'));
      for (const s of en) if (!s.startsWith('Under the hood: ')) problems.push(`docs/${f}: "${s}" should start with "Under the hood: "`);
      for (const s of zh) if (!s.startsWith('幕后原理：')) problems.push(`${f} (zh-Hans): "${s}" should start with "幕后原理："`);
      if (en.length !== zh.length) problems.push(`${f}: ${en.length} "Under the hood" sections in English, ${zh.length} in Chinese`);
    }
    assert.deepEqual(problems, []);
  });
});
