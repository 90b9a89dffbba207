import type {Paragraph, Root} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {references as catalogue} from '../../data/references';
import {indexById, localise, toReadingItem} from '../../data/references/localised';
import type {Reference} from '../../data/references/types';
import {CATEGORIES, TOPICS, type CategoryId, type Topic} from '../../data/references/vocabulary';
import {addDefaultImport, jsxAttributes, localeOf, setAttribute, stringAttribute, where} from '../../build/mdx';
import {categoryCounts} from './category-counts';

const COMPONENTS = ['FurtherReading', 'ReferenceList', 'ReferenceOverview'] as const;
type Component = (typeof COMPONENTS)[number];
const isComponent = (name: string | null): name is Component => COMPONENTS.includes(name as Component);

/**
 * Resolves catalogue citations at build time, so that pages carry only the
 * entries they show, in their own language, and a citation of an unknown id,
 * topic or category stops the build with the file and line.
 *
 *   <Ref id="lwn-network-namespaces" />       an inline link to one entry (becomes a plain <a>)
 *   <FurtherReading topic="namespaces" />    entries on a topic (and/or ids="a,b")
 *   <ReferenceList category="dns" />         a whole category page
 *   <ReferenceOverview />                    every category with its counts
 *
 * Each element gets a `data` attribute holding JSON that its component renders,
 * and the page imports the components it uses (none is global).
 */
// The catalogue is imported here, not passed as a plugin option: Docusaurus serialises
// plugin options into the site config that every page downloads.
export default function remarkReferences(options: {references?: readonly Reference[]} = {}) {
  const references = options.references ?? catalogue;
  const byId = indexById(references);

  return (tree: Root, file: VFile) => {
    const locale = localeOf(file);
    const entry = (id: string, at: string) => {
      const ref = byId.get(id);
      if (!ref) throw new Error(`${at}: no reference has id "${id}" (see src/data/references/)`);
      return localise(ref, locale, byId);
    };

    const used = new Set<Component>();
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node, index, parent) => {
      const at = where(file, node);
      if (node.name === 'Ref') {
        const id = stringAttribute(node, 'id', file);
        if (!id) throw new Error(`${at}: <Ref> needs an id`);
        if (!parent || index === undefined) return;
        // An inline citation is just a link: no component, no data.
        const {title, url} = entry(id, at);
        const link: MdxJsxTextElement = {
          // The <Ref>'s data carries MDX's mark of JSX written in the page, which keeps the
          // link a plain <a> rather than the theme's <Link> that Markdown links become.
          data: node.data,
          type: 'mdxJsxTextElement',
          name: 'a',
          attributes: jsxAttributes({href: url, target: '_blank', rel: 'noopener noreferrer'}),
          children: [{type: 'text', value: title}],
        };
        // A <Ref /> on a line of its own is a block: its link gets a paragraph.
        const paragraph: Paragraph = {type: 'paragraph', children: [link]};
        parent.children[index] = node.type === 'mdxJsxTextElement' ? link : paragraph;
        return SKIP;
      }
      if (!isComponent(node.name)) return;
      used.add(node.name);
      let data: unknown;
      if (node.name === 'FurtherReading') {
        const topic = stringAttribute(node, 'topic', file);
        const ids = (stringAttribute(node, 'ids', file) ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (!topic && ids.length === 0) throw new Error(`${at}: <FurtherReading> needs a topic or ids`);
        if (topic && !(topic in TOPICS)) throw new Error(`${at}: unknown topic "${topic}" (see src/data/references/vocabulary.ts)`);
        const chosen = ids.map((id) => entry(id, at));
        if (topic) {
          // Live resources first; the reader wants what still holds.
          const onTopic = references
            .filter((r) => r.topics.includes(topic as Topic) && !ids.includes(r.id))
            .sort((a, b) => Number(a.status.state !== 'active') - Number(b.status.state !== 'active'));
          chosen.push(...onTopic.map((r) => localise(r, locale, byId)));
        }
        if (chosen.length === 0) throw new Error(`${at}: <FurtherReading topic="${topic}"> finds no reference`);
        data = chosen.map(toReadingItem);
      } else if (node.name === 'ReferenceOverview') {
        data = categoryCounts(references, locale);
      } else {
        const category = stringAttribute(node, 'category', file);
        if (!category || !(category in CATEGORIES)) throw new Error(`${at}: <ReferenceList> needs a known category, got "${category}"`);
        const inCategory = references.filter((r) => r.category === (category as CategoryId));
        data = {intro: CATEGORIES[category as CategoryId].intro[locale], entries: inCategory.map((r) => localise(r, locale, byId))};
      }
      setAttribute(node, 'data', JSON.stringify(data));
    });
    for (const name of used) addDefaultImport(tree, name, `@site/src/features/references/${name}`);
  };
}
