/**
 * `npm test`: the typecheck, ESLint and Prettier, a production build of both locales, then every
 * test file in one node:test run (unit, labs as root, browser tests against
 * the build), so the closing summary counts them all.
 * `npm test -- --no-build` reuses an existing build; naming test files (`npm test -- --no-build e2e/references`)
 * runs only those, without lint (for quick local re-runs).
 */
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const args = process.argv.slice(2);

function run(title: string, cmd: string, cmdArgs: string[]): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(cmd, cmdArgs, {cwd: root, stdio: 'inherit'});
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? testFiles(p) : name.endsWith('.test.ts') ? [p] : [];
  });
}

const only = args.filter((a) => !a.startsWith('--'));
run('Typecheck (tsc --noEmit, strict)', bin('tsc'), ['--noEmit']);
// A run narrowed to some test files is a quick re-run; the whole suite also holds the code to its lint and format.
if (!only.length) {
  run('Lint (ESLint, zero warnings)', bin('eslint'), ['--max-warnings=0', '.']);
  run('Format (Prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.']);
}
if (!args.includes('--no-build')) run('Production build, both locales', bin('docusaurus'), ['build']);
const order = ['unit', 'labs', 'e2e'];
const files = order.flatMap((d) => testFiles(path.join(root, 'tests', d)).sort());
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
run(`Tests (${selected.length} files)`, process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  ...selected,
]);
