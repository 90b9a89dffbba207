import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {references, CATEGORIES} from '../../src/data/references';
import {validateCatalogue, CatalogueError, normaliseUrl} from '../../src/data/references/schema';
import {seedExclusions} from '../../src/data/references/exclusions';
import {knownAddresses, readSeedLinks, uncoveredSeedLinks} from '../../src/data/references/coverage';
import {parseFrontMatter} from '../../src/data/front-matter';
import {DOCS_DIR, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';

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
      assert.ok(
        references.some((r) => r.category === category),
        `category "${category}" has no entry`,
      );
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
          status: {
            state: 'superseded',
            by: 'nowhere',
            reason: {en: 'Replaced by nothing at all.', zh: '没有替代项。'},
            checked: '2026-11-22',
            source: 'test',
          },
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

  test('an entry the seed lists cite is never labelled "added by this guide"', () => {
    const seedLinks = new Set(readSeedLinks().map(normaliseUrl));
    const mislabelled = references
      .filter((r) => r.addedByGuide && [r.url, ...(r.seedUrls ?? [])].some((u) => seedLinks.has(normaliseUrl(u))))
      .map((r) => r.id);
    assert.ok(
      references.some((r) => r.addedByGuide),
      'no entry is marked addedByGuide: the label is never shown',
    );
    assert.deepEqual(mislabelled, []);
  });

  test('every seed spelling an entry keeps, and every exclusion, is a link the seed lists really have', () => {
    const seedLinks = readSeedLinks();
    const normalised = new Set(seedLinks.map(normaliseUrl));
    const stale = [
      ...references.flatMap((r) => (r.seedUrls ?? []).filter((u) => !normalised.has(normaliseUrl(u))).map((u) => `${r.id}: seedUrls ${u}`)),
      ...seedExclusions.filter((e) => !seedLinks.includes(e.link)).map((e) => `exclusions.ts: ${e.link}`),
    ];
    assert.deepEqual(stale, []);
  });

  test('no link is both an entry and excluded', () => {
    const known = knownAddresses(references);
    assert.deepEqual(
      seedExclusions.filter((e) => known.has(normaliseUrl(e.link))).map((e) => e.link),
      [],
    );
  });

  test('each category has a page in both locales, titled and described as in the vocabulary', async () => {
    for (const [id, c] of Object.entries(CATEGORIES)) {
      for (const [dir, locale] of [
        [DOCS_DIR, 'en'],
        [ZH_DOCS_DIR, 'zh'],
      ] as const) {
        const file = path.join(dir, 'references', `${id}.mdx`);
        const where = path.relative(ROOT, file);
        assert.ok(existsSync(file), `${where} is missing`);
        const fileContent = readFileSync(file, 'utf8');
        const {frontMatter} = await parseFrontMatter({filePath: file, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
        assert.equal(frontMatter.title, c[locale], `${where}: title`);
        assert.equal(frontMatter.description, c.intro[locale], `${where}: description must be the category intro`);
        assert.ok(fileContent.includes(`<ReferenceList category="${id}" />`), `${where}: must render <ReferenceList category="${id}" />`);
      }
    }
  });
});
