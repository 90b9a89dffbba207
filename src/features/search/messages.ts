import {translate} from '@docusaurus/Translate';

/** The words the box and the search page share, written once. */
export const searchMessages = {
  inputLabel: () => translate({id: 'search.input.label', message: 'Search the guide'}),
  searching: () => translate({id: 'search.status.searching', message: 'Searching…'}),
  unavailable: () =>
    translate({
      id: 'search.status.unavailable',
      message: 'Search is not available here: its index is made by the production build (npm run build).',
    }),
  none: (query: string) => translate({id: 'search.status.none', message: 'No page matches “{query}”.'}, {query}),
};
