/**
 * Prints each chapter's size in both languages, its diagrams and its lab, as a
 * Markdown table: the figures the issue notes and reviews ask for.
 * Usage: tsx scripts/chapter-stats.ts [part-dir ...]
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {DOCS_DIR, listDocs, mermaidBlocks, ZH_DOCS_DIR} from './lib/docs';

/** Prose only: no front matter, code fences, JSX lines or Markdown tables' rules. */
function prose(text: string): string {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
    .replace(/^<[^>]+\/>\s*$/gm, '')
    .replace(/`[^`]*`/g, ' ');
}

const englishWords = (text: string) =>
  prose(text)
    .split(/\s+/)
    .filter((w) => /[A-Za-z]/.test(w)).length;
const chineseChars = (text: string) => (prose(text).match(/\p{Script=Han}/gu) ?? []).length;

const parts = process.argv.slice(2);
const chapters = listDocs(DOCS_DIR).filter(
  (f) => !f.startsWith('references/') && (parts.length === 0 || parts.some((p) => f.startsWith(`${p}/`))),
);
console.log('| chapter | EN words | ZH characters | diagrams (en/zh) | lab |');
console.log('| --- | ---: | ---: | --- | --- |');
for (const f of chapters) {
  const en = readFileSync(path.join(DOCS_DIR, f), 'utf8');
  const zh = readFileSync(path.join(ZH_DOCS_DIR, f), 'utf8');
  const labs = [...en.matchAll(/<Lab name="([^"]+)"/g)].map((m) => `\`${m[1]}\``);
  const diagrams = `${mermaidBlocks(path.join(DOCS_DIR, f)).length}/${mermaidBlocks(path.join(ZH_DOCS_DIR, f)).length}`;
  console.log(`| ${f.replace(/\.mdx?$/, '')} | ${englishWords(en)} | ${chineseChars(zh)} | ${diagrams} | ${labs.join(', ') || '—'} |`);
}
