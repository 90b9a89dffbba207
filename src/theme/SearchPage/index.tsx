import React from 'react';
import SearchPage from '@theme-original/SearchPage';
import SearchLabel from '@site/src/components/SearchLabel';

export default function SearchPageWrapper(props: Record<string, unknown>): React.JSX.Element {
  return (
    <SearchLabel>
      <SearchPage {...props} />
    </SearchLabel>
  );
}
