import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {references, CATEGORIES} from '../../src/data/references';
import {validateCatalogue, CatalogueError, normaliseUrl, UNOPENABLE_EVIDENCE} from '../../src/data/references/schema';
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
            evidence: {urls: ['https://example.invalid/notice'], note: 'The notice names no successor.'},
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

  describe('status evidence', () => {
    const withEvidence = (id: string, evidence: unknown) => ({
      ...good,
      id,
      url: `https://example.invalid/${id}`,
      status: {state: 'active', checked: '2026-12-07', evidence},
    });
    const where = (id: string, field: string) =>
      new RegExp(`src/data/references/${good?.category}\\.ts: entry "${id}", field "status\\.evidence${field}"`);

    test('rests on public URLs with a note for the reader', () => {
      assert.ok(good);
      assert.deepEqual(
        problemsOf({
          [good.category]: [good, withEvidence('fine', {urls: ['https://example.org/release'], note: 'The 2.0 release notes.'})],
        }),
        [],
      );
    });

    test('old wording that cites unopenable copies or tells how it was looked up is rejected', () => {
      assert.ok(good);
      const notes = {
        'stored-copy': 'Stored copy of the post at example.org.',
        'stored-paren': 'The README (stored) marks it archived.',
        seed: 'Address given in full by seed 000.',
        corpus: 'Page present in the docs corpus.',
        'code-index': 'File present in the repository (code index).',
        we: 'We confirmed the page still answers.',
        'looked-up': 'Looked up on the project site in 2026.',
        'not-found': 'The announcement was not found.',
        editors: "Retirement taken from the editors' brief.",
      };
      const problems = problemsOf({
        [good.category]: [good, ...Object.entries(notes).map(([id, note]) => withEvidence(id, {urls: ['https://example.org/'], note}))],
      });
      for (const id of Object.keys(notes)) {
        assert.ok(
          problems.some((p) => where(id, '\\.note').test(p)),
          `the note of "${id}" was accepted:\n${problems.join('\n')}`,
        );
      }
    });

    test('evidence without a URL, with a non-http URL, or the old source text, is rejected with file and entry', () => {
      assert.ok(good);
      const problems = problemsOf({
        [good.category]: [
          good,
          withEvidence('no-url', {urls: [], note: 'The release notes of 2.0.'}),
          withEvidence('ftp-url', {urls: ['ftp://example.org/notes'], note: 'The release notes of 2.0.'}),
          {...withEvidence('old-source', undefined), status: {state: 'active', checked: '2026-12-07', source: 'Stored copy'}},
        ],
      });
      const text = problems.join('\n');
      assert.match(text, where('no-url', '\\.urls'));
      assert.match(text, /entry "no-url", field "status\.evidence\.urls": needs at least one public URL/);
      assert.match(text, where('ftp-url', '\\.urls\\.0'));
      assert.match(text, /entry "old-source", field "status\.evidence"/);
      assert.match(text, /entry "old-source", field "status(\.source)?"/);
    });

    test('no published note matches the rejected wording', () => {
      const bad = references.flatMap((r) =>
        UNOPENABLE_EVIDENCE.filter(({pattern}) => pattern.test(r.status.evidence.note)).map(
          ({why}) => `src/data/references/${r.category}.ts: entry "${r.id}": ${why}`,
        ),
      );
      assert.deepEqual(bad, []);
    });
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
