/**
 * The schema of src/data/reading-path-docs.ts. It lives apart from the data
 * because the home page imports the data: zod must not travel to the
 * reader's browser with it (20 KiB gzip). tests/unit/chapters.test.ts runs
 * the validation.
 */
import * as z from 'zod';

const FILE = 'src/data/reading-path-docs.ts';
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const readingPathSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  /** Doc ids (a doc's path under docs/, without .mdx), in reading order. */
  steps: z
    .array(z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be a doc id: its path under docs/, without .mdx'))
    .min(2, 'a path has at least two steps')
    .refine((steps) => new Set(steps).size === steps.length, 'names a doc twice'),
});
export type ReadingPathDocs = z.infer<typeof readingPathSchema>;

const readingPathsSchema = z
  .array(readingPathSchema)
  .min(1)
  .refine((paths) => new Set(paths.map((p) => p.id)).size === paths.length, 'two paths have the same id');

/** Throws, naming the data file, the path and the field, if the data is malformed. */
export function validateReadingPaths(input: unknown): ReadingPathDocs[] {
  const result = readingPathsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const [index, ...field] = issue.path;
    const id = typeof index === 'number' ? (input as {id?: unknown}[])[index]?.id : undefined;
    const where = typeof index === 'number' ? `path ${typeof id === 'string' ? `"${id}"` : `#${index}`}` : 'reading paths';
    return `${FILE}: ${where}${field.length ? `, field "${field.join('.')}"` : ''}: ${issue.message}`;
  });
  throw new Error(problems.join('\n'));
}
