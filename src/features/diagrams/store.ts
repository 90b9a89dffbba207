import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/**
 * What the remark stage (./remark.ts, while pages compile) hands the
 * post-build stage (./plugin.ts, once the HTML is written): each diagram,
 * rendered, under its id. The two stages run at different times and share
 * nothing else; both import this module only. Renders are kept across
 * builds, so an unchanged diagram is not rendered again.
 */
export interface RenderedDiagram {
  id: string;
  /** SVG for the light and the dark colour mode. */
  light: string;
  dark: string;
  width: number;
  height: number;
}

const ROOT = path.resolve(__dirname, '../../..');
export const MERMAID_DIR = path.join(ROOT, 'node_modules/mermaid');
const STORE_DIR = path.join(ROOT, 'node_modules/.cache/cng-mermaid');

/** The page's own font stack, so labels are measured with the fonts readers see (CJK included). */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

/** How ./renderer.ts renders. Part of every id: bump the version when rendering changes, so every diagram is rendered again. */
export const RENDER_SETTINGS = {
  // 6: SVG compacted (./compact.ts).
  version: 6,
  themes: {
    light: {theme: 'default', themeVariables: {fontFamily: FONT_FAMILY, edgeLabelBackground: '#ffffff'}},
    dark: {theme: 'dark', themeVariables: {fontFamily: FONT_FAMILY, edgeLabelBackground: '#1b1b1d'}},
  },
} as const;

const mermaidVersion = (): string =>
  (JSON.parse(readFileSync(path.join(MERMAID_DIR, 'package.json'), 'utf8')) as {version: string}).version;

/** A diagram's id: its source, the Mermaid version and the render settings. Same id, same SVG. */
export function diagramId(source: string): string {
  return createHash('sha256')
    .update(JSON.stringify({source, mermaid: mermaidVersion(), settings: RENDER_SETTINGS}))
    .digest('hex')
    .slice(0, 16);
}

export function readDiagram(id: string): RenderedDiagram | undefined {
  const file = path.join(STORE_DIR, `${id}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram) : undefined;
}

export function writeDiagram(diagram: RenderedDiagram): void {
  mkdirSync(STORE_DIR, {recursive: true});
  writeFileSync(path.join(STORE_DIR, `${diagram.id}.json`), JSON.stringify(diagram));
}
