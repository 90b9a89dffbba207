/**
 * A lab's transcript: labs/transcripts/<lab>.txt, the output of one real run
 * (stdout and stderr as a terminal shows them), recorded by
 * `npm run labs:record` (scripts/labs/record.ts) and shown on the lab's page.
 * A few header lines say when and where it ran, then `---`, then the output.
 * tests/unit/transcripts.test.ts matches every transcript against its lab's
 * expected output, so a transcript cannot drift from what the lab prints.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

const headerSchema = z.strictObject({
  /** The day of the run, YYYY-MM-DD. */
  recorded: z.iso.date('must be a date YYYY-MM-DD'),
  /** `uname -srm` of the machine it ran on. */
  kernel: z.string().regex(/^Linux \S+ \S+$/, 'must be `uname -srm`, e.g. "Linux 6.1.0-41-686 i686"'),
  /** PRETTY_NAME of its /etc/os-release. */
  system: z.string().min(3),
  /** A Linux host as root, or the lab VM (scripts/lab-vm/). */
  where: z.enum(['host', 'vm']),
});
export type TranscriptHeader = z.infer<typeof headerSchema>;
export interface Transcript extends TranscriptHeader {
  output: string;
}

const SEPARATOR = '\n---\n';

/** labs/transcripts/<lab>.txt, as the repository names it in errors. */
export function transcriptFile(lab: string): string {
  return `labs/transcripts/${lab}.txt`;
}

export function formatTranscript(header: TranscriptHeader, output: string): string {
  const lines = (Object.keys(headerSchema.shape) as Array<keyof TranscriptHeader>).map((key) => `${key}: ${header[key]}`);
  // A lab's output starts with the blank line before its first step.
  return `${lines.join('\n')}${SEPARATOR}${output.replace(/^\n+/, '').trimEnd()}\n`;
}

/** Parses a transcript; throws naming the file and the field at fault. */
export function parseTranscript(text: string, file: string): Transcript {
  const end = text.indexOf(SEPARATOR);
  if (end < 0) throw new Error(`${file}: no "---" line between the header and the output`);
  const fields: Record<string, string> = {};
  for (const line of text.slice(0, end).split('\n')) {
    const match = /^(\w+): (.*)$/.exec(line);
    if (!match) throw new Error(`${file}: header line "${line}" is not "field: value"`);
    fields[match[1]!] = match[2]!;
  }
  const result = headerSchema.safeParse(fields);
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => `${file}: field "${issue.path.map(String).join('.')}": ${issue.message}`).join('\n'));
  }
  return {...result.data, output: text.slice(end + SEPARATOR.length).trimEnd()};
}

/** The transcript of a lab, or undefined if none was recorded. */
export function readTranscript(labsDir: string, lab: string): Transcript | undefined {
  const file = path.join(labsDir, 'transcripts', `${lab}.txt`);
  if (!existsSync(file)) return undefined;
  return parseTranscript(readFileSync(file, 'utf8'), transcriptFile(lab));
}
