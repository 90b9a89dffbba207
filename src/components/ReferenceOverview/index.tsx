import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import {CATEGORIES, type CategoryId} from '@site/src/data/references/vocabulary';
import useGuideLocale from '@site/src/hooks/useGuideLocale';

interface CategoryCount {
  category: CategoryId;
  total: number;
  current: number;
}

/** The catalogue's table of contents; counts are computed at build time by src/remark/references.ts. */
export default function ReferenceOverview({data}: {data?: string}): React.JSX.Element {
  const locale = useGuideLocale();
  if (data === undefined) throw new Error('<ReferenceOverview> was not expanded by src/remark/references.ts');
  const counts = JSON.parse(data) as CategoryCount[];
  return (
    <ul>
      {counts.map(({category, total, current}) => (
        <li key={category}>
          <Link to={`/docs/references/${category}`}>{CATEGORIES[category][locale]}</Link>{' '}
          <Translate id="references.overview.count" values={{total, current}}>
            {'({total} entries, {current} active)'}
          </Translate>
          <br />
          {CATEGORIES[category].intro[locale]}
        </li>
      ))}
    </ul>
  );
}
