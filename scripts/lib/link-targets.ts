import type {Reference} from '../../src/data/references/types';
import type {LinkTarget} from './link-check';

/**
 * Every address the catalogue publishes: each entry's own, the Web Archive
 * copy of an unreachable one, and the evidence its status rests on, which a
 * reader opens to check the status. An address is checked once, under the
 * first entry that lists it.
 */
export function catalogueTargets(entries: readonly Reference[]): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const seen = new Set<string>();
  const add = (target: LinkTarget) => {
    if (seen.has(target.url)) return;
    seen.add(target.url);
    targets.push(target);
  };
  for (const r of entries) {
    if (r.status.state === 'unreachable') {
      add({id: r.id, url: r.url, expectUnreachable: true});
      add({id: `${r.id}#archive`, url: r.status.archiveUrl});
    } else {
      add({id: r.id, url: r.url});
    }
    r.status.evidence.urls.forEach((url, i) => add({id: `${r.id}#evidence-${i + 1}`, url}));
  }
  return targets;
}
