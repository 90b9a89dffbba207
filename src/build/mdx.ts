import type {Root} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {Node} from 'unist';
import type {VFile} from 'vfile';

/** A JSX element of an MDX page: on a line of its own (`<Lab … />`) or inside a sentence (`<Ref … />`). */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** `docs/x.mdx:12`, for errors that send the author to the right line. */
export function where(file: VFile, node: Node): string {
  return `${file.path}:${node.position?.start.line ?? '?'}`;
}

/** Pages under i18n/<locale>/ are that locale's; everything else is the default locale's. */
export function localeOf(file: VFile): 'en' | 'zh' {
  return /[\\/]i18n[\\/]zh-Hans[\\/]/.test(file.path) ? 'zh' : 'en';
}

/** A literal string attribute; an expression (`name={...}`) is rejected, since the plugins need the value at build time. */
export function stringAttribute(node: JsxElement, name: string, file: VFile): string | undefined {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  if (typeof attribute.value !== 'string') throw new Error(`${where(file, node)}: <${node.name}> attribute "${name}" must be a plain string`);
  return attribute.value;
}

/** Attributes from an object, in its order; `null` is a boolean attribute (`lineNumbers`), `undefined` none. */
export function jsxAttributes(values: Record<string, string | null | undefined>): MdxJsxAttribute[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string | null] => entry[1] !== undefined)
    .map(([name, value]) => ({type: 'mdxJsxAttribute', name, value}));
}

export function setAttribute(node: JsxElement, name: string, value: string): void {
  node.attributes = node.attributes.filter((a) => a.type !== 'mdxJsxAttribute' || a.name !== name);
  node.attributes.push(...jsxAttributes({[name]: value}));
}

/**
 * Adds `import name from 'source'` to the page unless it is there already, so
 * that a component travels only with the pages that use it: a component in
 * the global MDXComponents is in every page's JavaScript.
 */
export function addDefaultImport(tree: Root, name: string, source: string): void {
  const value = `import ${name} from ${JSON.stringify(source)};`;
  if (tree.children.some((n) => n.type === 'mdxjsEsm' && n.value === value)) return;
  tree.children.unshift({
    type: 'mdxjsEsm',
    value,
    // MDX compiles the estree, not the text.
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name}}],
            attributes: [],
            source: {type: 'Literal', value: source, raw: JSON.stringify(source)},
          },
        ],
      },
    },
  });
}
