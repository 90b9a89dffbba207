import React from 'react';
import ReferenceCard from '@site/src/features/references/ReferenceCard';
import type {CategoryId} from '@site/src/data/references/vocabulary';
import type {LocalisedReference} from '@site/src/data/references/localised';

interface Props {
  category: CategoryId;
  /** JSON of {intro, entries} in the page's language, written at build time by src/features/references/remark.ts. */
  data?: string;
}

/** A category page of the catalogue: its intro line, then every entry with an anchor. */
export default function ReferenceList({category, data}: Props): React.JSX.Element {
  if (data === undefined) throw new Error(`<ReferenceList category="${category}"> was not expanded by src/features/references/remark.ts`);
  const {intro, entries} = JSON.parse(data) as {intro: string; entries: LocalisedReference[]};
  return (
    <>
      <p>{intro}</p>
      {entries.map((entry) => (
        <ReferenceCard key={entry.id} entry={entry} anchor />
      ))}
    </>
  );
}
