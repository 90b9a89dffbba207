import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {references, CATEGORIES} from '../../src/data/references';
import {validateCatalogue, CatalogueError} from '../../src/data/references/schema';
import {seedExclusions} from '../../src/data/references/exclusions';
import {extractSeedLinks} from '../../scripts/lib/seed-links';
import {readSeedLinks, uncoveredSeedLinks} from '../../scripts/lib/coverage';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';

const good = references[0];

function problemsOf(modules: Record<string, unknown[]>): string[] {
  try {
    validateCatalogue(modules);
    return [];
  } catch (e) {
    assert.ok(e instanceof CatalogueError, String(e));
    return e.problems;
  }
}

describe('reference catalogue', () => {
  test('validates, and has entries in every category', () => {
    assert.ok(references.length > 0);
    for (const category of Object.keys(CATEGORIES)) {
      assert.ok(references.some((r) => r.category === category), `category "${category}" has no entry`);
    }
  });

  test('a bad entry is reported with its module, id and field', () => {
    assert.ok(good, 'the catalogue is empty');
    const broken = {...good, id: 'broken-entry', url: 'https://example.invalid/other', summary: {en: good.summary.en, zh: ''}};
    const problems = problemsOf({[good.category]: [good, broken]});
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0] ?? '', new RegExp(`src/data/references/${good.category}\\.ts: entry "broken-entry", field "summary\\.zh"`));
  });

  test('unknown topics, missing successors, duplicate ids and URLs are rejected', () => {
    assert.ok(good);
    const problems = problemsOf({
      [good.category]: [
        good,
        {...good, url: 'https://example.invalid/a'},
        {...good, id: 'dup-url'},
        {...good, id: 'bad-topic', url: 'https://example.invalid/b', topics: ['not-a-topic']},
        {
          ...good,
          id: 'orphan',
          url: 'https://example.invalid/c',
          status: {state: 'superseded', by: 'nowhere', reason: {en: 'Replaced by nothing at all.', zh: '没有替代项。'}, checked: '2026-11-22', source: 'test'},
        },
      ],
    });
    const text = problems.join('\n');
    assert.match(text, new RegExp(`entry "${good.id}", field "id": used twice`));
    assert.match(text, /entry "dup-url", field "url"/);
    assert.match(text, /entry "bad-topic", field "topics\.0"/);
    assert.match(text, /entry "orphan", field "status\.by": no entry has id "nowhere"/);
  });

  test('every seed link is an entry or excluded with a reason', () => {
    const missing = uncoveredSeedLinks(readSeedLinks(), references);
    assert.deepEqual(missing, [], `seed links not accounted for:\n${missing.join('\n')}`);
    for (const e of seedExclusions) assert.ok(e.reason.trim().length >= 10, `exclusion of ${e.link} needs a reason`);
  });

  test('the seed link list in the repo matches the seed files', (t) => {
    const seedsDir = path.resolve(ROOT, '../shared/seeds');
    if (!existsSync(seedsDir)) return skipOrFail(t, `the seeds are not beside this clone (${seedsDir})`);
    const links = new Set<string>();
    for (const f of readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
      for (const l of extractSeedLinks(readFileSync(path.join(seedsDir, f), 'utf8'))) links.add(l);
    }
    assert.deepEqual(readSeedLinks(), [...links].sort(), 'run `npx tsx scripts/extract-seed-links.ts`');
  });

  test('at least 40 entries are added by the guide', () => {
    assert.ok(references.filter((r) => r.addedByGuide).length >= 40);
  });

  test('each category has a page in both locales, titled and described as in the vocabulary', () => {
    for (const [id, c] of Object.entries(CATEGORIES)) {
      for (const [dir, locale] of [[DOCS_DIR, 'en'], [ZH_DOCS_DIR, 'zh']] as const) {
        const file = path.join(dir, 'references', `${id}.mdx`);
        assert.ok(existsSync(file), `${path.relative(ROOT, file)} is missing`);
        const text = readFileSync(file, 'utf8');
        assert.ok(text.includes(`title: "${c[locale]}"`), `${path.relative(ROOT, file)}: title must be "${c[locale]}"`);
        assert.ok(text.includes(`description: "${c.intro[locale]}"`), `${path.relative(ROOT, file)}: description must be the category intro`);
        assert.ok(text.includes(`<ReferenceList category="${id}" />`), `${path.relative(ROOT, file)}: must render <ReferenceList category="${id}" />`);
      }
    }
  });
});
