import React, {useEffect, useId, useRef, useState} from 'react';
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import {useHistory, useLocation} from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {translate} from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import {PAGE_SIZE} from '../constants';
import {loadPagefind, titleFirst, toPageHit, type PageHit} from '../pagefind';
import Excerpt from '../Excerpt';
import {searchMessages} from '../messages';
import styles from './styles.module.css';

interface Found {
  query: string;
  total: number;
  hits: PageHit[];
  more: () => Promise<PageHit[]>;
}

type State = {kind: 'idle'} | {kind: 'searching'} | ({kind: 'done'} & Found) | {kind: 'failed'};

function queryOf(search: string): string {
  return new URLSearchParams(search).get('q') ?? '';
}

/** /search?q=…: every page that matches, ten at a time, each with the sections that match best. The query lives in the URL, so a result list can be shared and the back button returns to it. */
export default function SearchPage(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const location = useLocation();
  const history = useHistory();
  const inputId = useId();
  // The page is built without a query: hydrate as built, then read the URL's.
  const isBrowser = useIsBrowser();
  const urlQuery = isBrowser ? queryOf(location.search) : '';
  // What is in the box; the URL follows it, and back/forward (a new URL query) reset it.
  const [query, setQuery] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    setQuery(urlQuery);
  }
  const [found, setFound] = useState<Found | {query: string; failed: true} | undefined>();
  const latest = useRef('');
  const term = query.trim();

  useEffect(() => {
    latest.current = term;
    if (!term) return;
    void (async () => {
      try {
        const pagefind = await loadPagefind(siteConfig.baseUrl);
        const response = await pagefind.debouncedSearch(term, {}, 150);
        if (!response || latest.current !== term) return;
        let shown = 0;
        const next = async () => {
          const page = response.results.slice(shown, shown + PAGE_SIZE);
          shown += page.length;
          return Promise.all(page.map((r) => toPageHit(r)));
        };
        // The first ten, a title match first; later pages in Pagefind's order.
        const hits = titleFirst(await next(), term);
        if (latest.current === term) setFound({query: term, total: response.results.length, hits, more: next});
      } catch {
        if (latest.current === term) setFound({query: term, failed: true});
      }
    })();
  }, [term, siteConfig.baseUrl]);

  const state: State = !term
    ? {kind: 'idle'}
    : found?.query !== term
      ? {kind: 'searching'}
      : 'failed' in found
        ? {kind: 'failed'}
        : {kind: 'done', ...found};

  const heading = translate({id: 'search.page.title', message: 'Search the guide'});
  const title =
    query.trim() === '' ? heading : translate({id: 'search.page.titleWithQuery', message: 'Results for “{query}”'}, {query: query.trim()});

  let body: React.ReactNode = null;
  if (state.kind === 'searching') body = <p>{searchMessages.searching()}</p>;
  else if (state.kind === 'failed') body = <p>{searchMessages.unavailable()}</p>;
  else if (state.kind === 'done') {
    const done = state;
    body = (
      <>
        <p className={styles.count}>
          {done.total === 0
            ? searchMessages.none(done.query)
            : translate({id: 'search.page.count', message: '{count} pages match.'}, {count: String(done.total)})}
        </p>
        <ol className={styles.results}>
          {done.hits.map((hit) => (
            <li key={hit.id} className={styles.result}>
              <h2 className={styles.resultTitle}>
                <Link to={hit.url}>{hit.title}</Link>
              </h2>
              <p className={styles.excerpt}>
                <Excerpt parts={hit.excerpt} />
              </p>
              {hit.sections.length > 0 && (
                <ul className={styles.sections}>
                  {hit.sections.map((s) => (
                    <li key={s.url}>
                      <Link to={s.url}>{s.title}</Link>
                      <Excerpt parts={s.excerpt} className={styles.excerpt} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {done.hits.length < done.total && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void done.more().then((more) => {
                if (latest.current === done.query) setFound({...done, hits: [...done.hits, ...more]});
              })
            }
          >
            {translate({id: 'search.page.more', message: 'More results'})}
          </button>
        )}
      </>
    );
  }

  return (
    <Layout
      title={title}
      description={translate({
        id: 'search.page.description',
        message: 'Search every chapter and reference of the Container Networking Guide.',
      })}
    >
      <Head>
        <meta name="robots" content="noindex" />
      </Head>
      <main className={`container margin-vert--lg ${styles.page}`}>
        {/* One heading whatever the query: a heading that changed with it would move the box as the page hydrates. */}
        <h1>{heading}</h1>
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={inputId} className={styles.label}>
            {searchMessages.inputLabel()}
          </label>
          <input
            id={inputId}
            className={styles.input}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => {
              const value = e.currentTarget.value;
              setQuery(value);
              history.replace({search: value ? `?q=${encodeURIComponent(value)}` : ''});
            }}
          />
        </form>
        <div className={styles.body} aria-live="polite">
          {body}
        </div>
      </main>
    </Layout>
  );
}
