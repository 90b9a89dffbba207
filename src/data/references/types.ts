import type {Bilingual, CategoryId, Kind, Language, Topic} from './vocabulary';

/** When and how a status was established: a reader may ask "says who?". */
export interface Evidence {
  /** ISO date (YYYY-MM-DD) on which the status was checked. */
  checked: string;
  /** What the status rests on, for maintainers: an archive notice, a release, an announcement. */
  source: string;
}

export type Status =
  | ({state: 'active'} & Evidence)
  | ({state: 'archived'; note: Bilingual} & Evidence)
  | ({state: 'superseded'; by: string; reason: Bilingual} & Evidence)
  | ({state: 'unreachable'; archiveUrl: string} & Evidence);

export interface Reference {
  /** Stable, kebab-case; chapters cite it, so never rename one. */
  id: string;
  /** The resource's own title, in its own language. */
  title: string;
  /** Current canonical address. */
  url: string;
  authors: string[];
  kind: Kind;
  category: CategoryId;
  topics: Topic[];
  language: Language;
  year?: number;
  /** One or two sentences in our own words: what the reader learns there and for whom. */
  summary: Bilingual;
  status: Status;
  /** Addresses under which the seed lists cite this resource, when they differ from `url`. */
  seedUrls?: string[];
  /** True for entries this guide added; absent for entries that come from the seeds. */
  addedByGuide?: true;
}
