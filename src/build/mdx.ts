/**
 * The few MDX syntax-tree shapes our remark plugins touch, typed locally so
 * that the plugins depend on no transitive package's types.
 */
export interface Position {
  start: {line: number; column: number};
}

export interface MdxJsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | null | {type: string; value: string};
}

export interface Node {
  type: string;
  name?: string | null;
  attributes?: Array<MdxJsxAttribute | {type: string}>;
  children?: Node[];
  position?: Position;
  value?: string;
  lang?: string | null;
  meta?: string | null;
}

export interface VFileLike {
  path?: string;
  history?: string[];
}

export function filePath(file: VFileLike): string {
  return file.path ?? file.history?.at(-1) ?? '<unknown file>';
}

/** Calls `fn` for every JSX element named one of `names`, depth first. */
export function visitJsx(tree: Node, names: readonly string[], fn: (node: Node) => void): void {
  const walk = (node: Node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && names.includes(node.name ?? '')) fn(node);
    node.children?.forEach(walk);
  };
  walk(tree);
}

/** A literal string attribute; an expression (`name={...}`) is rejected, since the plugins need the value at build time. */
export function stringAttribute(node: Node, name: string, where: string): string | undefined {
  const attr = node.attributes?.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && (a as MdxJsxAttribute).name === name);
  if (!attr) return undefined;
  if (typeof attr.value !== 'string') throw new Error(`${where}: <${node.name}> attribute "${name}" must be a plain string`);
  return attr.value;
}

export function setAttribute(node: Node, name: string, value: string): void {
  node.attributes = (node.attributes ?? []).filter((a) => (a as MdxJsxAttribute).name !== name);
  node.attributes.push({type: 'mdxJsxAttribute', name, value});
}

export function where(file: VFileLike, node: Node): string {
  return `${filePath(file)}:${node.position?.start.line ?? '?'}`;
}

/** Pages under i18n/<locale>/ are that locale's; everything else is the default locale's. */
export function localeOf(file: VFileLike): 'en' | 'zh' {
  return /[\\/]i18n[\\/]zh-Hans[\\/]/.test(filePath(file)) ? 'zh' : 'en';
}

/**
 * Adds `import name from 'source'` to the page unless it is there already, so
 * that a component travels only with the pages that use it: a component in
 * the global MDXComponents is in every page's JavaScript.
 */
export function addDefaultImport(tree: Node, name: string, source: string): void {
  const value = `import ${name} from ${JSON.stringify(source)};`;
  tree.children ??= [];
  if (tree.children.some((n) => n.type === 'mdxjsEsm' && n.value === value)) return;
  const esm: Node & {data: unknown} = {
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
            source: {type: 'Literal', value: source, raw: JSON.stringify(source)},
          },
        ],
      },
    },
  };
  tree.children.unshift(esm);
}
