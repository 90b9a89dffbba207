/**
 * A lab's exercises: labs/exercises/<lab>.sh, shell commands in steps marked
 * with `#:` comments (the format is in CONTRIBUTING.md, "Exercises"), done on
 * the state that `LAB_KEEP=1 bash labs/<lab>.sh` leaves. The remark plugin
 * shows them with `<Exercise lab id>`, and the lab tests run them: the check
 * holds on the kept lab, fails after the break, holds again after the fix.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

/** The steps of an exercise, in the order a reader does them. */
export const STEPS = ['setup', 'break', 'check', 'fix'] as const;
export type Step = (typeof STEPS)[number];

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** At least one line that is a command: not blank, not a comment. */
const commands = z
  .string()
  .refine((text) => text.split('\n').some((line) => line.trim() && !line.trim().startsWith('#')), 'has no command');

const exerciseSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case, e.g. peer-down'),
  /** The line of its `#: exercise` marker, for errors. */
  line: z.number().int().positive(),
  /** Commands that build what the exercise needs on top of the kept lab, if the lab took it away at its end. */
  setup: commands.optional(),
  /** What the reader runs to break the lab's state. */
  break: commands,
  /** Exits 0 when the state works: on the kept lab (after setup), and after the fix; not after the break. */
  check: commands,
  /** What puts it right: shown in the solution. */
  fix: commands,
});
export type Exercise = z.infer<typeof exerciseSchema>;

/**
 * Labs whose chapters do not have exercises yet. Every other lab must have
 * labs/exercises/<lab>.sh (the tests say so); a lab leaves this list when its
 * exercises land.
 */
export const LABS_WITHOUT_EXERCISES_YET: readonly string[] = [
  'tc-hfsc',
];

/** labs/exercises/<lab>.sh, as the repository names it in errors. */
export function exercisesFile(lab: string): string {
  return `labs/exercises/${lab}.sh`;
}

/**
 * Reads the `#:`-marked steps of an exercises file. Throws an error naming the
 * file, the line and the exercise and field at fault.
 */
export function parseExercises(text: string, file: string): Exercise[] {
  const problems: string[] = [];
  const raw: Array<Record<string, unknown> & {line: number}> = [];
  let current: (Record<string, unknown> & {line: number}) | undefined;
  let step: Step | undefined;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    const marker = /^#:\s*(\S+)\s*(.*?)\s*$/.exec(line);
    if (marker) {
      const [, word, rest] = marker;
      if (word === 'exercise') {
        current = {id: rest, line: i + 1};
        raw.push(current);
        step = undefined;
        if (!rest) problems.push(`${at}: "#: exercise" needs an id, e.g. "#: exercise peer-down"`);
      } else if ((STEPS as readonly string[]).includes(word!) && !rest) {
        if (!current) problems.push(`${at}: "#: ${word}" comes before any "#: exercise ID"`);
        else if (word! in current) problems.push(`${at}: exercise "${String(current.id)}" has a second "${word}" step`);
        else {
          step = word as Step;
          current[step] = '';
        }
      } else {
        problems.push(`${at}: "${line.trim()}" is not a marker: use "#: exercise ID" or one of ${STEPS.map((s) => `"#: ${s}"`).join(', ')}`);
      }
      return;
    }
    if (current && step) current[step] = `${current[step] as string}${line}\n`;
    else if (line.trim() && !line.trim().startsWith('#')) problems.push(`${at}: a command outside any exercise's step`);
  });
  const exercises: Exercise[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    for (const s of STEPS) if (typeof entry[s] === 'string') entry[s] = trimBlankLines(entry[s]);
    const result = exerciseSchema.safeParse(entry);
    const name = typeof entry.id === 'string' && entry.id ? `exercise "${entry.id}"` : 'exercise';
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        const message = issue.code === 'invalid_type' && issue.input === undefined ? `is missing: add "#: ${field}" and its commands` : issue.message;
        problems.push(`${file}:${entry.line}: ${name}, field "${field}": ${message}`);
      }
      continue;
    }
    if (seen.has(result.data.id)) problems.push(`${file}:${entry.line}: ${name}: the id is used twice in this file`);
    seen.add(result.data.id);
    exercises.push(result.data);
  }
  if (raw.length === 0) problems.push(`${file}: no exercise: start one with "#: exercise ID"`);
  if (problems.length) throw new Error(problems.join('\n'));
  return exercises;
}

/** The exercises of a lab, or undefined if it has none (yet). */
export function readExercises(labsDir: string, lab: string): Exercise[] | undefined {
  const file = path.join(labsDir, 'exercises', `${lab}.sh`);
  if (!existsSync(file)) return undefined;
  return parseExercises(readFileSync(file, 'utf8'), exercisesFile(lab));
}

function trimBlankLines(text: string): string {
  return text.replace(/^(\s*\n)+/, '').trimEnd();
}
