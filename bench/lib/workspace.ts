import {execFileSync} from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {chineseTwin, withoutDiagrams} from './plain-markdown';

export const REPO = path.resolve(__dirname, '../..');
export const WORK = path.join(REPO, 'bench', '.work');
export const SITE_DIR = path.join(WORK, 'site');
export const STOCK_DIR = path.join(WORK, 'stock');
export const LOG_DIR = path.join(WORK, 'logs');
export const RESULTS_DIR = path.join(REPO, 'bench', 'results');

/**
 * With --worktree, the repo is copied, except these. Copied, not linked: the bundler resolves
 * symlinks to real paths, and the MDX loaders only accept files under the
 * content directories of the site being built (docs, i18n, src/pages); code
 * that finds its caches from its own location (src/features/diagrams
 * keeps rendered diagrams in <site>/node_modules/.cache) would also write into
 * the repo. A copy is also a snapshot, unaffected by edits made in the repo
 * while the benchmark runs. Everything else is copied, so that whatever the
 * config imports (scripts/lib, src, data files) comes along.
 * The default copy (git archive HEAD) has the same properties.
 */
const NOT_COPIED = new Set(['node_modules', 'build', '.docusaurus', '.git', 'bench', 'test-results', '.cache-loader']);

export type SiteSource = 'worktree' | {rev: string};

/**
 * A fresh copy of the site in bench/.work/site, sharing the repo's installed
 * packages. By default a commit (`git archive <rev>`, which only reads the
 * repository; HEAD unless --rev names another): other people edit the working tree while the benchmark
 * runs, and a half-finished edit (a link to a chapter not written yet) stops
 * the build. With 'worktree', the files as they are now (see NOT_COPIED).
 * Returns a description of what was copied, for the results.
 */
export function prepareSite(source: SiteSource): string {
  removeWorkDir(SITE_DIR);
  mkdirSync(SITE_DIR, {recursive: true});
  const commit = git(['rev-parse', '--short', source === 'worktree' ? 'HEAD' : `${source.rev}^{commit}`]);
  if (source !== 'worktree') {
    execFileSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', commit, SITE_DIR], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    removeWorkDir(path.join(SITE_DIR, 'bench'));
  } else {
    for (const entry of readdirSync(REPO)) {
      if (NOT_COPIED.has(entry) || entry.endsWith('.log')) continue;
      cpSync(path.join(REPO, entry), path.join(SITE_DIR, entry), {recursive: true});
    }
  }
  linkNodeModules(SITE_DIR);
  return source !== 'worktree'
    ? `commit ${commit}`
    : `working tree of ${commit}${git(['status', '--porcelain']) ? ' with uncommitted changes' : ''}`;
}

/** Read-only git queries. */
function git(args: string[]): string {
  return execFileSync('git', args, {cwd: REPO, encoding: 'utf8'}).trim();
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

/**
 * Removes the Docusaurus generated files and every cache of a work site (the
 * bundlers' persistent caches, the rendered diagrams): the next build is cold.
 */
export function clearCaches(siteDir: string): void {
  removeWorkDir(path.join(siteDir, '.docusaurus'));
  removeWorkDir(path.join(siteDir, 'node_modules', '.cache'));
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

/** The chapter whose weight stands for a chapter with diagrams. */
export const DIAGRAM_CHAPTER = {file: 'docs/linux/network-namespaces.mdx', id: 'linux/network-namespaces'};
/** Its copy without the diagrams, which only the work site has. */
export const PLAIN_CHAPTER = {file: 'docs/linux/network-namespaces-without-diagrams.mdx', id: 'linux/network-namespaces-without-diagrams'};

/**
 * Adds to the work site, in both locales and in the sidebar next to the
 * original, a copy of DIAGRAM_CHAPTER with its Mermaid fences removed: the
 * same page without diagrams, so that what the diagrams cost a page is
 * measured on one page, not across two pages of different lengths.
 */
export function addChapterWithoutDiagrams(siteDir: string): void {
  for (const [from, to] of [
    [DIAGRAM_CHAPTER.file, PLAIN_CHAPTER.file],
    [chineseTwin(DIAGRAM_CHAPTER.file), chineseTwin(PLAIN_CHAPTER.file)],
  ] as const) {
    const text = readFileSync(path.join(siteDir, from), 'utf8');
    const stripped = withoutDiagrams(text);
    if (stripped === text) throw new Error(`${from} has no diagram left to compare with`);
    writeFileSync(path.join(siteDir, to), stripped);
  }
  const sidebars = path.join(siteDir, 'sidebars.ts');
  const text = readFileSync(sidebars, 'utf8');
  const entry = `'${DIAGRAM_CHAPTER.id}'`;
  if (!text.includes(entry)) throw new Error(`sidebars.ts does not list ${entry}`);
  writeFileSync(sidebars, text.replace(entry, `${entry}, '${PLAIN_CHAPTER.id}'`));
}
