/**
 * The class of the line under every Pitfalls heading. The site search leaves
 * it out of its index (src/features/search/plugin.ts): the same words on every
 * chapter would make every chapter match them.
 */
export const POINTER_CLASS = 'incident-pointer';
