import React from 'react';
import ReferenceCard from '@site/src/components/ReferenceCard';
import {CATEGORIES, type CategoryId} from '@site/src/data/references/vocabulary';
import type {LocalisedReference} from '@site/src/data/references/localised';
import useGuideLocale from '@site/src/hooks/useGuideLocale';

interface Props {
  category: CategoryId;
  /** JSON of LocalisedReference[], written at build time by src/remark/references.ts. */
  data?: string;
}

/** A category page of the catalogue: its intro line, then every entry with an anchor. */
export default function ReferenceList({category, data}: Props): React.JSX.Element {
  const locale = useGuideLocale();
  if (data === undefined) throw new Error(`<ReferenceList category="${category}"> was not expanded by src/remark/references.ts`);
  const entries = JSON.parse(data) as LocalisedReference[];
  return (
    <>
      <p>{CATEGORIES[category].intro[locale]}</p>
      {entries.map((entry) => (
        <ReferenceCard key={entry.id} entry={entry} anchor />
      ))}
    </>
  );
}
