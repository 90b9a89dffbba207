import React from 'react';
import Head from '@docusaurus/Head';
import {translate} from '@docusaurus/Translate';
import SearchPage from '@theme-original/SearchPage';
import SearchLabel from '@site/src/features/search/SearchLabel';

/** The plugin's search page, with a translated input label and a meta description. */
export default function SearchPageWrapper(props: Record<string, unknown>): React.JSX.Element {
  return (
    <SearchLabel>
      <Head>
        <meta
          name="description"
          content={translate({
            id: 'search.page.description',
            message: 'Search every chapter and reference of the Container Networking Guide.',
          })}
        />
      </Head>
      <SearchPage {...props} />
    </SearchLabel>
  );
}
