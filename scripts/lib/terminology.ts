/**
 * Checks Chinese text against the terminology table (src/data/terminology.ts)
 * and the guide's Chinese typography, and renders the table for
 * CONTRIBUTING.md. tests/unit/terminology.test.ts runs it over every Chinese
 * page, the catalogue's zh strings and i18n/zh-Hans/code.json.
 */
import type {Term} from '../../src/data/terminology.schema';

export interface Finding {
  file: string;
  line: number;
  message: string;
}

/** A line of Chinese prose as a reader sees it, with what is not prose blanked out. */
export interface ProseLine {
  line: number;
  text: string;
  /** Diagram labels: prose for terms, but Mermaid's own syntax uses straight quotes. */
  diagram?: boolean;
  /** Front matter: `versions` and `keywords` are checked apart (keywords list the variants readers search for). */
  field?: string;
}

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The prose of an MDX page, line by line: fenced code (except Mermaid, whose
 * labels readers read), inline code, JSX and HTML tags with their attributes,
 * link addresses, heading ids and comments are blanked, so a finding is
 * always about words on the page.
 */
export function mdxProse(source: string): ProseLine[] {
  const lines = source.split('\n');
  const out: ProseLine[] = [];
  let fence: {marker: string; diagram: boolean} | undefined;
  let frontMatter = lines[0] === '---';
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (frontMatter) {
      if (i > 0 && raw === '---') {
        frontMatter = false;
        continue;
      }
      const field = /^([A-Za-z_]+):\s*(.*)$/.exec(raw);
      // YAML may wrap a value in quotes; those are syntax, not typography.
      if (field) out.push({line, field: field[1], text: (field[2] ?? '').replace(/^(['"])(.*)\1$/, '$2')});
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
    if (fence) {
      if (open && raw.trim().startsWith(fence.marker) && raw.trim().replace(/[`~]/g, '') === '') fence = undefined;
      else if (fence.diagram) out.push({line, text: raw, diagram: true});
      continue;
    }
    if (open) {
      fence = {marker: open[1] ?? '```', diagram: open[2] === 'mermaid'};
      continue;
    }
    out.push({line, text: blankNonProse(raw)});
  }
  return out;
}

function blankNonProse(raw: string): string {
  return raw
    .replace(/<!--.*?-->/g, ' ')
    .replace(/(`+)[^`]*?\1/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/\{#[\w-]+\}/g, ' ');
}

/**
 * What the term check reads: allowed phrases, and English in full-width
 * parentheses or quotes (a gloss at first use, 边车（sidecar）, or quoted
 * command output, “no route to host”), are blanked.
 */
function forTerms(text: string, term: Term): string {
  let t = text.replace(/（[\x20-\x7e]*）/g, '').replace(/“[\x20-\x7e]*”/g, ' ');
  for (const phrase of term.allowed ?? []) t = t.replace(new RegExp(escape(phrase), 'gi'), ' ');
  return t;
}

/** Rejected spellings of any term in these lines, each with the rendering to use. */
export function rejectedVariants(file: string, lines: ProseLine[], terms: readonly Term[]): Finding[] {
  const findings: Finding[] = [];
  for (const {line, text, field} of lines) {
    if (field === 'keywords') continue;
    for (const term of terms) {
      const t = forTerms(text, term);
      for (const variant of term.rejected) {
        if (new RegExp(escape(variant), 'i').test(t)) {
          findings.push({
            file,
            line,
            message: `“${variant}” is a rejected rendering of ${term.en}: write “${term.zh}” (src/data/terminology.ts)`,
          });
        }
      }
    }
  }
  return findings;
}

/** Chinese quotes are “”: straight quotes and 「」 in Chinese prose are findings, as is italic Chinese. */
export function typography(file: string, lines: ProseLine[]): Finding[] {
  const findings: Finding[] = [];
  for (const {line, text, diagram, field} of lines) {
    if (field && field !== 'title' && field !== 'description') continue;
    if (/[「」『』]/.test(text)) findings.push({file, line, message: 'corner brackets 「」: Chinese quotes are “”'});
    // Quoted command output keeps its own quotes: “failed to find plugin "bridge"”.
    if (!diagram && HAN.test(text) && /"/.test(text.replace(/“[\x20-\x7e]*”/g, ' ')))
      findings.push({file, line, message: 'straight quote " in Chinese prose: write “”'});
    const withoutBold = text.replace(/\*\*(?=\S)(.+?)\*\*/g, '$1').replace(/__(?=\S)(.+?)__/g, '$1');
    // CommonMark: `_` between two letters (of any script) never emphasises; `*` may.
    const italic = /(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\p{L}\p{N}_\\])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu;
    for (const m of withoutBold.matchAll(italic)) {
      const inner = m[1] ?? m[2] ?? '';
      if (HAN.test(inner))
        findings.push({file, line, message: `italic Chinese “${inner}”: Chinese has no italics; use bold sparingly, or nothing`});
    }
  }
  return findings;
}

/**
 * GA is written one way: 正式发布（GA） at the first GA of a page, then GA.
 * The front matter is exempt: `versions` is a terse list.
 */
export function gaFirstUse(file: string, lines: ProseLine[]): Finding[] {
  const GA = /(?<![A-Za-z])GA(?![A-Za-z])/;
  const first = lines.find((l) => !l.field && GA.test(l.text));
  if (!first || first.text.slice(0, GA.exec(first.text)?.index).endsWith('正式发布（')) return [];
  return [{file, line: first.line, message: 'the first GA on a page is written 正式发布（GA）, then GA (src/data/terminology.ts)'}];
}

/**
 * English words that have a Chinese rendering, in the Chinese `versions`
 * front matter: names and version numbers stay, the words around them do not.
 */
const ENGLISH_IN_VERSIONS =
  /\b(and|later|since|in|lab|VM|spec|specification|controller|final|catalogue|status|checked|mode|backend|mainline)\b/i;

export function versionsInChinese(file: string, lines: ProseLine[]): Finding[] {
  return lines
    .filter((l) => l.field === 'versions' && ENGLISH_IN_VERSIONS.test(l.text))
    .map(({line, text}) => ({
      file,
      line,
      message: `English “${ENGLISH_IN_VERSIONS.exec(text)?.[0]}” in the Chinese versions: write it in Chinese, e.g. Linux 6.18（实验虚拟机为 6.1）`,
    }));
}

/** The table as CONTRIBUTING.md shows it, between its markers. */
export function terminologyTable(terms: readonly Term[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = terms.map((t) =>
    [t.en, t.zh, t.rejected.join('、'), [t.note, t.why && `Why: ${t.why}`].filter(Boolean).join(' ')].map(cell).join(' | '),
  );
  return ['| English | Chinese | not | scope |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r} |`)].join('\n');
}

export const TABLE_START =
  '<!-- terminology table: generated from src/data/terminology.ts; npx tsx scripts/terminology-table.ts writes it -->';
export const TABLE_END = '<!-- end of terminology table -->';
