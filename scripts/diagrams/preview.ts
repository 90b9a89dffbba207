/**
 * Draws the diagrams of the matching files as a reader sees them at 1366 px
 * (docs column 767.5 px, scale min(1, column / width) but never below 0.75),
 * one PNG per diagram, to look at a re-layout without building the site.
 *   npx tsx scripts/diagrams/preview.ts <file-filter> [out-dir]
 */
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {allMermaidBlocks} from '../lib/docs';
import {renderer} from '../../src/features/diagrams/renderer';
import {launchChrome} from '../../src/build/chromium';
import {FONT_FAMILY} from '../../src/features/diagrams/store';

const COLUMN = 767.5;
const [filter = '', out = '/tmp/diagram-preview'] = process.argv.slice(2);

const main = async () => {
  mkdirSync(out, {recursive: true});
  const blocks = allMermaidBlocks().filter((b) => b.file.includes(filter));
  const rendered = [];
  for (const b of blocks) rendered.push({b, d: await renderer.render(b.source)});
  await renderer.close();
  const browser = await launchChrome();
  const page = await browser.newPage({viewport: {width: 800, height: 600}});
  for (const {b, d} of rendered) {
    const scale = Math.max(0.75, Math.min(1, COLUMN / d.width));
    await page.setContent(
      `<!doctype html><body style="margin:0;font-family:${FONT_FAMILY}"><div id="f" style="width:${Math.ceil(d.width * scale)}px">${d.light.replace('<svg', `<svg style="display:block;width:100%;height:auto"`)}</div></body>`,
    );
    const name = `${b.file.replace(/^i18n\/zh-Hans\/docusaurus-plugin-content-docs\/current\//, 'zh/').replace(/[/.]/g, '_')}_${b.line}.png`;
    await page.locator('#f').screenshot({path: path.join(out, name)});
    console.log(`${path.join(out, name)}  ${d.width}x${d.height} scale ${scale.toFixed(2)}${d.width * scale > COLUMN ? ' SCROLLS' : ''}`);
  }
  await browser.close();
};
void main();
