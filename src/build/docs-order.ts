import type {DocMetadata, LoadedContent, LoadedVersion} from '@docusaurus/plugin-content-docs';
import type {LoadedPlugin} from '@docusaurus/types';

interface SidebarItem {
  type: string;
  id?: string;
  label?: string;
  items?: SidebarItem[];
  link?: {type: string; id?: string};
}

/** A part of the guide: a top-level sidebar category (label undefined for the pages before the first one) and its docs in reading order. */
export interface Section {
  label: string | undefined;
  docs: DocMetadata[];
}

/** The docs plugin's loaded docs, as a postBuild hook receives them; `who` names the caller in the error. */
export function loadedDocs(plugins: readonly LoadedPlugin[], who: string): LoadedVersion {
  const content = plugins.find((p) => p.name === 'docusaurus-plugin-content-docs')?.content as LoadedContent | undefined;
  const version = content?.loadedVersions[0];
  if (!version) throw new Error(`${who}: the docs plugin loaded no version`);
  return version;
}

/** The sidebar's docs (translated labels included), in reading order, grouped by top-level category. */
export function docsInReadingOrder(version: LoadedVersion, who: string): Section[] {
  const docs = new Map(version.docs.map((d) => [d.id, d]));
  const doc = (id: string): DocMetadata => {
    const found = docs.get(id);
    if (!found) throw new Error(`${who}: sidebars.ts names doc "${id}", which the docs plugin did not load`);
    return found;
  };
  const flatten = (item: SidebarItem): DocMetadata[] => [
    ...(item.link?.type === 'doc' && item.link.id ? [doc(item.link.id)] : []),
    ...(item.type === 'doc' && item.id ? [doc(item.id)] : []),
    ...(item.items ?? []).flatMap(flatten),
  ];
  const out: Section[] = [];
  for (const item of Object.values(version.sidebars)[0] as SidebarItem[]) {
    const last = out.at(-1);
    if (item.type === 'category') out.push({label: item.label, docs: flatten(item)});
    else if (last && last.label === undefined) last.docs.push(...flatten(item));
    else out.push({label: undefined, docs: flatten(item)});
  }
  return out;
}
