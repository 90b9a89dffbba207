import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {DocMetadata} from '@docusaurus/plugin-content-docs';
import {diagramId} from '../diagrams/store';
import {pageMarkdown} from './html-to-markdown';
import {markdownUrl} from './url';
import {docsInReadingOrder, loadedDocs, type Section} from '../../build/docs-order';
import {siteHeading} from '../../build/site-heading';

/** Each Mermaid fence of a page's source, under the id its rendered diagram carries (src/features/diagrams/store.ts). */
export function diagramSources(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)) out.set(diagramId(m[1]!), m[1]!);
  return out;
}

/** llms.txt (https://llmstxt.org): the guide's title and summary, then every page in reading order, linked to its Markdown copy. */
export function llmsTxt(title: string, summary: string, intro: string, start: string, parts: readonly Section[], origin: string): string {
  const line = (d: DocMetadata) => `- [${d.title}](${origin}${markdownUrl(d.permalink)})${d.description ? `: ${d.description}` : ''}`;
  const blocks = parts.map((s) => [`## ${s.label ?? start}`, '', ...s.docs.map(line)].join('\n'));
  return `# ${title}\n\n> ${summary}\n\n${intro}\n\n${blocks.join('\n\n')}\n`;
}

/** The heading of the pages before the sidebar's first category. */
const START = {en: 'Start here', zh: '从这里开始'} as const;

const INTRO = {
  en: 'A bilingual guide to container networking, from Linux network namespaces through Docker, CNI and Kubernetes to eBPF and IPv6 data planes. Every page below is linked to a Markdown copy of itself: the text, tables and code as the page shows them, each lab as its script and a recorded run, each diagram as its Mermaid source.',
  zh: '一本中英双语的容器网络指南，从 Linux 网络命名空间讲起，经过 Docker、CNI 和 Kubernetes，一直到 eBPF 与 IPv6 数据平面。下面每一页都链接到它的 Markdown 副本：正文、表格和代码与页面一致，每个实验是它的脚本和一次记录下来的运行，每张图是它的 Mermaid 源码。',
} as const;

/**
 * After the build: a Markdown copy of every docs page next to its HTML
 * (docs/linux/bridge.html → docs/linux/bridge.md), and llms.txt at the
 * locale's root listing them, for tools and for readers who want a chapter
 * as text. A page the sidebar lists but the build did not write, or a
 * diagram whose source cannot be found, stops the build.
 */
export default function markdownCopiesPlugin(context: LoadContext): Plugin {
  const {siteConfig, siteDir, i18n, baseUrl} = context;
  const locale = i18n.currentLocale === 'zh-Hans' ? 'zh' : 'en';
  return {
    name: 'markdown-copies',
    async postBuild({outDir, plugins}) {
      const version = loadedDocs(plugins, 'markdown copies');
      const parts = docsInReadingOrder(version, 'markdown copies');
      const origin = siteConfig.url.replace(/\/$/, '');

      await Promise.all(
        parts
          .flatMap((s) => s.docs)
          .map(async (doc) => {
            const relative = doc.permalink.slice(baseUrl.length).replace(/\/$/, '');
            const html = [`${relative}.html`, `${relative}/index.html`].map((f) => path.join(outDir, f)).find((f) => existsSync(f));
            const source = path.join(siteDir, doc.source.replace(/^@site\//, ''));
            if (!html) throw new Error(`markdown copies: ${doc.source}: no page in ${outDir} for ${doc.permalink}`);
            const markdown = pageMarkdown({
              html: await readFile(html, 'utf8'),
              url: `${origin}${doc.permalink}`,
              diagramSources: diagramSources(await readFile(source, 'utf8')),
              source: doc.source,
            });
            await writeFile(path.join(outDir, markdownUrl(relative)), markdown);
          }),
      );
      const {title, summary} = await siteHeading(
        siteDir,
        i18n.currentLocale,
        siteConfig.title,
        String(siteConfig.tagline),
        'markdown copies',
      );
      await writeFile(path.join(outDir, 'llms.txt'), llmsTxt(title, summary, INTRO[locale], START[locale], parts, origin));
    },
  };
}
