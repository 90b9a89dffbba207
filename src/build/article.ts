import type {Element, ElementContent, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';

/**
 * Helpers for the features that turn a built page's article into another
 * form (features/markdown-copies, features/books): the article itself, what
 * only works on the page, collapsed blocks.
 */

/** A built page's `article .markdown`; `who` and `page` name the failure. */
export function builtArticle(html: string, who: string, page: string): Element {
  const tree: Root = fromHtml(html);
  const article = select('article .markdown', tree);
  if (!article) throw new Error(`${who}: ${page}: the built page has no "article .markdown"`);
  return article;
}

export const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Puts `by` where `target` is, anywhere under `root`. */
export function replaceNode(root: Element, target: Element, by: ElementContent[]): void {
  const walk = (parent: Element): boolean => {
    const at = parent.children.indexOf(target);
    if (at >= 0) {
      parent.children.splice(at, 1, ...by);
      return true;
    }
    return parent.children.some((c) => c.type === 'element' && walk(c));
  };
  walk(root);
}

/**
 * What a reader sees on the page and a copy cannot use: buttons, heading
 * anchors, and what a component marks data-md-drop (the lab VM's controls).
 */
const PAGE_ONLY = ['button', 'a.hash-link', 'script', 'style', 'noscript', '[data-md-drop]'];

export function dropPageOnly(article: Element): void {
  for (const selector of PAGE_ONLY) for (const node of selectAll(selector, article)) replaceNode(article, node, []);
}

/** A collapsed block (a lab's script, a solution) opened: its summary as a bold paragraph, then its content. */
export function openCollapsed(article: Element): void {
  for (const details of selectAll('details', article)) {
    const summary = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'summary');
    const rest = details.children.filter((c) => c !== summary);
    replaceNode(article, details, [...(summary ? [element('p', [element('strong', summary.children)])] : []), ...rest]);
  }
}
