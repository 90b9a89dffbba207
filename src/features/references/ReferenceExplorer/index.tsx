import React, {useDeferredValue, useEffect, useId, useMemo, useRef, useState} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import {useHistory, useLocation} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import ReferenceCard from '@site/src/features/references/ReferenceCard';
import type {LocalisedReference} from '@site/src/data/references/localised';
import {CATEGORIES, KINDS, LANGUAGES, STATUSES, TOPICS, type Bilingual} from '@site/src/data/references/vocabulary';
import useGuideLocale from '@site/src/hooks/useGuideLocale';
import {EMPTY_STATE, type ExplorerState, type Facet, filterReferences, parseState, serialiseState} from './filter';
import styles from './styles.module.css';

const PAGE_SIZE = 30;
/** Typing updates the list at once; the address bar follows when the reader pauses. */
const URL_DELAY_MS = 300;

const FACET_OPTIONS: Record<Facet, Record<string, Bilingual>> = {
  category: CATEGORIES,
  kind: KINDS,
  topic: TOPICS,
  language: LANGUAGES,
  status: STATUSES,
};

function facetLabel(facet: Facet): string {
  switch (facet) {
    case 'category':
      return translate({id: 'explorer.facet.category', message: 'Category'});
    case 'kind':
      return translate({id: 'explorer.facet.kind', message: 'Kind'});
    case 'topic':
      return translate({id: 'explorer.facet.topic', message: 'Topic'});
    case 'language':
      return translate({id: 'explorer.facet.language', message: 'Language'});
    case 'status':
      return translate({id: 'explorer.facet.status', message: 'Status'});
  }
}

export default function ReferenceExplorer({catalogue}: {catalogue: LocalisedReference[]}): React.JSX.Element {
  const locale = useGuideLocale();
  const history = useHistory();
  const location = useLocation();
  // The server renders the unfiltered list; the query string applies once the page is live.
  const isBrowser = useIsBrowser();
  const urlState = isBrowser ? parseState(location.search) : EMPTY_STATE;
  // The query lives in component state while the reader types, so a keystroke re-renders
  // only this list (not the router); the URL is updated after a pause, and a URL change
  // made elsewhere (the back button, a topic chip) resets it.
  const [query, setQuery] = useState(urlState.q);
  // React's pattern for state that follows a prop: compare during render, not in an effect.
  const [queryFromUrl, setQueryFromUrl] = useState(urlState.q);
  if (queryFromUrl !== urlState.q) {
    setQueryFromUrl(urlState.q);
    setQuery(urlState.q);
  }
  const urlTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(urlTimer.current), []);
  const state: ExplorerState = {...urlState, q: query};
  const deferredQuery = useDeferredValue(query);
  const [shown, setShown] = useState(PAGE_SIZE);
  const ids = useId();

  const {category, kind, topic, language, status} = urlState;
  const results = useMemo(
    () => filterReferences(catalogue, {category, kind, topic, language, status, q: deferredQuery}),
    [catalogue, deferredQuery, category, kind, topic, language, status],
  );

  const update = (change: Partial<ExplorerState>, mode: 'push' | 'replace') => {
    setShown(PAGE_SIZE);
    window.clearTimeout(urlTimer.current);
    if ('q' in change) setQuery(change.q ?? '');
    const search = serialiseState({...state, ...change});
    if (mode === 'push') history.push({search, hash: ''});
    else urlTimer.current = window.setTimeout(() => history.replace({search, hash: ''}), URL_DELAY_MS);
  };
  const filtered = Object.values(state).some(Boolean);

  return (
    <Layout
      title={translate({id: 'explorer.title', message: 'Reference explorer'})}
      description={translate({
        id: 'explorer.description',
        message: 'Search and filter every reference in the Container Networking Guide catalogue.',
      })}
    >
      <main className="container margin-vert--lg">
        <Heading as="h1">
          <Translate id="explorer.title">Reference explorer</Translate>
        </Heading>
        <p>
          <Translate id="explorer.intro" values={{count: catalogue.length}}>
            {
              'Every one of the {count} entries of the catalogue: search by title, author, summary or topic, in English or Chinese, and narrow the list with the filters. The address bar keeps your search, so you can share it.'
            }
          </Translate>
        </p>
        <form className={styles.controls} role="search" onSubmit={(e) => e.preventDefault()}>
          <div className={styles.searchField}>
            <label htmlFor={`${ids}-q`}>
              <Translate id="explorer.search.label">Search the references</Translate>
            </label>
            <input
              id={`${ids}-q`}
              type="search"
              className={styles.input}
              value={state.q}
              placeholder={translate({id: 'explorer.search.placeholder', message: 'e.g. VXLAN, kube-proxy, 网络命名空间'})}
              onChange={(e) => update({q: e.target.value}, 'replace')}
              autoComplete="off"
            />
          </div>
          {(Object.keys(FACET_OPTIONS) as Facet[]).map((facet) => (
            <div key={facet} className={styles.facet}>
              <label htmlFor={`${ids}-${facet}`}>{facetLabel(facet)}</label>
              <select
                id={`${ids}-${facet}`}
                className={styles.select}
                value={state[facet]}
                onChange={(e) => update({[facet]: e.target.value}, 'push')}
              >
                <option value="">{translate({id: 'explorer.facet.any', message: 'Any'})}</option>
                {Object.entries(FACET_OPTIONS[facet]).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label[locale]}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {filtered && (
            <button type="button" className="button button--secondary button--sm" onClick={() => update(EMPTY_STATE, 'push')}>
              <Translate id="explorer.clear">Clear search and filters</Translate>
            </button>
          )}
        </form>
        <p className={styles.count} role="status" aria-live="polite" data-testid="result-count">
          <Translate id="explorer.count" values={{shown: results.length, total: catalogue.length}}>
            {'{shown} of {total} references'}
          </Translate>
        </p>
        {results.length === 0 ? (
          <p className={styles.empty}>
            <Translate id="explorer.empty">No reference matches. Try fewer words, or clear a filter.</Translate>
          </p>
        ) : (
          <div data-testid="results">
            {results.slice(0, shown).map((entry) => (
              <ReferenceCard key={entry.id} entry={entry} />
            ))}
          </div>
        )}
        {results.length > shown && (
          <button type="button" className="button button--primary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            <Translate id="explorer.more" values={{count: Math.min(PAGE_SIZE, results.length - shown)}}>
              {'Show {count} more'}
            </Translate>
          </button>
        )}
      </main>
    </Layout>
  );
}
