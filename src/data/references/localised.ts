/**
 * What a page needs of an entry, in one locale: the remark plugin and the
 * explorer plugin both send this shape to the browser, so a page never carries
 * the other language's summaries.
 */
import type {Reference, Status} from './types';

export type Locale = 'en' | 'zh';

/** Where a superseded entry's successor is shown, so the page can link to it. */
type Successor = Pick<Reference, 'id' | 'title' | 'category'>;

/** An entry as one locale sees it: bilingual texts reduced to that locale, the maintainers' evidence left out. */
export type LocalisedReference = Omit<Reference, 'summary' | 'status' | 'seedUrls' | 'addedByGuide'> & {
  summary: string;
  /** Both summaries, for the explorer's search only (a Chinese query may match an English entry's Chinese summary). */
  searchText?: string;
  addedByGuide: boolean;
  status: Pick<Status, 'state' | 'checked'> & {
    note?: string;
    reason?: string;
    archiveUrl?: string;
    successor?: Successor;
  };
};

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
export function entryPath(ref: Pick<Reference, 'id' | 'category'>): string {
  return `/docs/references/${ref.category}#${ref.id}`;
}

/** What a chapter's further-reading list shows of an entry; nothing else travels to the page. */
export type ReadingItem = Pick<LocalisedReference, 'id' | 'title' | 'url' | 'authors' | 'year' | 'summary'> & {
  status: Pick<LocalisedReference['status'], 'state' | 'successor'>;
};

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
