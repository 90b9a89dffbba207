/**
 * Measures how large each diagram's text is on screen: the computed font size
 * of every visible text node times the scale the SVG is drawn at (its screen
 * transformation, which is the rendered width over the viewBox width, plus any
 * transform inside). Used by scripts/diagrams/legibility.ts and
 * tests/e2e/pages.test.ts (its sweep of every page), so the script and the test judge by
 * the same numbers.
 */
import type {Page} from 'playwright-core';
import {MIN_DIAGRAM_SCALE} from '../../src/features/diagrams/scale';
import {allMermaidBlocks} from '../lib/docs';

/** The contract (issue #16): what a reader must be able to read, in on-screen CSS px. */
export const TARGETS = {
  desktop: {width: 1366, height: 768, medianPx: 12, minPx: 10},
  phone: {width: 390, height: 844, medianPx: 11},
} as const;

export interface DiagramSize {
  /** 1-based position of the diagram on its page. */
  index: number;
  /** The diagram's accTitle (the SVG's <title>). */
  title: string;
  /** The SVG's own width and height (viewBox). */
  svgWidth: number;
  svgHeight: number;
  /** Rendered width over viewBox width. */
  scale: number;
  /** On-screen text size over the diagram's visible text nodes, px. */
  medianPx: number;
  minPx: number;
  textNodes: number;
  /** Whether the diagram's box scrolls sideways (its content is wider than the box). */
  scrolls: boolean;
  /** Whether the box a reader scrolls can be reached with the keyboard and has a name. */
  scrollBoxFocusable: boolean;
  /** The width of the docs column (.theme-doc-markdown), px. */
  columnWidth: number;
}

