import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';
import {LABS_WITHOUT_EXERCISES_YET, parseExercises, readExercises} from '../../src/features/labs/exercises';
import remarkLab from '../../src/features/labs/remark';

const LABS_DIR = path.join(ROOT, 'labs');
const LABS = readdirSync(LABS_DIR)
  .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
  .map((f) => f.slice(0, -3))
  .sort();
const WITH_EXERCISES = readdirSync(path.join(LABS_DIR, 'exercises'))
  .filter((f) => f.endsWith('.sh'))
  .map((f) => f.slice(0, -3))
  .sort();

/** Each locale's chapters, and the heading that opens their exercises. */
const LOCALES = [
  {dir: DOCS_DIR, prefix: 'docs', heading: '## Exercises {#exercises}'},
  {dir: ZH_DOCS_DIR, prefix: 'i18n/zh-Hans/docusaurus-plugin-content-docs/current', heading: '## 练习 {#exercises}'},
];

const errorOf = (text: string) => {
  try {
    parseExercises(text, 'labs/exercises/x.sh');
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('lab exercises (labs/exercises/<lab>.sh)', () => {
  test('every exercises file belongs to a lab and is well formed', () => {
    assert.ok(WITH_EXERCISES.length >= 3, 'the example labs lost their exercises');
    for (const lab of WITH_EXERCISES) {
      assert.ok(LABS.includes(lab), `labs/exercises/${lab}.sh: there is no labs/${lab}.sh`);
      assert.ok(readExercises(LABS_DIR, lab)!.length >= 2, `labs/exercises/${lab}.sh: a chapter gets two or three exercises`);
    }
  });

  test('every lab has exercises, except those LABS_WITHOUT_EXERCISES_YET names', () => {
    const list = 'src/features/labs/exercises.ts, LABS_WITHOUT_EXERCISES_YET';
    const problems = [
      ...LABS.filter((lab) => !WITH_EXERCISES.includes(lab) && !LABS_WITHOUT_EXERCISES_YET.includes(lab)).map(
        (lab) => `labs/exercises/${lab}.sh is missing: every lab's chapter has exercises`,
      ),
      ...LABS_WITHOUT_EXERCISES_YET.filter((lab) => WITH_EXERCISES.includes(lab)).map(
        (lab) => `${list}: ${lab} has exercises now; remove it`,
      ),
      ...LABS_WITHOUT_EXERCISES_YET.filter((lab) => !LABS.includes(lab)).map((lab) => `${list}: there is no labs/${lab}.sh`),
    ];
    assert.deepEqual(problems, []);
  });

  for (const {dir, prefix, heading} of LOCALES) {
    test(`${prefix}: the chapter of each lab shows its exercises, after the lab, under "${heading}"`, () => {
      const pages = listDocs(dir).map((f) => ({file: `${prefix}/${f}`, text: readFileSync(path.join(dir, f), 'utf8')}));
      const problems: string[] = [];
      for (const lab of WITH_EXERCISES) {
        const page = pages.find((p) => p.text.includes(`<Lab name="${lab}"`));
        if (!page) {
          problems.push(`${prefix}: no chapter shows <Lab name="${lab}" />`);
          continue;
        }
        const labAt = page.text.indexOf(`<Lab name="${lab}"`);
        const headingAt = page.text.indexOf(`\n${heading}\n`);
        if (headingAt < labAt) problems.push(`${page.file}: no "${heading}" section after <Lab name="${lab}" />`);
        for (const exercise of readExercises(LABS_DIR, lab)!) {
          const at = page.text.indexOf(`<Exercise lab="${lab}" id="${exercise.id}"`);
          if (at < 0) problems.push(`${page.file}: no <Exercise lab="${lab}" id="${exercise.id}">`);
          else if (at < headingAt) problems.push(`${page.file}: <Exercise lab="${lab}" id="${exercise.id}"> comes before "${heading}"`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  test('a step marker out of place, a missing step or a duplicate id is an error naming the file, line, exercise and field', () => {
    assert.equal(
      errorOf('#: exercise peer-down\n#: break\nip link set x down\n#: check\n# only a comment\n'),
      [
        'labs/exercises/x.sh:1: exercise "peer-down", field "check": has no command',
        'labs/exercises/x.sh:1: exercise "peer-down", field "fix": is missing: add "#: fix" and its commands',
      ].join('\n'),
    );
    assert.equal(
      errorOf('ip link\n#: exercise a\n#: break\nx\n#: fixx\ny\n'),
      [
        "labs/exercises/x.sh:1: a command outside any exercise's step",
        'labs/exercises/x.sh:5: "#: fixx" is not a marker: use "#: exercise ID" or one of "#: setup", "#: break", "#: check", "#: fix"',
        'labs/exercises/x.sh:2: exercise "a", field "check": is missing: add "#: check" and its commands',
        'labs/exercises/x.sh:2: exercise "a", field "fix": is missing: add "#: fix" and its commands',
      ].join('\n'),
    );
    const one = (id: string) => `#: exercise ${id}\n#: break\nx\n#: check\ny\n#: fix\nz\n`;
    assert.equal(errorOf(one('a') + one('a')), 'labs/exercises/x.sh:8: exercise "a": the id is used twice in this file');
    assert.equal(errorOf(one('Peer_Down')), 'labs/exercises/x.sh:1: exercise "Peer_Down", field "id": must be kebab-case, e.g. peer-down');
    assert.equal(errorOf('# nothing here\n'), 'labs/exercises/x.sh: no exercise: start one with "#: exercise ID"');
    assert.deepEqual(parseExercises(`# header\n\n${one('a')}`, 'labs/exercises/x.sh'), [
      {id: 'a', line: 3, break: 'x', check: 'y', fix: 'z'},
    ]);
  });
});

describe('<Exercise> (src/features/labs/remark.ts)', () => {
  const run = remarkLab({labsDir: LABS_DIR});
  const element = (name: string, attrs: Record<string, string>, children: RootContent[] = [], line = 9): MdxJsxFlowElement => ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attrs).map(([n, value]) => ({type: 'mdxJsxAttribute', name: n, value})),
    children: children as MdxJsxFlowElement['children'],
    position: {start: {line, column: 1}, end: {line, column: 1}},
  });
  const attr = (node: MdxJsxFlowElement, name: string) => {
    const value = node.attributes.find((a) => 'name' in a && a.name === name)?.value;
    return typeof value === 'string' ? value : '';
  };
  const page = (...children: RootContent[]): Root => ({type: 'root', children});
  const file = new VFile({path: 'docs/linux/veth-and-tuntap.mdx'});

  test('puts the setup, break and check on the exercise and the fix on its solution, and imports both components', () => {
    const solution = element('Solution', {});
    const exercise = element('Exercise', {lab: 'veth-pair', id: 'peer-down'}, [solution]);
    const tree = page(exercise);
    run(tree, file);
    assert.match(attr(exercise, 'setupHtml'), /veth0/);
    assert.match(attr(exercise, 'breakHtml'), /link<\/span>|link set/);
    assert.match(attr(exercise, 'checkHtml'), /ping/);
    assert.match(attr(solution, 'fixHtml'), /eth0/);
    assert.deepEqual(
      tree.children.flatMap((n) => (n.type === 'mdxjsEsm' ? [n.value] : [])),
      ['import Solution from "@site/src/features/labs/Exercise/Solution";', 'import Exercise from "@site/src/features/labs/Exercise";'],
    );
  });

  test('an exercise the data lacks, a missing solution or a stray solution stops the build with the file and line', () => {
    assert.throws(
      () => run(page(element('Exercise', {lab: 'veth-pair', id: 'nope'}, [element('Solution', {})])), file),
      /^Error: docs\/linux\/veth-and-tuntap\.mdx:9: <Exercise id="nope">: labs\/exercises\/veth-pair\.sh has no exercise "nope" \(it has peer-down, mtu-mismatch\)$/,
    );
    assert.throws(
      () => run(page(element('Exercise', {lab: 'veth-pair', id: 'peer-down'})), file),
      /docs\/linux\/veth-and-tuntap\.mdx:9: <Exercise id="peer-down"> needs one <Solution> child/,
    );
    assert.throws(
      () => run(page(element('Exercise', {lab: 'no-such-lab', id: 'x'})), file),
      /needs labs\/exercises\/no-such-lab\.sh, which does not exist/,
    );
    assert.throws(
      () => run(page(element('Solution', {}, [], 12)), file),
      /veth-and-tuntap\.mdx:12: <Solution> belongs directly inside an <Exercise/,
    );
    assert.ok(existsSync(path.join(LABS_DIR, 'exercises', 'veth-pair.sh')));
  });
});
