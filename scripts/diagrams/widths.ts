/**
 * Lists every diagram of both locales with its SVG (viewBox) width, rendered
 * as the build renders it (and kept in the same render cache), and flags the
 * ones that would have to scroll on a desktop: a diagram is never drawn below
 * 0.75 of its size, so it must be at most column / 0.75 wide. No build needed.
 *   npx tsx scripts/diagrams/widths.ts [--column 767.5] [--all] [file-filter]
 */
import {allMermaidBlocks} from '../lib/docs';
import {renderer} from '../../src/features/diagrams/renderer';

const args = process.argv.slice(2);
const columnAt = args.indexOf('--column');
// The docs column at a 1366 × 768 window, measured in Chromium (`.theme-doc-markdown`).
const column = columnAt >= 0 ? Number(args[columnAt + 1]) : 767.5;
const all = args.includes('--all');
const filter = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--column')[0] ?? '';
const limit = column / 0.75;

const main = async () => {
  const rows: string[] = [];
  let over = 0;
  for (const b of allMermaidBlocks().filter((x) => x.file.includes(filter))) {
    const d = await renderer.render(b.source);
    const title = /accTitle\s*:\s*(.*)/.exec(b.source)?.[1]?.trim() ?? '';
    const bad = d.width > limit;
    if (bad) over++;
    if (bad || all)
      rows.push(`${bad ? 'OVER' : 'ok  '} ${String(d.width).padStart(5)} x ${String(d.height).padEnd(5)} ${b.file}:${b.line}  ${title}`);
  }
  console.log(rows.join('\n'));
  console.log(`column ${column}px, limit ${Math.floor(limit)}px: ${over} diagram(s) over`);
  await renderer.close();
};
void main();
