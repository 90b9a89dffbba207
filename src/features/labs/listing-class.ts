/**
 * The class of a lab's script and output listings. The site search leaves
 * them out of its index (src/features/search/plugin.ts): they are long, and the prose
 * around them says what they do.
 */
export const LAB_LISTING_CLASS = 'lab-listing';
