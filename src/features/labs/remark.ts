import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {addDefaultImport, setAttribute, stringAttribute, where} from '../../build/mdx';
import {labSupport} from '../../data/lab-support';
import {highlight} from '../code-listings/highlight';

/**
 * `<Lab name="netns-basics" />` shows labs/netns-basics.sh and the output a
 * reader should expect. The script is read from the repository at build time,
 * so the page always shows exactly the file that the test suite runs.
 */
export default function remarkLab(options: {labsDir: string}) {
  return (tree: Root, file: VFile) => {
    let used = false;
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node) => {
      if (node.name !== 'Lab') return;
      used = true;
      const at = where(file, node);
      const name = stringAttribute(node, 'name', file);
      if (!name) throw new Error(`${at}: <Lab> needs a name, e.g. <Lab name="netns-basics" />`);
      const script = path.join(options.labsDir, `${name}.sh`);
      const expected = path.join(options.labsDir, `${name}.expected.txt`);
      for (const f of [script, expected]) {
        if (!existsSync(f)) throw new Error(`${at}: <Lab name="${name}"> needs ${path.relative(process.cwd(), f)}, which does not exist`);
      }
      // Highlighted here, like every code block (../code-listings/remark.ts).
      setAttribute(node, 'scriptHtml', highlight(readFileSync(script, 'utf8').trimEnd(), 'bash'));
      setAttribute(node, 'expectedHtml', highlight(readFileSync(expected, 'utf8').trimEnd(), 'text'));
      // The Chinese docs live under i18n/zh-Hans/; the page gets a reason in its own language only.
      const zh = file.path.includes(`${path.sep}i18n${path.sep}zh-Hans${path.sep}`);
      type Reasons = Record<string, {en: string; zh: string} | undefined>;
      const notInVm = (labSupport.vm as Reasons)[name];
      const notOnHost = (labSupport.host as Reasons)[name];
      if (notInVm) setAttribute(node, 'vmReason', zh ? notInVm.zh : notInVm.en);
      if (notOnHost) setAttribute(node, 'hostReason', zh ? notOnHost.zh : notOnHost.en);
    });
    if (used) addDefaultImport(tree, 'Lab', '@site/src/features/labs/Lab');
  };
}
