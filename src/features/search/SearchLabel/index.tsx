import React, {type ReactNode, useEffect, useRef} from 'react';
import {translate} from '@docusaurus/Translate';

/**
 * The search plugin hard-codes aria-label="Search" on its inputs; screen-reader
 * users of the Chinese site should hear the label in Chinese too.
 */
export default function SearchLabel({children}: {children: ReactNode}): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const label = translate({id: 'search.input.label', message: 'Search the guide'});
    ref.current?.querySelectorAll('input').forEach((input) => input.setAttribute('aria-label', label));
  });
  return (
    <div ref={ref} style={{display: 'contents'}}>
      {children}
    </div>
  );
}
