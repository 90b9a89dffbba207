import type {Element, ElementContent, Root as HastRoot, RootContent} from 'hast';
import type {Code} from 'mdast';
import {fromHtml} from 'hast-util-from-html';
import {select, selectAll} from 'hast-util-select';
import {toMdast, type Handle} from 'hast-util-to-mdast';
import {toString} from 'hast-util-to-string';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';

export interface PageInput {
  /** The page's HTML, as the build wrote it. */
  html: string;
  /** The page's absolute URL: relative links are resolved against it. */
  url: string;
  /** Each build-time diagram's Mermaid source, by the id in its figure's data-diagram. */
  diagramSources: ReadonlyMap<string, string>;
  /** Named in errors: the source file the page was built from. */
  source: string;
}

const classes = (node: Element): string[] => node.properties.className ?? [];
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({type: 'text', value});

/**
 * What a reader sees and a Markdown reader cannot use: buttons, heading
 * anchors, and what a component marks data-md-drop (the lab VM's controls,
 * which only work on the page).
 */
const DROP = ['button', 'a.hash-link', 'script', 'style', 'noscript', '[data-md-drop]'];

/**
 * A page's article as Markdown, for tools and for readers who paste a
 * chapter into one: the text, tables and code as the page shows them, a lab
 * as its script and recorded run, a diagram as its Mermaid source, a
 * collapsed block opened, every link absolute. Works on the built HTML, so
 * that whatever a component renders is what the copy says.
 */
export function pageMarkdown({html, url, diagramSources, source}: PageInput): string {
  const tree = fromHtml(html);
  const article = select('article .markdown', tree);
  if (!article) throw new Error(`markdown copies: ${source}: the built page has no "article .markdown"`);

  for (const selector of DROP) for (const node of selectAll(selector, article)) remove(article, node);
  removeComments(article);
  for (const figure of selectAll('figure[data-diagram]', article)) {
    const id = String(figure.properties.dataDiagram);
    const mermaid = diagramSources.get(id);
    if (mermaid === undefined) throw new Error(`markdown copies: ${source}: diagram ${id} matches no Mermaid fence in the source`);
    replace(article, figure, [element('pre', [element('code', [text(mermaid)], {className: ['language-mermaid']})])]);
  }
  for (const details of selectAll('details', article)) {
    const summary = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'summary');
    const rest = details.children.filter((c) => c !== summary);
    replace(article, details, [...(summary ? [element('p', [element('strong', summary.children)])] : []), ...rest]);
  }
  for (const a of selectAll('a[href]', article)) a.properties.href = new URL(String(a.properties.href), url).href;
  for (const img of selectAll('img[src]', article)) img.properties.src = new URL(String(img.properties.src), url).href;

  const mdast = toMdast(article, {handlers: {pre: listing, div: listingOrChildren}});
  return `${toMarkdown(mdast, {extensions: [gfmToMarkdown()], bullet: '-', fence: '`', fences: true, rule: '-'}).trim()}\n`;
}

/** A code listing: its language from the pre's class, its text as the code. */
const codeOf = (node: Element): Code => {
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const lang = [...classes(node), ...(code ? classes(code) : [])].find((c) => c.startsWith('language-'))?.slice('language-'.length);
  return {type: 'code', lang: lang ?? null, meta: null, value: toString(node).replace(/\n$/, '')};
};
const listing: Handle = (_state, node: Element) => codeOf(node);

/** A listing with a title (a lab's script): the title becomes the fence's meta, as in the page's source. */
const listingOrChildren: Handle = (state, node: Element) => {
  if (classes(node).includes('listing')) {
    const pre = select('pre', node);
    const title = node.children.find((c): c is Element => c.type === 'element' && !select('pre', c) && c.tagName === 'div');
    if (pre) {
      const code = codeOf(pre);
      if (title) code.meta = `title="${toString(title).trim()}"`;
      return code;
    }
  }
  return state.all(node);
};

function parentOf(root: Element | HastRoot, target: Element): Element | HastRoot | undefined {
  for (const child of root.children) {
    if (child === target) return root;
    if (child.type === 'element') {
      const found = parentOf(child, target);
      if (found) return found;
    }
  }
  return undefined;
}

function replace(root: Element, target: Element, by: ElementContent[]): void {
  const parent = parentOf(root, target);
  if (!parent) return;
  const children = parent.children as RootContent[];
  children.splice(children.indexOf(target), 1, ...by);
}

function remove(root: Element, target: Element): void {
  replace(root, target, []);
}

/** React's <!-- --> between adjacent text nodes, which would otherwise land in the Markdown as HTML. */
function removeComments(node: Element): void {
  node.children = node.children.filter((c) => c.type !== 'comment');
  for (const c of node.children) if (c.type === 'element') removeComments(c);
}
