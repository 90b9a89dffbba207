import {readFileSync} from 'node:fs';
import path from 'node:path';
import {normaliseUrl} from '../../src/data/references/schema';
import {seedExclusions} from '../../src/data/references/exclusions';
import type {Reference} from '../../src/data/references/types';

export const SEED_LINKS_FILE = path.resolve(__dirname, '../../src/data/references/seed-links.txt');

export function readSeedLinks(): string[] {
  return readFileSync(SEED_LINKS_FILE, 'utf8').split('\n').filter(Boolean);
}

/** Seed links that are neither an entry's address (current or as the seed spelled it) nor excluded with a reason. */
export function uncoveredSeedLinks(links: string[], references: Reference[]): string[] {
  const known = new Set<string>();
  for (const ref of references) for (const url of [ref.url, ...(ref.seedUrls ?? [])]) known.add(normaliseUrl(url));
  const excluded = new Set(seedExclusions.filter((e) => e.reason.trim().length > 0).map((e) => e.link));
  return links.filter((link) => !excluded.has(link) && !known.has(normaliseUrl(link)));
}
