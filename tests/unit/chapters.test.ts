import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ZH_DOCS_DIR} from '../../scripts/lib/docs';

/** Chapters are every doc outside the reference catalogue's pages. */
const chapters = listDocs(DOCS_DIR).filter((f) => !f.startsWith('references/'));
/** Part chapters follow the full anatomy; "How to read this guide" is an introduction. */
const partChapters = chapters.filter((f) => f.includes('/'));

function frontMatter(text: string): string {
  return /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
}

describe('home page reading paths', () => {
  test('every step of every reading path is a chapter that exists in both locales', () => {
    const source = readFileSync(path.join(DOCS_DIR, '../src/data/reading-paths.ts'), 'utf8');
    const ids = [...source.matchAll(/docId: '([^']+)'/g)].map((m) => m[1] ?? '');
    assert.ok(ids.length >= 10);
    const docs = new Set(listDocs(DOCS_DIR).map((f) => f.replace(/\.mdx?$/, '')));
    const zhDocs = new Set(listDocs(ZH_DOCS_DIR).map((f) => f.replace(/\.mdx?$/, '')));
    assert.deepEqual(ids.filter((id) => !docs.has(id) || !zhDocs.has(id)), []);
  });
});

describe('chapter anatomy (CONTRIBUTING.md)', () => {
  for (const [dir, prefix] of [[DOCS_DIR, 'docs'], [ZH_DOCS_DIR, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current']] as const) {
    test(`${prefix}: front matter names title, description, keywords, review date and versions`, () => {
      const problems: string[] = [];
      for (const f of chapters) {
        const fm = frontMatter(readFileSync(path.join(dir, f), 'utf8'));
        for (const field of ['title', 'description', 'keywords', 'reviewed', 'versions']) {
          if (!new RegExp(`^${field}:\\s*\\S`, 'm').test(fm)) problems.push(`${prefix}/${f}: front matter has no ${field}`);
        }
        if (!/^reviewed:\s*\d{4}-\d{2}-\d{2}\s*$/m.test(fm)) problems.push(`${prefix}/${f}: reviewed must be a date (YYYY-MM-DD)`);
      }
      assert.deepEqual(problems, []);
    });

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
