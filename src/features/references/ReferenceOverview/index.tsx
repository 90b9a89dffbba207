import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type {CategoryCount} from '@site/src/features/references/category-counts';

/** The catalogue's table of contents; counts are computed at build time by src/features/references/remark.ts. */
export default function ReferenceOverview({data}: {data?: string}): React.JSX.Element {
  if (data === undefined) throw new Error('<ReferenceOverview> was not expanded by src/features/references/remark.ts');
  const counts = JSON.parse(data) as CategoryCount[];
  return (
    <ul>
      {counts.map(({category, label, intro, total, current}) => (
        <li key={category}>
          <Link to={`/docs/references/${category}`}>{label}</Link>{' '}
          <Translate id="references.overview.count" values={{total, current}}>
            {'({total} entries, {current} active)'}
          </Translate>
          <br />
          {intro}
        </li>
      ))}
    </ul>
  );
}
