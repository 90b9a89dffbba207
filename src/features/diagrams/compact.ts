/**
 * Makes Mermaid's SVG smaller without changing what it draws. Mermaid 11
 * draws node shapes with rough.js even in the classic look: an outline is a
 * chain of tiny Bézier segments, each its own subpath, each drawn twice, with
 * coordinates to 15 decimals. A chapter's diagrams were 600 KB of HTML, most
 * of it path data, parsed by the reader's browser (light and dark variants).
 *
 * - Numbers in geometry attributes are rounded: path data to 0.1 px, the
 *   rest (positions of labels, sizes) to 0.01 px.
 * - In a path made only of absolute M, L, C and Z commands: rough.js's second
 *   stroke of a segment (a subpath with the previous one's start and end) is
 *   dropped, a segment of length zero is dropped, and a move to the point
 *   where the pen already is disappears (unless its subpath closes), so the
 *   segments join into one subpath.
 *
 * - Arrowhead markers and icon symbols that nothing uses are removed: every
 *   flowchart defines all twelve kinds of arrowhead and six icons.
 *
 * Text content is never touched: labels hold addresses such as 10.0.0.123.
 */
const GEOMETRY =
  /\s(d|points|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|viewBox|refX|refY|markerWidth|markerHeight|style)="([^"]*)"/g;

export function compactSvg(svg: string): string {
  const withoutUnused = svg
    .replace(/<marker id="([^"]+)"[\s\S]*?<\/marker>/g, (marker, id: string) => (svg.includes(`#${id})`) ? marker : ''))
    .replace(/<symbol id="([^"]+)"[\s\S]*?<\/symbol>/g, (symbol, id: string) => (svg.includes(`#${id}"`) ? symbol : ''))
    .replace(/<defs><\/defs>/g, '');
  return withoutUnused.replace(
    GEOMETRY,
    (_all, name: string, value: string) => ` ${name}="${name === 'd' ? compactPath(value) : round(value, 2)}"`,
  );
}

function round(value: string, decimals: number): string {
  const scale = 10 ** decimals;
  const tooPrecise = new RegExp(`\\.\\d{${decimals + 1},}`);
  // Numbers as SVG reads them, left to right: in ".2.15" the second dot starts a second number.
  return value.replace(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g, (n, offset: number, whole: string) => {
    if (!tooPrecise.test(n)) return n;
    const r = Math.round(Number(n) * scale) / scale;
    let out = String(Object.is(r, -0) ? 0 : r);
    // Path data may omit separators ("c.04.2-.04.3", "12.258.001"): a number
    // that loses its minus sign or its dot must not run into its neighbours.
    if (/^\d/.test(out) && /[\d.]/.test(whole[offset - 1] ?? '')) out = ` ${out}`;
    if (!out.includes('.') && whole[offset + n.length] === '.') out = `${out} `;
    return out;
  });
}

type Command = {op: 'M' | 'L' | 'C' | 'Z'; points: string[]};

export function compactPath(d: string): string {
  const rounded = round(d, 1);
  if (/[^MLCZ\d\s,.e-]/.test(rounded)) return rounded;
  const commands: Command[] = [];
  for (const [, op, args] of rounded.matchAll(/([MLCZ])([^MLCZ]*)/g)) {
    const nums = args!.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
    const points: string[] = [];
    for (let i = 0; i + 1 < nums.length; i += 2) points.push(`${nums[i]} ${nums[i + 1]}`);
    commands.push({op: op as Command['op'], points});
  }
  const subpaths: Command[][] = [];
  for (const c of commands) {
    if (c.op === 'M' || subpaths.length === 0) subpaths.push([]);
    subpaths.at(-1)!.push(c);
  }
  const last = (s: Command[]) => s.flatMap((c) => c.points).at(-1);
  const ends = (s: Command[]) => (s.some((c) => c.op === 'Z') ? '' : `${s[0]!.points[0]}>${last(s)}`);
  const kept: Command[][] = [];
  let previous = '';
  for (const s of subpaths) {
    const key = ends(s);
    if (key && key === previous) {
      previous = '';
      continue;
    }
    kept.push(s);
    previous = key;
  }
  let out = '';
  let pen: string | undefined;
  for (const s of kept) {
    // Z returns to the subpath's own start, so a subpath that closes keeps its move.
    const closes = s.some((c) => c.op === 'Z');
    for (const c of s) {
      if (c.op === 'M' && !closes && c.points.length === 1 && c.points[0] === pen) continue;
      if (c.op !== 'M' && c.op !== 'Z' && c.points.every((p) => p === pen)) continue;
      out += `${out ? ' ' : ''}${c.op}${c.points.join(' ')}`;
      // After Z the pen is back at the start of its subpath.
      pen = c.op === 'Z' ? s[0]!.points[0] : (c.points.at(-1) ?? pen);
    }
  }
  return out;
}
