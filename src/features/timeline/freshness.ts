/**
 * Stale pages announce themselves: a chapter whose `versions` names a
 * Kubernetes release more than one minor behind the newest release in the
 * timeline must carry a `reviewed` date after that newest release, or a test
 * fails (tests/unit/timeline.test.ts).
 */
import type {KubernetesRelease} from '../../data/features.schema';

const minor = (version: string) => Number(version.split('.')[1]);

/** The last day a release date can mean: a month-only date (2025-04) counts as its whole month. */
export function lastDayOf(date: string): string {
  return date.length === 7 ? `${date}-31` : date;
}

export function newestRelease(releases: readonly KubernetesRelease[]): KubernetesRelease {
  return [...releases].sort((a, b) => minor(a.version) - minor(b.version)).at(-1)!;
}

/**
 * Why a chapter is stale, or undefined when it is not: each "Kubernetes 1.N"
 * in its versions more than one minor behind the newest release, while its
 * review predates that release.
 */
export function staleness(
  chapter: {versions: readonly string[]; reviewed: string},
  releases: readonly KubernetesRelease[],
): string | undefined {
  const newest = newestRelease(releases);
  if (chapter.reviewed > lastDayOf(newest.date)) return undefined;
  const behind = chapter.versions
    .flatMap((v) => [...v.matchAll(/Kubernetes (1\.\d+)/g)].map((m) => m[1]!))
    .filter((v) => minor(newest.version) - minor(v) > 1);
  if (behind.length === 0) return undefined;
  return (
    `versions names Kubernetes ${behind.join(', ')}, more than one minor release behind ${newest.version} ` +
    `(released ${newest.date}), and reviewed (${chapter.reviewed}) is not after that release: ` +
    `check the chapter against Kubernetes ${newest.version}, then update versions or reviewed`
  );
}