/** Pages with diagrams (URL path → number of diagrams), from the sources' ```mermaid blocks, in a stable order. */
export function diagramPages(): Map<string, number> {
  const pages = new Map<string, number>();
  for (const b of allMermaidBlocks()) {
    const zh = b.file.startsWith('i18n/zh-Hans/');
    const rel = b.file
      .replace(/^i18n\/zh-Hans\/docusaurus-plugin-content-docs\/current\//, '')
      .replace(/^docs\//, '')
      .replace(/\.mdx?$/, '')
      .replace(/\/index$/, '');
    const url = `${zh ? '/zh-Hans' : ''}/docs/${rel}`;
    pages.set(url, (pages.get(url) ?? 0) + 1);
  }
  return pages;
}

/*
 * Runs in the page. Written as a string: a function handed to page.evaluate
 * is sent as its source text, and the TypeScript loader may wrap named
 * functions in helpers that do not exist in the browser.
 */
const MEASURE = `(() => {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const column = document.querySelector('.theme-doc-markdown');
  const columnWidth = column ? column.clientWidth : 0;
  return [...document.querySelectorAll('figure[data-diagram]')].map((figure, i) => {
    const svg = [...figure.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0 && !s.parentElement.closest('svg'));
    const title = (figure.querySelector('svg > title') || {}).textContent || '';
    if (!svg) return {index: i + 1, title, svgWidth: 0, svgHeight: 0, scale: 0, medianPx: 0, minPx: 0, textNodes: 0, scrolls: false, scrollBoxFocusable: false, columnWidth};
    const vb = svg.viewBox.baseVal;
    const svgWidth = vb && vb.width ? vb.width : svg.getBBox().width;
    const svgHeight = vb && vb.height ? vb.height : svg.getBBox().height;
    const scale = svg.getBoundingClientRect().width / svgWidth;
    const sizes = [];
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      if (!el || el.closest('title, desc, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      // HTML labels sit in a foreignObject; SVG text is a <text>. Either way the
      // element's screen matrix holds the viewBox scale and any transform inside.
      const graphic = el.closest('foreignObject') || el.closest('text') || svg;
      const m = graphic.getScreenCTM();
      const factor = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : scale;
      sizes.push(parseFloat(style.fontSize) * factor);
    }
    // The box that scrolls is the nearest ancestor of the SVG, up to the figure, that clips sideways.
    let scrolls = false;
    let scrollBoxFocusable = false;
    for (let el = svg.parentElement; el && figure.contains(el); el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        scrolls = true;
        scrollBoxFocusable = el.tabIndex >= 0 && Boolean(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
        break;
      }
    }
    const round = (x) => Math.round(x * 100) / 100;
    return {
      index: i + 1,
      title,
      svgWidth: Math.round(svgWidth),
      svgHeight: Math.round(svgHeight),
      scale: round(scale),
      medianPx: round(median(sizes)),
      minPx: round(sizes.length ? Math.min(...sizes) : 0),
      textNodes: sizes.length,
      scrolls,
      scrollBoxFocusable,
      columnWidth,
    };
  });
})()`;

/** Measures every diagram on the page as it is laid out now. */
export function measureDiagrams(page: Page): Promise<DiagramSize[]> {
  return page.evaluate<DiagramSize[]>(MEASURE);
}

export interface PageMeasure {
  /** URL path, e.g. /zh-Hans/docs/linux/network-namespaces. */
  path: string;
  desktop: DiagramSize[];
  phone: DiagramSize[];
}

/**
 * Loads the page once at the desktop size, measures, narrows the window to
 * the phone's width and measures again.
 */
export async function measurePage(page: Page, siteUrl: string, pagePath: string): Promise<PageMeasure> {
  await page.setViewportSize({width: TARGETS.desktop.width, height: TARGETS.desktop.height});
  await page.goto(siteUrl + pagePath, {waitUntil: 'load'});
  return measureLoadedPage(page, pagePath);
}

/**
 * Measures a page already loaded at the desktop size, then at the phone's
 * width; the window is left at the desktop size again.
 */
export async function measureLoadedPage(page: Page, pagePath: string): Promise<PageMeasure> {
  await page.evaluate('document.fonts.ready');
  const desktop = await measureDiagrams(page);
  await page.setViewportSize({width: TARGETS.phone.width, height: TARGETS.phone.height});
  // Let layout and resize observers settle before measuring.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const phone = await measureDiagrams(page);
  await page.setViewportSize({width: TARGETS.desktop.width, height: TARGETS.desktop.height});
  return {path: pagePath, desktop, phone};
}

/** What fails the contract, one line per diagram, naming the page, the diagram and its sizes. */
export function failures(m: PageMeasure, expected?: number): string[] {
  const out: string[] = [];
  if (expected !== undefined && m.desktop.length !== expected)
    out.push(`${m.path}: ${m.desktop.length} diagrams found, ${expected} in the sources`);
  m.desktop.forEach((d, i) => {
    const p = m.phone[i];
    const name = `${m.path} diagram ${d.index} "${d.title}" (SVG ${d.svgWidth} px wide, column ${d.columnWidth} px)`;
    const why: string[] = [];
    if (d.textNodes === 0) why.push('no visible text measured');
    if (d.medianPx < TARGETS.desktop.medianPx)
      why.push(`median ${d.medianPx} px < ${TARGETS.desktop.medianPx} at ${TARGETS.desktop.width}`);
    if (d.minPx < TARGETS.desktop.minPx) why.push(`smallest ${d.minPx} px < ${TARGETS.desktop.minPx} at ${TARGETS.desktop.width}`);
    if (d.scrolls)
      why.push(`scrolls sideways at ${TARGETS.desktop.width} (needs SVG ≤ ${Math.floor(d.columnWidth / MIN_DIAGRAM_SCALE)} px)`);
    if (p && p.medianPx < TARGETS.phone.medianPx) why.push(`median ${p.medianPx} px < ${TARGETS.phone.medianPx} at ${TARGETS.phone.width}`);
    if (p?.scrolls && !p.scrollBoxFocusable) why.push(`scrolls at ${TARGETS.phone.width} but its box is not focusable with a name`);
    if (why.length) out.push(`${name}: ${why.join('; ')}`);
  });
  return out;
}
