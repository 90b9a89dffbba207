/**
 * What a page needs of an entry, in one locale: the remark plugin and the
 * explorer plugin both send this shape to the browser, so a page never carries
 * the other language's summaries.
 */
import type {Reference} from './types';
import type {CategoryId, Kind, Language, StatusState, Topic} from './vocabulary';

export type Locale = 'en' | 'zh';

export interface LocalisedReference {
  id: string;
  title: string;
  url: string;
  authors: string[];
  kind: Kind;
  category: CategoryId;
  topics: Topic[];
  language: Language;
  year?: number;
  summary: string;
  /** Both summaries, for the explorer's search only (a Chinese query may match an English entry's Chinese summary). */
  searchText?: string;
  addedByGuide: boolean;
  status: {
    state: StatusState;
    checked: string;
    note?: string;
    reason?: string;
    archiveUrl?: string;
    successor?: {id: string; title: string; category: CategoryId};
  };
}

export function localise(ref: Reference, locale: Locale, byId: ReadonlyMap<string, Reference>): LocalisedReference {
  const s = ref.status;
  const successor = s.state === 'superseded' ? byId.get(s.by) : undefined;
  return {
    id: ref.id,
    title: ref.title,
    url: ref.url,
    authors: ref.authors,
    kind: ref.kind,
    category: ref.category,
    topics: ref.topics,
    language: ref.language,
    ...(ref.year !== undefined && {year: ref.year}),
    summary: ref.summary[locale],
    addedByGuide: ref.addedByGuide === true,
    status: {
      state: s.state,
      checked: s.checked,
      ...(s.state === 'archived' && {note: s.note[locale]}),
      ...(s.state === 'superseded' && {reason: s.reason[locale]}),
      ...(s.state === 'unreachable' && {archiveUrl: s.archiveUrl}),
      ...(successor && {successor: {id: successor.id, title: successor.title, category: successor.category}}),
    },
  };
}

export function indexById(references: readonly Reference[]): Map<string, Reference> {
  return new Map(references.map((r) => [r.id, r]));
}

/** Where an entry is shown: its category page, at an anchor named after its id. */
export function entryPath(ref: {id: string; category: CategoryId}): string {
  return `/docs/references/${ref.category}#${ref.id}`;
}

/** What a chapter's further-reading list shows of an entry; nothing else travels to the page. */
export interface ReadingItem {
  id: string;
  title: string;
  url: string;
  authors: string[];
  year?: number;
  summary: string;
  status: {state: StatusState; successor?: {id: string; title: string; category: CategoryId}};
}

export function toReadingItem(ref: LocalisedReference): ReadingItem {
  const {state, successor} = ref.status;
  return {
    id: ref.id,
    title: ref.title,
    url: ref.url,
    authors: ref.authors,
    ...(ref.year !== undefined && {year: ref.year}),
    summary: ref.summary,
    status: {state, ...(successor && {successor})},
  };
}
