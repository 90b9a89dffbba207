import React from 'react';
import type {LocalisedReference} from '@site/src/data/references/localised';

/** An inline citation of one catalogue entry; its address lives only in the catalogue. */
export default function Ref({id, data}: {id: string; data?: string}): React.JSX.Element {
  if (data === undefined) throw new Error(`<Ref id="${id}"> was not expanded by src/remark/references.ts`);
  const entry = JSON.parse(data) as LocalisedReference;
  return (
    <a href={entry.url} target="_blank" rel="noopener noreferrer">
      {entry.title}
    </a>
  );
}
