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

/** When and how a status was established: a reader may ask "says who?". */
const evidence = {
  /** ISO date (YYYY-MM-DD) on which the status was checked. */
  checked: isoDate,
  /** What the status rests on, for maintainers: an archive notice, a release, an announcement. */
  source: text(3, 400),
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
