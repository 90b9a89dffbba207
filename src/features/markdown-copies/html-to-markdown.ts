import type {Element, ElementContent} from 'hast';
import type {Code} from 'mdast';
import {select, selectAll} from 'hast-util-select';
import {toMdast, type Handle} from 'hast-util-to-mdast';
import {toString} from 'hast-util-to-string';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {builtArticle, dropPageOnly, element, openCollapsed, replaceNode} from '../../build/article';

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
const text = (value: string): ElementContent => ({type: 'text', value});

/**
 * A page's article as Markdown, for tools and for readers who paste a
 * chapter into one: the text, tables and code as the page shows them, a lab
 * as its script and recorded run, a diagram as its Mermaid source, a
 * collapsed block opened, every link absolute. Works on the built HTML, so
 * that whatever a component renders is what the copy says.
 */
export function pageMarkdown({html, url, diagramSources, source}: PageInput): string {
  const article = builtArticle(html, 'markdown copies', source);
  dropPageOnly(article);
  removeComments(article);
  for (const figure of selectAll('figure[data-diagram]', article)) {
    const id = String(figure.properties.dataDiagram);
    const mermaid = diagramSources.get(id);
    if (mermaid === undefined) throw new Error(`markdown copies: ${source}: diagram ${id} matches no Mermaid fence in the source`);
    replaceNode(article, figure, [element('pre', [element('code', [text(mermaid)], {className: ['language-mermaid']})])]);
  }
  openCollapsed(article);
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

/** React's <!-- --> between adjacent text nodes, which would otherwise land in the Markdown as HTML. */
function removeComments(node: Element): void {
  node.children = node.children.filter((c) => c.type !== 'comment');
  for (const c of node.children) if (c.type === 'element') removeComments(c);
}
