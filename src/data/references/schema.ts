import * as z from 'zod';
import {CATEGORIES, KINDS, LANGUAGES, TOPICS} from './vocabulary';
import type {Reference} from './types';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const SUMMARY_MIN = 40;
export const SUMMARY_MAX = 320;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const bilingual = (min: number, max: number) => z.object({en: text(min, max), zh: text(Math.ceil(min / 4), max)}).strict();
const isoDate = z.iso.date();
const httpUrl = z.url({protocol: /^https?$/, hostname: z.regexes.domain});

const evidence = {checked: isoDate, source: text(3, 400)};

const status = z.discriminatedUnion('state', [
  z.object({state: z.literal('active'), ...evidence}).strict(),
  z.object({state: z.literal('archived'), note: bilingual(8, 200), ...evidence}).strict(),
  z.object({state: z.literal('superseded'), by: z.string(), reason: bilingual(8, 200), ...evidence}).strict(),
  z
    .object({
      state: z.literal('unreachable'),
      archiveUrl: httpUrl.refine((u) => u.startsWith('https://web.archive.org/'), 'must be a Web Archive address'),
      ...evidence,
    })
    .strict(),
]);

export const referenceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    title: text(2, 200),
    url: httpUrl,
    authors: z.array(text(1, 120)),
    kind: z.enum(keys(KINDS)),
    category: z.enum(keys(CATEGORIES)),
    topics: z.array(z.enum(keys(TOPICS))).min(1),
    language: z.enum(keys(LANGUAGES)),
    year: z.number().int().min(1970).max(2100).optional(),
    summary: bilingual(SUMMARY_MIN, SUMMARY_MAX),
    status,
    seedUrls: z.array(z.string().min(1)).optional(),
    addedByGuide: z.literal(true).optional(),
  })
  .strict();

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
      const ref = result.data as Reference;
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
