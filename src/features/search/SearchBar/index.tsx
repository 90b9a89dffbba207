import React, {useCallback, useEffect, useId, useRef, useState} from 'react';
import {useHistory} from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {translate} from '@docusaurus/Translate';
import {SEARCH_ROUTE, SUGGESTIONS} from '../constants';
import {loadPagefind, titleFirst, toHit, type Hit} from '../pagefind';
import Excerpt from '../Excerpt';
import {searchMessages} from '../messages';
import styles from './styles.module.css';

type State = {kind: 'idle'} | {kind: 'searching'} | {kind: 'done'; query: string; hits: Hit[]} | {kind: 'failed'};

/**
 * The navbar's search box: suggestions as the reader types (a combobox with a
 * listbox, arrow keys and Enter, Escape to close, Ctrl/⌘+K to focus), the
 * last option opening the search page with every result. Pagefind loads when
 * the reader points at the box or focuses it, not before.
 */
export default function SearchBar(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const history = useHistory();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<State>({kind: 'idle'});
  const latest = useRef('');

  const preload = useCallback(() => void loadPagefind(siteConfig.baseUrl).catch(() => undefined), [siteConfig.baseUrl]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey) && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = useCallback(
    async (term: string) => {
      latest.current = term;
      if (!term.trim()) {
        setState({kind: 'idle'});
        return;
      }
      setState((s) => (s.kind === 'done' ? s : {kind: 'searching'}));
      try {
        const pagefind = await loadPagefind(siteConfig.baseUrl);
        const response = await pagefind.debouncedSearch(term, {}, 120);
        // null: a later keystroke superseded this search.
        if (!response || latest.current !== term) return;
        const hits = titleFirst(await Promise.all(response.results.slice(0, SUGGESTIONS).map(toHit)), term);
        if (latest.current !== term) return;
        setState({kind: 'done', query: term, hits});
        setActive(-1);
      } catch {
        if (latest.current === term) setState({kind: 'failed'});
      }
    },
    [siteConfig.baseUrl],
  );

  const allResults = `${siteConfig.baseUrl}${SEARCH_ROUTE}?q=${encodeURIComponent(query.trim())}`;
  // Options appear with the results of what is in the box, never with a previous query's or alone.
  const current = state.kind === 'done' && state.query === query;
  const hits = current ? state.hits : [];
  // The options: each hit, then "All results".
  const optionCount = current ? hits.length + 1 : 0;
  const go = (index: number) => {
    const url = index < hits.length ? hits[index]!.url : allResults;
    setOpen(false);
    input.current?.blur();
    history.push(url);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!optionCount) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // -1 is the box itself: moving past either end comes back to what was typed.
      setActive((a) => {
        const next = a + step;
        return next >= optionCount ? -1 : next < -1 ? optionCount - 1 : next;
      });
    } else if (e.key === 'Enter') {
      if (!query.trim()) return;
      e.preventDefault();
      // Enter before the suggestions arrive still goes somewhere useful: the search page.
      go(active >= 0 && active < hits.length ? active : hits.length);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else {
        setQuery('');
        void run('');
      }
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const showList = open && query.trim() !== '';
  const status =
    state.kind === 'searching' || (state.kind === 'done' && !current)
      ? searchMessages.searching()
      : state.kind === 'failed'
        ? searchMessages.unavailable()
        : state.kind === 'done' && hits.length === 0
          ? searchMessages.none(state.query)
          : '';

  return (
    <div className={`navbar__search ${styles.box}`}>
      <input
        ref={input}
        className="navbar__search-input"
        // Not type=search: Chrome's Escape would clear it, where Escape here closes the suggestions first.
        type="text"
        role="combobox"
        aria-label={searchMessages.inputLabel()}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        placeholder={translate({
          id: 'theme.SearchBar.label',
          message: 'Search',
          description: 'The ARIA label and placeholder for search button',
        })}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onMouseEnter={preload}
        onTouchStart={preload}
        onFocus={() => {
          preload();
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
          void run(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div className={styles.popup} hidden={!showList}>
        <p className={styles.status} role="status">
          {showList ? status : ''}
        </p>
        <ul
          id={listId}
          role="listbox"
          className={styles.list}
          aria-label={translate({id: 'search.suggestions.label', message: 'Pages that match'})}
        >
          {showList &&
            hits.map((hit, i) => (
              <li
                key={hit.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(i)}
              >
                <span className={styles.title}>{hit.title}</span>
                {hit.section && <span className={styles.section}>{hit.section}</span>}
                <Excerpt parts={hit.excerpt} className={styles.excerpt} />
              </li>
            ))}
          {showList && current && (
            <li
              id={optionId(hits.length)}
              role="option"
              aria-selected={active === hits.length}
              className={`${styles.option} ${styles.all}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(hits.length)}
              onClick={() => go(hits.length)}
            >
              {translate({id: 'search.suggestions.all', message: 'All results for “{query}”'}, {query: query.trim()})}
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
