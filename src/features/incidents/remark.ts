import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Heading, Nodes, Paragraph, Parents, Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {localeOf, where} from '../../build/mdx';

/** The incident page's doc id: the navbar, the sidebar and the home page's reading path point at it too. */
export const INCIDENT_DOC = 'something-is-broken';
/** The id every chapter gives its Pitfalls heading, in both languages (CONTRIBUTING.md, the anatomy of a chapter). */
export const PITFALLS_ID = 'pitfalls-and-troubleshooting';
/** The class of the inserted paragraph, so that tests and styles can find it. */
import {POINTER_CLASS} from './pointer-class';

export {POINTER_CLASS};

const INCIDENT_URL = `/docs/${INCIDENT_DOC}`;

/** The sentence around the link; the link's text is the incident page's own title in that language. */
const WORDS = {
  en: {question: 'Something broken right now?', lead: ' Start from the symptom: ', end: '.'},
  zh: {question: '线上正在出故障？', lead: '从现象入手：', end: '。'},
} as const;

/** A heading that reads like a Pitfalls heading in either language, whatever its id. */
const LOOKS_LIKE_PITFALLS = /pitfall|陷阱/i;

/** The `title:` of a page's front matter, as Docusaurus shows it in the sidebar and the page's h1. */
export function pageTitle(file: string): string {
  if (!existsSync(file)) throw new Error(`${file}: the incident page is missing; the Pitfalls sections of every chapter link to it`);
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const title = /^title:\s*(.+?)\s*$/m
    .exec(block)?.[1]
    ?.replace(/^(['"])(.*)\1$/, '$2')
    .trim();
  if (!title) throw new Error(`${file}: front matter field "title" is missing; the Pitfalls sections use it as their link's text`);
  return title;
}

const plainText = (node: Nodes): string =>
  'value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? node.children.map(plainText).join('') : '';

/** The heading's id as Docusaurus's heading plugin left it: the explicit `{#id}`, or the slug of its text. */
const headingId = (heading: Heading): string | undefined => {
  const id = heading.data?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Puts one line right after every chapter's `## Pitfalls and troubleshooting
 * {#pitfalls-and-troubleshooting}` heading, in the page's language, pointing
 * a reader in the middle of an incident to the page that starts from the
 * symptom. The sentence lives here once instead of in 68 files. A heading
 * this plugin cannot place the line after stops the build, with the file
 * and line, rather than leaving a chapter without the link.
 */
export default function remarkIncidentPointer(options: {docsDir: string; zhDocsDir: string}) {
  const pages = {en: path.join(options.docsDir, `${INCIDENT_DOC}.mdx`), zh: path.join(options.zhDocsDir, `${INCIDENT_DOC}.mdx`)};
  const titles = {en: pageTitle(pages.en), zh: pageTitle(pages.zh)};
  return (tree: Root, file: VFile) => {
    const locale = localeOf(file);
    const found: Array<{heading: Heading; parent: Parents; index: number}> = [];
    visit(tree, 'heading', (heading, index, parent) => {
      const id = headingId(heading);
      if (id === PITFALLS_ID) {
        if (heading.depth !== 2) {
          throw new Error(
            `${where(file, heading)}: the heading with id #${PITFALLS_ID} must be a level-2 heading (##), like every chapter's Pitfalls section`,
          );
        }
        if (parent && index !== undefined) found.push({heading, parent, index});
      } else if (heading.depth === 2 && LOOKS_LIKE_PITFALLS.test(plainText(heading))) {
        throw new Error(
          `${where(file, heading)}: a Pitfalls heading needs the id {#${PITFALLS_ID}} (it has ${id ? `#${id}` : 'none'}), e.g. "## Pitfalls and troubleshooting {#${PITFALLS_ID}}" or "## 常见陷阱与排查 {#${PITFALLS_ID}}"`,
        );
      }
    });
    if (found.length === 0) return;
    if (path.resolve(file.path) === path.resolve(pages[locale])) {
      throw new Error(`${where(file, found[0]!.heading)}: the incident page has no Pitfalls section of its own; it would link to itself`);
    }
    if (found.length > 1) {
      throw new Error(`${where(file, found[1]!.heading)}: a second heading with id #${PITFALLS_ID}; a chapter has one Pitfalls section`);
    }
    const {parent, index} = found[0]!;
    const words = WORDS[locale];
    const pointer: Paragraph = {
      type: 'paragraph',
      data: {hProperties: {className: [POINTER_CLASS]}},
      children: [
        {type: 'emphasis', children: [{type: 'text', value: words.question}]},
        {type: 'text', value: words.lead},
        {type: 'link', url: INCIDENT_URL, children: [{type: 'text', value: titles[locale]}]},
        {type: 'text', value: words.end},
      ],
    };
    // Headings sit where block content does (the root, a list item, a JSX block), and a paragraph may go wherever they do.
    (parent.children as RootContent[]).splice(index + 1, 0, pointer);
  };
}
