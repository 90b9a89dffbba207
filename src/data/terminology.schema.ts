/**
 * The schema of src/data/terminology.ts, apart from the data so that zod does
 * not travel to the reader's browser with it. tests/unit/terminology.test.ts
 * validates the table and checks every Chinese page against it.
 */
import * as z from 'zod';

const FILE = 'src/data/terminology.ts';

const termSchema = z.strictObject({
  /** The English term as the English pages write it. */
  en: z.string().trim().min(2),
  /** The one Chinese rendering every Chinese page and catalogue summary uses. */
  zh: z.string().trim().min(1),
  /**
   * Spellings that must not appear in Chinese prose, matched literally (ASCII
   * letters case-insensitively) outside code, links' addresses and components.
   */
  rejected: z.array(z.string().trim().min(1)).min(1),
  /**
   * Longer phrases that contain a rejected spelling and are nevertheless right,
   * e.g. a name, or the one place a variant is kept as a gloss.
   */
  allowed: z.array(z.string().trim().min(2)).optional(),
  /** Where the rendering applies and where it does not, for the writer. */
  note: z.string().trim().min(4).optional(),
  /** Why this rendering won, for decisions made beyond the binding list. */
  why: z.string().trim().min(4).optional(),
});

const terminologySchema = z.array(termSchema).min(1);
export type Term = z.infer<typeof termSchema>;

/** Throws, naming the data file, the entry and the field, if the table is malformed or contradicts itself. */
export function validateTerminology(input: unknown): Term[] {
  const result = terminologySchema.safeParse(input);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((issue) => `${FILE}: ${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`).join('\n'),
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, term] of result.data.entries()) {
    if (seen.has(term.en)) problems.push(`${FILE}: ${i} (${term.en}): the term is listed twice`);
    seen.add(term.en);
    for (const variant of term.rejected) {
      // A rendering that contains one of its own rejected spellings could never be written.
      if (term.zh.toLowerCase().includes(variant.toLowerCase())) {
        problems.push(`${FILE}: ${i} (${term.en}): rejected "${variant}" is part of the rendering "${term.zh}"`);
      }
    }
    for (const phrase of term.allowed ?? []) {
      if (!term.rejected.some((v) => phrase.toLowerCase().includes(v.toLowerCase()))) {
        problems.push(`${FILE}: ${i} (${term.en}): allowed "${phrase}" contains no rejected spelling, so it excuses nothing`);
      }
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return result.data;
}
