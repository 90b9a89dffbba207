/**
 * The catalogue began as the links of a few published reading lists (the
 * seeds). `seed-links.txt` keeps every link target they contain, so the
 * promise "every seed link is an entry or excluded with a reason" can be
 * checked from the repository alone. Node-only (reads a file): the site's
 * browser code never imports it.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {seedExclusions} from './exclusions';
import {normaliseUrl} from './schema';
import type {Reference} from './types';

export const SEED_LINKS_FILE = path.join(__dirname, 'seed-links.txt');

export function readSeedLinks(): string[] {
  return readFileSync(SEED_LINKS_FILE, 'utf8').split('\n').filter(Boolean);
}

/** Every address under which an entry is known: its url, and the spellings the seeds used. */
export function knownAddresses(references: readonly Reference[]): Set<string> {
  return new Set(references.flatMap((ref) => [ref.url, ...(ref.seedUrls ?? [])].map(normaliseUrl)));
}

/** Seed links that are neither an entry's address (current or as the seed spelled it) nor excluded with a reason. */
export function uncoveredSeedLinks(links: readonly string[], references: readonly Reference[]): string[] {
  const known = knownAddresses(references);
  const excluded = new Set(seedExclusions.filter((e) => e.reason.trim().length > 0).map((e) => e.link));
  return links.filter((link) => !excluded.has(link) && !known.has(normaliseUrl(link)));
}
