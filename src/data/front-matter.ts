/**
 * The front matter of the guide's pages, checked by Docusaurus's
 * `markdown.parseFrontMatter` hook as each file is parsed, so a bad field
 * stops `docusaurus start`/`build` with the file and the field named.
 *
 * Which schema a page gets depends on where it lives, as in CONTRIBUTING.md:
 * - Chapters, i.e. every doc outside `references/` (the part chapters, and
 *   also "How to read this guide" and the glossary): the footer of these
 *   pages tells the reader when the facts were last checked and for which
 *   versions, so `reviewed` and `versions` are required.
 * - The reading-list pages under `references/`: they only render the
 *   catalogue, whose entries each carry their own `checked` date, so a review
 *   date on the page would claim what nobody checked; they take no
 *   `reviewed`/`versions`.
 * - Changelog entries (`changelog/` and its Chinese folder, see
 *   src/features/changelog): the blog plugin would take a missing title from
 *   the file name and a missing date from git or the file's age, so an entry
 *   without them would be published silently with made-up ones; here both
 *   are required, with a one-sentence description for the feeds.
 * - Any other Markdown (none today): Docusaurus's defaults, unchecked.
 * Both schemas are strict: a misspelt field (`reveiwed`) would otherwise be
 * silently ignored and the footer would lose its date.
 */
import path from 'node:path';
import type {ParseFrontMatter} from '@docusaurus/types';
import * as z from 'zod';

const ROOT = path.resolve(__dirname, '../..');
/** The docs of each locale, relative to the site: English, then every translation. */
const DOCS_ROOTS = /^(?:docs|i18n\/[^/]+\/docusaurus-plugin-content-docs\/current)\/(.+)$/;
/** The changelog's entries in each locale (src/features/changelog/options.ts). */
const CHANGELOG_ROOTS = /^(?:changelog|i18n\/[^/]+\/docusaurus-plugin-content-blog)\/[^/]+\.mdx?$/;

const text = z.string({error: 'must be text'}).trim().min(1, 'must not be empty');
/** A list item; YAML reads a bare 8472 (a port, say) as a number, which is as good a keyword as any. */
const item = z.union([text, z.number().transform(String)], {error: 'must be text'});
const list = (example: string) =>
  z.array(item, {error: `must be a list, e.g. ${example}`}).min(1, `must list at least one, e.g. ${example}`);
const date = z.iso.date({error: 'must be a date YYYY-MM-DD'});

export const chapterFrontMatterSchema = z.strictObject({
  title: text,
  /** One sentence for search engines and link previews. */
  description: text,
  keywords: list('[netfilter, conntrack, NAT]'),
  /** The date the chapter's facts were last checked, shown in its footer. */
  reviewed: date,
  /** What the chapter describes, shown in its footer. */
  versions: list('[Linux 6.18, iproute2 6.1]'),
});
export type ChapterFrontMatter = z.infer<typeof chapterFrontMatterSchema>;

export const referencePageFrontMatterSchema = z.strictObject({
  title: text,
  description: text,
  keywords: list('[CNI, service mesh]').optional(),
});
export type ReferencePageFrontMatter = z.infer<typeof referencePageFrontMatterSchema>;

/** When a change landed, to the second, so that entries of one day are listed in the order they landed. */
const LANDED = 'must be the UTC time the change landed, YYYY-MM-DDTHH:MM:SSZ (git log --date=iso-strict, in UTC)';
const landed = z
  .string({error: LANDED})
  .pipe(z.iso.datetime({error: LANDED}))
  // 2026-02-30T… would otherwise roll over into March.
  .refine((t) => new Date(t).toISOString().slice(0, 10) === t.slice(0, 10), {error: 'is not a real date'})
  // The blog plugin keeps a Date as it is; a string it reads as local time with a "Z" appended.
  .transform((t) => new Date(t));

export const changelogEntryFrontMatterSchema = z.strictObject({
  title: text,
  /** One sentence: the feeds' summary of the entry and its meta description. */
  description: text,
  date: landed,
});
export type ChangelogEntryFrontMatter = z.infer<typeof changelogEntryFrontMatterSchema>;

/** The schema for a file (a path relative to the site), or undefined for Markdown that is not a doc of the guide. */
export function frontMatterSchemaFor(relativePath: string) {
  const posix = relativePath.split(path.sep).join('/');
  if (CHANGELOG_ROOTS.test(posix)) return changelogEntryFrontMatterSchema;
  const doc = DOCS_ROOTS.exec(posix)?.[1];
  if (doc === undefined) return undefined;
  return doc.startsWith('references/') ? referencePageFrontMatterSchema : chapterFrontMatterSchema;
}

/**
 * YAML reads an unquoted 2026-11-22 as a Date, and an impossible 2026-02-30 as
 * 2026-03-02 without a word. So a date is checked as it was written: the raw
 * text of the field's line (dates are only ever top-level fields).
 */
function asWritten(frontMatter: Record<string, unknown>, fileContent: string): Record<string, unknown> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fileContent)?.[1] ?? '';
  return Object.fromEntries(
    Object.entries(frontMatter).map(([field, value]) => {
      if (!(value instanceof Date)) return [field, value];
      const line = block.split(/\r?\n/).find((l) => l.startsWith(`${field}:`));
      const written = line
        ?.slice(field.length + 1)
        .replace(/\s#.*$/, '')
        .trim();
      return [field, written ?? value];
    }),
  );
}

function problemsOf(issue: z.core.$ZodIssue, input: Record<string, unknown>): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) => `front matter field "${key}": not a field of this page (misspelt? new fields go in src/data/front-matter.ts)`,
    );
  }
  const field = issue.path.join('.');
  const missing = issue.path.length === 1 && input[String(issue.path[0])] === undefined;
  return [`front matter field "${field}": ${missing ? 'is missing' : issue.message}`];
}

/**
 * Docusaurus's front matter, validated for the guide's docs. Returns the
 * validated fields (dates as YYYY-MM-DD text); throws an Error naming the file
 * and every bad field.
 */
export const parseFrontMatter: ParseFrontMatter = async (params) => {
  const result = await params.defaultParseFrontMatter(params);
  const file = path.relative(ROOT, params.filePath);
  const schema = frontMatterSchemaFor(file);
  if (!schema) return result;
  const input = asWritten(result.frontMatter, params.fileContent);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => problemsOf(issue, input));
    throw new Error(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
  return {...result, frontMatter: parsed.data};
};
