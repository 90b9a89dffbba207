import React from 'react';
import SearchBar from '@theme-original/SearchBar';
import SearchLabel from '@site/src/components/SearchLabel';

export default function SearchBarWrapper(props: Record<string, unknown>): React.JSX.Element {
  return (
    <SearchLabel>
      <SearchBar {...props} />
    </SearchLabel>
  );
}
