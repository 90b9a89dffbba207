import {cpSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync} from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const WORK = path.join(REPO, 'bench', '.work');
export const SITE_DIR = path.join(WORK, 'site');
export const STOCK_DIR = path.join(WORK, 'stock');
export const LOG_DIR = path.join(WORK, 'logs');
export const RESULTS_DIR = path.join(REPO, 'bench', 'results');

/**
 * What Docusaurus reads from the site directory. They are copied, not linked:
 * the bundler resolves symlinks to real paths, and the MDX loaders only accept
 * files under the content directories of the site being built (docs, i18n,
 * src/pages), so linked content would fall outside them. A copy is also a
 * snapshot, unaffected by edits made in the repo while the benchmark runs.
 */
const SITE_ENTRIES = ['docs', 'i18n', 'src', 'static', 'labs', 'sidebars.ts', 'docusaurus.config.ts', 'package.json', 'tsconfig.json'];

/** A fresh copy of the site in bench/.work/site, sharing the repo's installed packages. */
export function prepareSite(): void {
  removeWorkDir(SITE_DIR);
  mkdirSync(SITE_DIR, {recursive: true});
  for (const entry of SITE_ENTRIES) cpSync(path.join(REPO, entry), path.join(SITE_DIR, entry), {recursive: true});
  linkNodeModules(SITE_DIR);
}

/**
 * node_modules as a real directory holding one symlink per installed package.
 * Linking the directory itself would put the bundlers' persistent caches
 * (node_modules/.cache/rspack and /webpack, found from the site directory) in
 * the repo's node_modules, which the other builds use; this way each work
 * site has its own .cache, and clearing it cannot touch the repo's.
 */
export function linkNodeModules(siteDir: string): void {
  const source = path.join(REPO, 'node_modules');
  const target = path.join(siteDir, 'node_modules');
  mkdirSync(target, {recursive: true});
  for (const name of readdirSync(source)) {
    if (name === '.cache') continue;
    symlinkSync(path.join(source, name), path.join(target, name));
  }
}

/** Removes the Docusaurus generated files and the bundler caches of a work site: the next build is cold. */
export function clearCaches(siteDir: string, which: 'all' | 'webpack' = 'all'): void {
  removeWorkDir(path.join(siteDir, '.docusaurus'));
  const cache = path.join(siteDir, 'node_modules', '.cache');
  removeWorkDir(which === 'all' ? cache : path.join(cache, 'webpack'));
}

/**
 * rm -rf, refusing anything that is not inside bench/.work or that is itself
 * a symlink (a link to the repo's node_modules/.cache must never be followed).
 */
export function removeWorkDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (lstatSync(dir).isSymbolicLink()) throw new Error(`refusing to delete ${dir}: it is a symlink`);
  const real = realpathSync(dir);
  if (!real.startsWith(WORK + path.sep)) throw new Error(`refusing to delete ${real}: outside ${WORK}`);
  rmSync(dir, {recursive: true, force: true});
}
