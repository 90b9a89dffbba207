/**
 * Pulls every link target out of the seed reading lists, the way a reader
 * would see them: Markdown link targets and bare URLs. The coverage test
 * compares the catalogue against this list.
 */

const MARKDOWN_LINK = /\]\(\s*([^)]*?)\s*\)/gs;
const BARE_URL = /https?:\/\/[^\s)"<>\]]+/g;

export function extractSeedLinks(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    const target = (match[1] ?? '').replace(/\s+/g, ' ').trim();
    if (target) found.add(target);
  }
  for (const match of text.matchAll(BARE_URL)) {
    // A bare URL at the end of a sentence carries the sentence's full stop.
    found.add(match[0].replace(/[.,;]+$/, ''));
  }
  // Markdown targets that are URLs were caught twice; keep the Markdown form,
  // which may be malformed (that is the point of listing it).
  return [...found].sort();
}
