import React, {lazy, Suspense, useEffect, useRef, useState, type ComponentType} from 'react';
import {translate} from '@docusaurus/Translate';
import SearchLabel from '@site/src/features/search/SearchLabel';

/*
 * The search plugin's bar (autocomplete, lunr, its worker glue) is a third of
 * what a page would otherwise download up front. Readers who never search
 * should not pay for it: the navbar shows a plain input until the reader
 * points at it, focuses it or presses Ctrl/⌘+K, and then swaps in the real bar,
 * carrying over what was typed.
 */
const loadSearchBar = () => import('@theme-original/SearchBar') as Promise<{default: ComponentType<Record<string, unknown>>}>;
const RealSearchBar = lazy(loadSearchBar);

function setNativeValue(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

function Placeholder({onActivate, onIntent}: {onActivate: (typed: string) => void; onIntent: () => void}): React.JSX.Element {
  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });
  return (
    <div className="navbar__search" style={{marginLeft: 16}}>
      <input
        className="navbar__search-input"
        placeholder={label}
        aria-label={translate({id: 'search.input.label', message: 'Search the guide'})}
        onMouseEnter={onIntent}
        onTouchStart={onIntent}
        onFocus={(e) => onActivate(e.currentTarget.value)}
        onChange={(e) => onActivate(e.currentTarget.value)}
      />
    </div>
  );
}

export default function SearchBarWrapper(props: Record<string, unknown>): React.JSX.Element {
  const [active, setActive] = useState(false);
  const typed = useRef('');
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setActive(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  // Once the real bar is in the page, hand it the focus (which makes it load its
  // index and attach its autocomplete), then whatever the reader typed meanwhile.
  useEffect(() => {
    if (!active) return undefined;
    let tries = 0;
    let found = false;
    const timer = window.setInterval(() => {
      const input = container.current?.querySelector<HTMLInputElement>('input.navbar__search-input[class*="searchInput"]');
      if (input && !found) {
        found = true;
        input.focus();
        if (typed.current && !input.value) setNativeValue(input, typed.current);
      }
      // The autocomplete attaches once the index has loaded (a large index takes a while
      // on a slow connection); it then needs one input event to run the typed query.
      if (input?.getAttribute('role') === 'combobox') {
        window.clearInterval(timer);
        if (input.value) input.dispatchEvent(new Event('input', {bubbles: true}));
      } else if (++tries > 2000) window.clearInterval(timer);
    }, 30);
    return () => window.clearInterval(timer);
  }, [active]);

  const activate = (text: string) => {
    typed.current = text;
    setActive(true);
  };
  const placeholder = <Placeholder onActivate={activate} onIntent={() => void loadSearchBar()} />;
  if (!active) return placeholder;
  return (
    <div ref={container} style={{display: 'contents'}}>
      <Suspense fallback={placeholder}>
        <SearchLabel>
          <RealSearchBar {...props} />
        </SearchLabel>
      </Suspense>
    </div>
  );
}
