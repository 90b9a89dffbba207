/** Validates the catalogue and lists seed links it does not yet account for. */
import {references} from '../src/data/references';
import {readSeedLinks, uncoveredSeedLinks} from '../src/data/references/coverage';

const missing = uncoveredSeedLinks(readSeedLinks(), references);
const byState = new Map<string, number>();
for (const ref of references) byState.set(ref.status.state, (byState.get(ref.status.state) ?? 0) + 1);
console.log(`${references.length} entries (${references.filter((r) => r.addedByGuide).length} added by the guide)`);
console.log(`status: ${[...byState].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(
  missing.length ? `${missing.length} seed links not accounted for:\n  ${missing.join('\n  ')}` : 'every seed link is accounted for',
);
process.exitCode = missing.length ? 1 : 0;
