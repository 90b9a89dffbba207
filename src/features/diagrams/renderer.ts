import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {launchChrome} from '../../build/chromium';
import {compactSvg} from './compact';
import {diagramId, FONT_FAMILY, MERMAID_DIR, readDiagram, RENDER_SETTINGS, type RenderedDiagram, writeDiagram} from './store';

export class MermaidSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/**
 * Renders diagrams with Mermaid itself in headless Chromium, one at a time
 * (Mermaid is a global singleton), and closes the browser when idle so the
 * build process can exit.
 */
class Renderer {
  private browser?: Promise<Browser>;
  private page?: Promise<Page>;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private idleTimer?: NodeJS.Timeout;

  private async openPage(): Promise<Page> {
    this.browser ??= launchChrome();
    const browser = await this.browser;
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><head><style>body{font-family:${FONT_FAMILY}}</style></head><body></body></html>`);
    await page.addScriptTag({path: path.join(MERMAID_DIR, 'dist/mermaid.min.js')});
    return page;
  }

  render(source: string): Promise<RenderedDiagram> {
    const id = diagramId(source);
    const cached = readDiagram(id);
    if (cached) return Promise.resolve(cached);
    this.pending++;
    clearTimeout(this.idleTimer);
    const job = this.queue.then(() => this.renderNow(id, source));
    this.queue = job.catch(() => undefined);
    return job.finally(() => {
      if (--this.pending === 0) this.idleTimer = setTimeout(() => void this.close(), 1500);
    });
  }

  private async renderNow(id: string, source: string): Promise<RenderedDiagram> {
    this.page ??= this.openPage();
    const page = await this.page;
    const svgs: Record<'light' | 'dark', string> = {light: '', dark: ''};
    for (const mode of ['light', 'dark'] as const) {
      const result = await page.evaluate(
        async ({text, svgId, config}) => {
          const mermaid = (
            window as unknown as {mermaid: {initialize: (c: object) => void; render: (id: string, t: string) => Promise<{svg: string}>}}
          ).mermaid;
          mermaid.initialize({startOnLoad: false, securityLevel: 'strict', ...config});
          try {
            return {svg: (await mermaid.render(svgId, text)).svg, error: undefined};
          } catch (e) {
            document.getElementById(`d${svgId}`)?.remove();
            return {svg: undefined, error: String((e as Error).message ?? e)};
          }
        },
        {text: source, svgId: `mermaid-${id}-${mode}`, config: RENDER_SETTINGS.themes[mode]},
      );
      if (result.error !== undefined || result.svg === undefined) {
        const message = result.error ?? 'Mermaid returned no SVG';
        const line = /on line (\d+)/.exec(message)?.[1];
        throw new MermaidSyntaxError(message.split('\n').slice(0, 4).join(' '), line ? Number(line) : undefined);
      }
      svgs[mode] = compactSvg(result.svg);
    }
    const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svgs.light);
    const rendered: RenderedDiagram = {
      id,
      ...svgs,
      width: Math.ceil(Number(viewBox?.[1] ?? 600)),
      height: Math.ceil(Number(viewBox?.[2] ?? 400)),
    };
    writeDiagram(rendered);
    return rendered;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.page = undefined;
    if (browser) await (await browser).close().catch(() => undefined);
  }
}

export const renderer = new Renderer();
