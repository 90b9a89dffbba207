import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {parseFrontMatter} from '../../src/data/front-matter';
import {CHANGELOG_DIR, ZH_CHANGELOG_DIR} from '../../src/features/changelog/options';
import {CHANGELOG_LOCALES, changelogEntries} from '../helpers/changelog';

const ROOT = path.resolve(__dirname, '../..');

/** The error the build would stop with for a file with this content, or '' if its front matter is accepted. */
async function rejection(relativePath: string, fileContent: string): Promise<string> {
  try {
    await parseFrontMatter({filePath: path.join(ROOT, relativePath), fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

const GOOD = ['title: Part 9', 'description: Nine new chapters.', 'date: 2026-12-07T13:38:14Z'];
const entry = (lines: readonly string[]) => `---\n${lines.join('\n')}\n---\n\nWhat you can now read.\n`;

describe('changelog entries (changelog/, src/features/changelog)', () => {
  test('every entry is in both languages, with the same date', async () => {
    const [en, zh] = await Promise.all(CHANGELOG_LOCALES.map((l) => changelogEntries(l.source)));
    assert.ok(en && en.length >= 10, `only ${en?.length} English entries`);
    const zhBySlug = new Map((zh ?? []).map((e) => [e.slug, e]));
    const enSlugs = new Set(en.map((e) => e.slug));
    const problems = [
      // The blog plugin would show the English entry on the Chinese site without a word.
      ...en.filter((e) => !zhBySlug.has(e.slug)).map((e) => `${e.file} has no Chinese entry in ${ZH_CHANGELOG_DIR}/`),
      ...(zh ?? []).filter((e) => !enSlugs.has(e.slug)).map((e) => `${e.file} has no English entry in ${CHANGELOG_DIR}/`),
      ...en.flatMap((e) => {
        const twin = zhBySlug.get(e.slug);
        return twin && twin.date.getTime() !== e.date.getTime()
          ? [`${twin.file}: date ${twin.date.toISOString()} differs from ${e.file}'s ${e.date.toISOString()}`]
          : [];
      }),
    ];
    assert.deepEqual(problems, []);
  });

  test('no two entries landed at the same time, so their order is never left to chance', async () => {
    const en = await changelogEntries(CHANGELOG_LOCALES[0].source);
    const times = en.map((e) => e.date.toISOString());
    assert.deepEqual(
      times.filter((t, i) => times.indexOf(t) !== i),
      [],
    );
  });

  test('the Chinese folder holds only entries and the plugin’s options', () => {
    const other = readdirSync(path.join(ROOT, ZH_CHANGELOG_DIR)).filter((f) => !/\.mdx?$/.test(f) && f !== 'options.json');
    assert.deepEqual(other, []);
  });

  test('an entry without a title, a description, a date or any front matter is rejected, naming the file and the field', async () => {
    const file = 'changelog/part-9.mdx';
    assert.equal(await rejection(file, entry(GOOD)), '');
    assert.equal(await rejection(file, entry(GOOD.slice(1))), `${file}: front matter field "title": is missing`);
    assert.equal(await rejection(file, entry([GOOD[0], GOOD[2]] as string[])), `${file}: front matter field "description": is missing`);
    const zhFile = `${ZH_CHANGELOG_DIR}/part-9.mdx`;
    assert.equal(await rejection(zhFile, entry(GOOD.slice(0, 2))), `${zhFile}: front matter field "date": is missing`);
    assert.equal(
      await rejection(file, 'What you can now read.\n'),
      ['title', 'description', 'date'].map((f) => `${file}: front matter field "${f}": is missing`).join('\n'),
    );
  });

  test('a date must be the UTC time the change landed, and a real one', async () => {
    const file = 'changelog/part-9.mdx';
    for (const date of ['2026-12-07', '2026-12-07 13:38', '7 December 2026', '2026-12-07T13:38:14+08:00']) {
      assert.match(
        await rejection(file, entry([GOOD[0], GOOD[1], `date: ${date}`] as string[])),
        /^changelog\/part-9\.mdx: front matter field "date": must be the UTC time the change landed/,
        `date: ${date}`,
      );
    }
    assert.match(await rejection(file, entry([GOOD[0], GOOD[1], 'date: 2026-02-30T10:00:00Z'] as string[])), /field "date"/);
  });

  test('tags, authors and misspelt fields are rejected: a changelog has none', async () => {
    const file = 'changelog/part-9.mdx';
    for (const extra of ['tags: [release]', 'authors: [someone]', 'titel: Part 9']) {
      const field = extra.slice(0, extra.indexOf(':'));
      assert.equal(
        await rejection(file, entry([...GOOD, extra])),
        `${file}: front matter field "${field}": not a field of this page (misspelt? new fields go in src/data/front-matter.ts)`,
      );
    }
  });
});
