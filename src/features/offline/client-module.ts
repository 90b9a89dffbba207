import type {ClientModule} from '@docusaurus/types';

/**
 * The service worker keeps each page the browser loads as a document, and
 * every file loaded while it controls the page. Two kinds of visit escape
 * it: the first page of a visit, loaded before the worker took control, and
 * every page reached by client-side navigation, never fetched as HTML. For
 * those, the worker is asked to fetch and keep the page and what it loaded.
 */

// Read before hydration: the worker may take control of this page before React has rendered it.
const loadedThroughWorker = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);

export const onRouteDidUpdate: ClientModule['onRouteDidUpdate'] = ({location, previousLocation}) => {
  if (!('serviceWorker' in navigator)) return;
  if (previousLocation ? previousLocation.pathname === location.pathname : loadedThroughWorker) return;
  // `ready` waits for the worker the plugin registers after the page's load event; it never settles in development, where there is none.
  void navigator.serviceWorker.ready.then((registration) => {
    // The scripts, styles and images the page has loaded, which the worker may not have seen; it keeps those it lacks.
    const resources = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(`${window.location.origin}/`));
    registration.active?.postMessage({type: 'CACHE_PAGE', url: location.pathname, resources});
  });
};
