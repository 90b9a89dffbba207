import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {ROOT} from '../../scripts/lib/docs';
import {unmatchedExpectedLines} from '../../src/features/labs/expected-output';
import remarkLab, {COLLAPSE_SCRIPT_OVER_LINES} from '../../src/features/labs/remark';
import {formatTranscript, parseTranscript, readTranscript} from '../../src/features/labs/transcripts';

const LABS_DIR = path.join(ROOT, 'labs');
const LABS = readdirSync(LABS_DIR)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.slice(0, -3))
  .sort();

const errorOf = (text: string) => {
  try {
    parseTranscript(text, 'labs/transcripts/x.txt');
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('lab transcripts (labs/transcripts/<lab>.txt)', () => {
  test('every lab has one, and every one belongs to a lab', () => {
    const transcripts = readdirSync(path.join(LABS_DIR, 'transcripts')).map((f) => f.replace(/\.txt$/, ''));
    assert.deepEqual(
      LABS.filter((lab) => !transcripts.includes(lab)),
      [],
      'labs without a transcript: record them with sudo npm run labs:record -- NAME',
    );
    assert.deepEqual(
      transcripts.filter((t) => !LABS.includes(t)),
      [],
      'transcripts of labs that do not exist',
    );
  });

  // The page shows the transcript as what the lab prints: it must still be what the lab prints.
  for (const lab of LABS) {
    test(`labs/transcripts/${lab}.txt passed and matches labs/${lab}.expected.txt`, () => {
      const transcript = readTranscript(LABS_DIR, lab);
      assert.ok(transcript, `labs/transcripts/${lab}.txt is missing: sudo npm run labs:record -- ${lab}`);
      assert.match(transcript.output, new RegExp(`^PASS: ${lab}$`, 'm'), 'the recorded run did not pass');
      assert.doesNotMatch(transcript.output, /^==> Kept for you/m, 'recorded with LAB_KEEP set');
      const missing = unmatchedExpectedLines(readFileSync(path.join(LABS_DIR, `${lab}.expected.txt`), 'utf8'), transcript.output);
      assert.deepEqual(
        missing,
        [],
        `lines of labs/${lab}.expected.txt not in labs/transcripts/${lab}.txt: record it again (sudo npm run labs:record -- ${lab})`,
      );
    });
  }

  test('a header without a field, with a bad value or without its separator is an error naming the file and field', () => {
    const good = {
      recorded: '2026-12-07',
      kernel: 'Linux 6.1.0-41-686 i686',
      system: 'Debian GNU/Linux 12 (bookworm)',
      where: 'vm',
    } as const;
    const text = formatTranscript(good, '==> a step\nPASS: x\n');
    assert.equal(
      text.split('\n---\n')[0],
      'recorded: 2026-12-07\nkernel: Linux 6.1.0-41-686 i686\nsystem: Debian GNU/Linux 12 (bookworm)\nwhere: vm',
    );
    assert.deepEqual(parseTranscript(text, 'labs/transcripts/x.txt'), {...good, output: '==> a step\nPASS: x'});
    assert.equal(errorOf(text.replace('2026-12-07', '2026-02-30')), 'labs/transcripts/x.txt: field "recorded": must be a date YYYY-MM-DD');
    assert.equal(
      errorOf(text.replace('where: vm', 'where: laptop')),
      'labs/transcripts/x.txt: field "where": Invalid option: expected one of "host"|"vm"',
    );
    assert.match(errorOf(text.replace('kernel: Linux 6.1.0-41-686 i686\n', '')), /^labs\/transcripts\/x\.txt: field "kernel": /);
    assert.equal(errorOf('PASS: x\n'), 'labs/transcripts/x.txt: no "---" line between the header and the output');
  });
});

describe('<Lab> shows the script, collapsed when long, and the transcript', () => {
  const run = remarkLab({labsDir: LABS_DIR});
  const lab = (name: string): MdxJsxFlowElement => ({
    type: 'mdxJsxFlowElement',
    name: 'Lab',
    attributes: [{type: 'mdxJsxAttribute', name: 'name', value: name}],
    children: [],
  });
  const attrs = (node: MdxJsxFlowElement): Record<string, string | null | undefined> =>
    Object.fromEntries(
      node.attributes.flatMap((a) => ('name' in a && (a.value === null || typeof a.value === 'string') ? [[a.name, a.value]] : [])),
    );

  test('a script over the limit is collapsed, and the transcript and where it ran come with it', () => {
    const lines = (name: string) =>
      readFileSync(path.join(LABS_DIR, `${name}.sh`), 'utf8')
        .trimEnd()
        .split('\n').length;
    const long = LABS.find((name) => lines(name) > COLLAPSE_SCRIPT_OVER_LINES)!;
    const node = lab(long);
    run({type: 'root', children: [node]}, new VFile({path: 'docs/x.mdx'}));
    const a = attrs(node);
    assert.equal(a.collapsed, null, 'a boolean attribute: collapsed');
    assert.equal(a.scriptLines, String(lines(long)));
    const transcript = readTranscript(LABS_DIR, long)!;
    assert.match(String(a.transcriptHtml), new RegExp(`PASS: ${long}`));
    assert.deepEqual(
      [a.recorded, a.kernel, a.system, a.where],
      [transcript.recorded, transcript.kernel, transcript.system, transcript.where],
    );
    assert.doesNotMatch(String(a.transcriptHtml), /…/, 'the page shows a real run, not the pattern');
  });

  test('a lab without a transcript stops the build, saying how to record one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'labs-'));
    try {
      writeFileSync(path.join(dir, 'fresh.sh'), 'source "$(dirname "$0")/lib.sh"\npass\n');
      const node = {...lab('fresh'), position: {start: {line: 3, column: 1}, end: {line: 3, column: 1}}};
      assert.throws(
        () => remarkLab({labsDir: dir})({type: 'root', children: [node]}, new VFile({path: 'docs/x.mdx'})),
        /^Error: docs\/x\.mdx:3: <Lab name="fresh"> needs labs\/transcripts\/fresh\.txt, a recorded run: sudo npm run labs:record -- fresh$/,
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
