/**
 * What a page needs of an entry, in one locale: the remark plugin and the
 * explorer plugin both send this shape to the browser, so a page never carries
 * the other language's summaries.
 */
import type {Reference, Status} from './types';

export type Locale = 'en' | 'zh';

/** Where a superseded entry's successor is shown, so the page can link to it. */
type Successor = Pick<Reference, 'id' | 'title' | 'category'>;

/** An entry as one locale sees it: bilingual texts reduced to that locale, the evidence reduced to what is not already linked. */
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
    /** Evidence addresses other than the entry's own and its archive copy, which the card already links. */
    evidence?: string[];
  };
};

/** A short, language-neutral label for an evidence link: host and path, cut to fit a line. */
export function evidenceLabel(url: string, max = 60): string {
  const u = new URL(url);
  const label = `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function localise(ref: Reference, locale: Locale, byId: ReadonlyMap<string, Reference>): LocalisedReference {
  const s = ref.status;
  const successor = s.state === 'superseded' ? byId.get(s.by) : undefined;
  const linked = new Set([ref.url, s.state === 'unreachable' ? s.archiveUrl : undefined]);
  const evidence = s.evidence.urls.filter((u) => !linked.has(u));
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
      ...(evidence.length > 0 && {evidence}),
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
