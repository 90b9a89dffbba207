/** Where a page's Markdown copy lives: next to the page, with .md added (/docs/linux/bridge → /docs/linux/bridge.md). */
export function markdownUrl(permalink: string): string {
  return `${permalink.replace(/\/$/, '')}.md`;
}
