import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {addDefaultImport, jsxAttributes, setAttribute, stringAttribute, where, type JsxElement} from '../../build/mdx';
import {labSupport} from '../../data/lab-support';
import {highlight} from '../code-listings/highlight';
import {exercisesFile, readExercises, type Exercise} from './exercises';
import {readTranscript, transcriptFile} from './transcripts';

/** A script longer than this is shown collapsed, its length in the summary. */
export const COLLAPSE_SCRIPT_OVER_LINES = 80;

/**
 * `<Lab name="netns-basics" />` shows labs/netns-basics.sh and a recorded run
 * of it (labs/transcripts/netns-basics.txt). The script is read from the
 * repository at build time, so the page always shows exactly the file that
 * the test suite runs.
 *
 * `<Exercise lab="veth-pair" id="peer-down">` shows the steps of that exercise
 * (labs/exercises/veth-pair.sh) around the prose it wraps; its one
 * `<Solution>` child gets the fix.
 */
export default function remarkLab(options: {labsDir: string}) {
  const exercisesOf = new Map<string, Exercise[] | undefined>();
  const exercises = (lab: string) => {
    if (!exercisesOf.has(lab)) exercisesOf.set(lab, readExercises(options.labsDir, lab));
    return exercisesOf.get(lab);
  };
  return (tree: Root, file: VFile) => {
    const used = new Set<'Lab' | 'Exercise'>();
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node, _index, parent) => {
      if (node.name === 'Lab') {
        used.add('Lab');
        expandLab(node, file, options.labsDir);
      } else if (node.name === 'Exercise') {
        used.add('Exercise');
        expandExercise(node, file, exercises);
      } else if (node.name === 'Solution' && !(parent && 'name' in parent && parent.name === 'Exercise')) {
        throw new Error(`${where(file, node)}: <Solution> belongs directly inside an <Exercise lab="…" id="…">`);
      }
    });
    if (used.has('Lab')) addDefaultImport(tree, 'Lab', '@site/src/features/labs/Lab');
    if (used.has('Exercise')) {
      addDefaultImport(tree, 'Exercise', '@site/src/features/labs/Exercise');
      addDefaultImport(tree, 'Solution', '@site/src/features/labs/Exercise/Solution');
    }
  };
}

function expandLab(node: JsxElement, file: VFile, labsDir: string): void {
  const at = where(file, node);
  const name = stringAttribute(node, 'name', file);
  if (!name) throw new Error(`${at}: <Lab> needs a name, e.g. <Lab name="netns-basics" />`);
  const script = path.join(labsDir, `${name}.sh`);
  if (!existsSync(script)) throw new Error(`${at}: <Lab name="${name}"> needs ${path.relative(process.cwd(), script)}, which does not exist`);
  const transcript = readTranscript(labsDir, name);
  if (!transcript) {
    throw new Error(`${at}: <Lab name="${name}"> needs ${transcriptFile(name)}, a recorded run: sudo npm run labs:record -- ${name}`);
  }
  const source = readFileSync(script, 'utf8').trimEnd();
  // Highlighted here, like every code block (../code-listings/remark.ts).
  setAttribute(node, 'scriptHtml', highlight(source, 'bash'));
  const lines = source.split('\n').length;
  setAttribute(node, 'scriptLines', String(lines));
  if (lines > COLLAPSE_SCRIPT_OVER_LINES) node.attributes.push(...jsxAttributes({collapsed: null}));
  setAttribute(node, 'transcriptHtml', highlight(transcript.output, 'text'));
  setAttribute(node, 'recorded', transcript.recorded);
  setAttribute(node, 'kernel', transcript.kernel);
  setAttribute(node, 'system', transcript.system);
  setAttribute(node, 'where', transcript.where);
  // The Chinese docs live under i18n/zh-Hans/; the page gets a reason in its own language only.
  const zh = file.path.includes(`${path.sep}i18n${path.sep}zh-Hans${path.sep}`);
  type Reasons = Record<string, {en: string; zh: string} | undefined>;
  const notInVm = (labSupport.vm as Reasons)[name];
  const notOnHost = (labSupport.host as Reasons)[name];
  if (notInVm) setAttribute(node, 'vmReason', zh ? notInVm.zh : notInVm.en);
  if (notOnHost) setAttribute(node, 'hostReason', zh ? notOnHost.zh : notOnHost.en);
}

function expandExercise(node: JsxElement, file: VFile, exercises: (lab: string) => Exercise[] | undefined): void {
  const at = where(file, node);
  const lab = stringAttribute(node, 'lab', file);
  const id = stringAttribute(node, 'id', file);
  if (!lab || !id) throw new Error(`${at}: <Exercise> needs a lab and an id, e.g. <Exercise lab="veth-pair" id="peer-down">`);
  const list = exercises(lab);
  if (!list) throw new Error(`${at}: <Exercise lab="${lab}"> needs ${exercisesFile(lab)}, which does not exist`);
  const exercise = list.find((e) => e.id === id);
  if (!exercise) {
    throw new Error(`${at}: <Exercise id="${id}">: ${exercisesFile(lab)} has no exercise "${id}" (it has ${list.map((e) => e.id).join(', ')})`);
  }
  const solutions = node.children.filter((child) => 'name' in child && child.name === 'Solution') as JsxElement[];
  if (solutions.length !== 1) {
    throw new Error(`${at}: <Exercise id="${id}"> needs one <Solution> child, which explains what happened (it has ${solutions.length})`);
  }
  if (exercise.setup) setAttribute(node, 'setupHtml', highlight(exercise.setup, 'bash'));
  setAttribute(node, 'breakHtml', highlight(exercise.break, 'bash'));
  setAttribute(node, 'checkHtml', highlight(exercise.check, 'bash'));
  setAttribute(solutions[0]!, 'fixHtml', highlight(exercise.fix, 'bash'));
}
