import * as z from 'zod';
import {CATEGORIES, KINDS, LANGUAGES, TOPICS} from './vocabulary';
import type {Reference} from './types';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const SUMMARY_MIN = 40;
export const SUMMARY_MAX = 320;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const bilingual = (min: number, max: number) => z.strictObject({en: text(min, max), zh: text(Math.ceil(min / 4), max)});
const isoDate = z.iso.date();
const httpUrl = z.url({protocol: /^https?$/, hostname: z.regexes.domain});

/**
 * Wording that rests a status on something a reader cannot open (a private
 * copy, the lists the catalogue was seeded from, a search index) or that
 * tells how it was looked up rather than what shows it. `/references.json`
 * publishes the note, so it must speak to the reader about public evidence.
 */
export const UNOPENABLE_EVIDENCE: readonly {pattern: RegExp; why: string}[] = [
  {pattern: /\bstored\b|\(stored\)/i, why: 'cites a stored copy'},
  {pattern: /\bseeds?\b/i, why: 'cites the seed lists'},
  {pattern: /\bcorp(us|ora)\b|\bcode index\b/i, why: 'cites a search corpus'},
  {pattern: /\b(we|us|our)\b|\beditors?'?s?\b/i, why: 'speaks of us, not of the evidence'},
  {
    pattern: /\blook(ed|ing)? (it )?up\b|\bsearch(ed|ing)\b|\b(was|were) not (found|checked|confirmed)\b|\bno [^.;]* (found|confirmed)\b/i,
    why: 'tells how it was looked up',
  },
];

/** The public evidence a status rests on: a reader may ask "says who?" and open it. */
export const evidenceSchema = z.strictObject({
  /** Public addresses that show the status: a release or changelog, an archive notice, an announcement, a Web Archive capture. */
  urls: z.array(httpUrl).min(1, 'needs at least one public URL'),
  /** What those addresses show, in a sentence for the reader. */
  note: text(8, 300).superRefine((note, ctx) => {
    for (const {pattern, why} of UNOPENABLE_EVIDENCE) {
      const match = pattern.exec(note);
      if (match) ctx.addIssue({code: 'custom', message: `${why} ("${match[0]}"); say what the public URLs show`});
    }
  }),
});

/** When and on what a status was established. */
const evidence = {
  /** ISO date (YYYY-MM-DD) on which a maintainer last verified the status. */
  checked: isoDate,
  evidence: evidenceSchema,
};

export const statusSchema = z.discriminatedUnion('state', [
  z.strictObject({state: z.literal('active'), ...evidence}),
  z.strictObject({state: z.literal('archived'), note: bilingual(8, 200), ...evidence}),
  z.strictObject({state: z.literal('superseded'), by: z.string(), reason: bilingual(8, 200), ...evidence}),
  z.strictObject({
    state: z.literal('unreachable'),
    archiveUrl: httpUrl.refine((u) => u.startsWith('https://web.archive.org/'), 'must be a Web Archive address'),
    ...evidence,
  }),
]);

/** One catalogue entry. `types.ts` names the types inferred from it; nothing else spells this shape out. */
export const referenceSchema = z.strictObject({
  /** Stable, kebab-case; chapters cite it, so never rename one. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  /** The resource's own title, in its own language. */
  title: text(2, 200),
  /** Current canonical address. */
  url: httpUrl,
  authors: z.array(text(1, 120)),
  kind: z.enum(keys(KINDS)),
  category: z.enum(keys(CATEGORIES)),
  topics: z.array(z.enum(keys(TOPICS))).min(1),
  language: z.enum(keys(LANGUAGES)),
  year: z.number().int().min(1970).max(2100).optional(),
  /** One or two sentences in our own words: what the reader learns there and for whom. */
  summary: bilingual(SUMMARY_MIN, SUMMARY_MAX),
  status: statusSchema,
  /** Addresses under which the seed lists cite this resource, when they differ from `url`. */
  seedUrls: z.array(z.string().min(1)).optional(),
  /** True for entries this guide added; absent for entries that come from the seeds. */
  addedByGuide: z.literal(true).optional(),
});

/** Lower-cased host, no default port, no trailing slash, no fragment: two spellings of one address compare equal. */
export function normaliseUrl(raw: string): string {
  try {
    const u = new URL(raw.trim());
    u.hash = '';
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    const pathname = u.pathname.replace(/\/+$/, '');
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${pathname}${u.search}`;
  } catch {
    return raw.trim();
  }
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`The reference catalogue has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'CatalogueError';
  }
}

/**
 * Checks every entry and the catalogue as a whole. Each problem names the
 * source module, the entry id and the field, so a maintainer can go straight to it.
 */
export function validateCatalogue(modules: Record<string, readonly unknown[]>): Reference[] {
  const problems: string[] = [];
  const valid: Reference[] = [];
  for (const [moduleName, entries] of Object.entries(modules)) {
    entries.forEach((entry, index) => {
      const id = (entry as {id?: unknown})?.id;
      const where = `src/data/references/${moduleName}.ts: entry ${typeof id === 'string' ? `"${id}"` : `#${index}`}`;
      const result = referenceSchema.safeParse(entry);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push(`${where}, field "${issue.path.join('.') || '(entry)'}": ${issue.message}`);
        }
        return;
      }
      const ref = result.data;
      if (ref.category !== moduleName) {
        problems.push(`${where}, field "category": "${ref.category}" does not match its module "${moduleName}"`);
      }
      valid.push(ref);
    });
  }

  const byId = new Map<string, Reference>();
  const byUrl = new Map<string, string>();
  for (const ref of valid) {
    if (byId.has(ref.id)) problems.push(`entry "${ref.id}", field "id": used twice`);
    byId.set(ref.id, ref);
    for (const url of [ref.url, ...(ref.seedUrls ?? [])]) {
      const key = normaliseUrl(url);
      const owner = byUrl.get(key);
      if (owner && owner !== ref.id) problems.push(`entry "${ref.id}", field "url": ${url} is also entry "${owner}"`);
      byUrl.set(key, ref.id);
    }
  }
  for (const ref of valid) {
    if (ref.status.state !== 'superseded') continue;
    const successor = byId.get(ref.status.by);
    if (!successor) problems.push(`entry "${ref.id}", field "status.by": no entry has id "${ref.status.by}"`);
    else if (successor.id === ref.id) problems.push(`entry "${ref.id}", field "status.by": an entry cannot supersede itself`);
  }
  if (problems.length) throw new CatalogueError(problems);
  return valid;
}
