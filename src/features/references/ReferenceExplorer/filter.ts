import type {LocalisedReference} from '@site/src/data/references/localised';

export const FACETS = ['category', 'kind', 'topic', 'language', 'status'] as const;
export type Facet = (typeof FACETS)[number];

export interface ExplorerState {
  q: string;
  category: string;
  kind: string;
  topic: string;
  language: string;
  status: string;
}

export const EMPTY_STATE: ExplorerState = {q: '', category: '', kind: '', topic: '', language: '', status: ''};

/** The explorer's state lives in the query string, so a filtered view can be shared and the back button works. */
export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    kind: params.get('kind') ?? '',
    topic: params.get('topic') ?? '',
    language: params.get('language') ?? '',
    status: params.get('status') ?? '',
  };
}

export function serialiseState(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state) as Array<[string, string]>) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function facetValue(entry: LocalisedReference, facet: Facet): string | readonly string[] {
  switch (facet) {
    case 'status':
      return entry.status.state;
    case 'topic':
      return entry.topics;
    default:
      return entry[facet];
  }
}

/**
 * Substring matching on a pre-lower-cased text: Chinese has no spaces to split
 * words on, so any contiguous run of characters must be able to match. Every
 * whitespace-separated term must occur.
 */
export function filterReferences(entries: readonly LocalisedReference[], state: ExplorerState): LocalisedReference[] {
  const terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
  const facets = FACETS.filter((f) => state[f]);
  return entries.filter((entry) => {
    for (const facet of facets) {
      const value = facetValue(entry, facet);
      if (typeof value === 'string' ? value !== state[facet] : !value.includes(state[facet])) return false;
    }
    if (terms.length === 0) return true;
    const text = entry.searchText ?? `${entry.title}\n${entry.authors.join(' ')}\n${entry.summary}`.toLowerCase();
    return terms.every((t) => text.includes(t));
  });
}
