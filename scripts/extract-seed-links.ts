/**
 * Rewrites src/data/references/seed-links.txt from ../shared/seeds/, so that the
 * coverage test can run on a clone that has no seeds beside it.
 * Usage: tsx scripts/extract-seed-links.ts [seeds-dir]
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {extractSeedLinks} from './lib/seed-links';

const seedsDir = process.argv[2] ?? path.resolve('..', 'shared', 'seeds');
const links = new Set<string>();
for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
  for (const link of extractSeedLinks(readFileSync(path.join(seedsDir, file), 'utf8'))) links.add(link);
}
const out = path.resolve('src/data/references/seed-links.txt');
writeFileSync(out, [...links].sort().join('\n') + '\n');
console.log(`${links.size} seed links written to ${path.relative(process.cwd(), out)}`);
