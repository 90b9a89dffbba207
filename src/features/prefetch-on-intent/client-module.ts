/**
 * Docusaurus prefetches the code of every route linked from the visible part
 * of a page: on a chapter that is every sidebar and glossary link in view,
 * 200–300 KB of JavaScript per page, and on a throttled phone ~90 ms of main
 * thread during hydration, before the reader has done anything. Its <Link>
 * also preloads a route when the pointer enters a link or a finger touches
 * it, early enough for the click that follows; that is the only loading kept.
 */
let patched = false;

// The first call comes from a layout effect of the first render, before any
// link's IntersectionObserver can report that the link is visible.
export function onRouteDidUpdate(): void {
  if (patched) return;
  patched = true;
  window.docusaurus = {...window.docusaurus, prefetch: () => false};
}
