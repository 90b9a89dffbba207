import {useAllDocsData} from '@docusaurus/plugin-content-docs/client';

/**
 * A function from a step's doc id to the URL of that doc in the current
 * locale. It reads the docs plugin's global data, which every page has at
 * build time, so links render into the static HTML. An unknown id throws: a
 * path that names a missing doc stops the build on the first page that shows
 * it, rather than rendering a dead link.
 */
export function useDocPath(): (docId: string) => string {
  const versions = Object.values(useAllDocsData()).flatMap((plugin) => plugin.versions);
  const paths = new Map(versions.flatMap((v) => v.docs.map((d) => [d.id, d.path] as const)));
  return (docId) => {
    const to = paths.get(docId);
    if (!to) throw new Error(`src/data/reading-path-docs.ts: no doc has id "${docId}"`);
    return to;
  };
}
