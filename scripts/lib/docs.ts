import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const DOCS_DIR = path.join(ROOT, 'docs');
export const ZH_DOCS_DIR = path.join(ROOT, 'i18n/zh-Hans/docusaurus-plugin-content-docs/current');

/** Markdown and MDX files below `dir`, as paths relative to it. */
export function listDocs(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const relPath = path.join(rel, name);
      if (statSync(path.join(dir, relPath)).isDirectory()) walk(relPath);
      else if (/\.mdx?$/.test(name)) out.push(relPath);
    }
  };
  walk('');
  return out.sort();
}

export interface MermaidBlock {
  file: string;
  line: number;
  source: string;
}

/** Every ```mermaid fence, with the line its source starts on. */
export function mermaidBlocks(file: string): MermaidBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})mermaid\b/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[2] ?? '```';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
    blocks.push({file: path.relative(ROOT, file), line: start + 1, source: lines.slice(start, end).join('\n')});
    i = end;
  }
  return blocks;
}

export function allMermaidBlocks(): MermaidBlock[] {
  return [DOCS_DIR, ZH_DOCS_DIR].flatMap((dir) => listDocs(dir).flatMap((f) => mermaidBlocks(path.join(dir, f))));
}
