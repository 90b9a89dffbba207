/** The search page's route, under each locale's base URL. */
export const SEARCH_ROUTE = 'search';
/** Where each locale's Pagefind bundle lives, under that locale's base URL. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** Suggestions under the navbar box: each costs its page's fragment, which the first query downloads. */
export const SUGGESTIONS = 6;
/** Results the search page shows at first and adds per "More results". */
export const PAGE_SIZE = 10;
