/**
 * Which docs each reading path on the home page visits, in order. The words
 * (titles, audiences, step labels) are in reading-paths.ts as translate()
 * calls, where write-translations can find them; this half imports nothing
 * from Docusaurus, so the tests can load it and check every step.
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

const paths = [
  {id: 'newcomer', steps: ['linux/network-namespaces', 'docker/bridge-mode', 'kubernetes/network-model', 'kubernetes/services']},
  {id: 'operator', steps: ['cni/container-network-interface', 'kubernetes/kube-proxy', 'kubernetes/dns', 'kubernetes/network-policy']},
  {id: 'reading-list', steps: ['references/index', 'references/kubernetes-docs', 'references/chinese-reading']},
] as const;

/** The ids, as literal types, so reading-paths.ts cannot miss the words for a path or a step. */
export type ReadingPathId = (typeof paths)[number]['id'];
export type StepDocId = (typeof paths)[number]['steps'][number];

/** Throws, naming this file, the path and the field, if the data above is malformed. */
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

validateReadingPaths(paths);
export const READING_PATHS: typeof paths = paths;
