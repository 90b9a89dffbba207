import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {closeSync, openSync, readdirSync, readFileSync, readSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {ROOT} from '../../scripts/lib/docs';
import {skipOrFail} from '../helpers/ci';

/** Directories that hold no shell script of ours: dependencies, build output, git's own files. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'build', '.docusaurus', '.cache-loader', 'test-results', '.cache']);

/** The first bytes of a file, enough for its #! line. */
function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    return buf.subarray(0, readSync(fd, buf, 0, 64, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every shell script of the repository: *.sh, and files whose #! line names bash or sh (such as .ci/run). */
function shellScripts(dir = ROOT): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) || p.startsWith(path.join(ROOT, 'bench', '.work')) ? [] : shellScripts(p);
    if (!entry.isFile()) return [];
    if (/\.(sh|bash)$/.test(entry.name)) return [p];
    return /^#!\s*\/\S*\/(env\s+)?(ba)?sh\b/.test(head(p)) ? [p] : [];
  });
}

describe('shell scripts', () => {
  const scripts = shellScripts().map((f) => path.relative(ROOT, f)).sort();

  test('the scripts include every lab and the CI script', () => {
    assert.ok(scripts.includes('labs/lib.sh') && scripts.includes('labs/netns-basics.sh'), `labs missing from ${scripts.join(', ')}`);
    assert.ok(scripts.includes('.ci/run'), '.ci/run (a bash script without .sh) was not found');
  });

  test('shellcheck finds nothing in any of them', {timeout: 120_000}, (t) => {
    if (spawnSync('shellcheck', ['--version']).status !== 0) return skipOrFail(t, 'shellcheck is missing (Debian: apt-get install shellcheck)');
    // -x follows `source "$(dirname "$0")/lib.sh"`, found next to the script (SCRIPTDIR).
    const result = spawnSync('shellcheck', ['--external-sources', '--source-path=SCRIPTDIR', '--format=gcc', ...scripts], {cwd: ROOT, encoding: 'utf8'});
    assert.equal(result.error, undefined);
    assert.equal(result.stdout + result.stderr, '', `shellcheck findings (fix them, or disable one with its reason on the same or previous line):\n${result.stdout}${result.stderr}`);
    assert.equal(result.status, 0);
  });

  test('every disabled shellcheck check says why', () => {
    const bare: string[] = [];
    for (const file of [...scripts, '.shellcheckrc']) {
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        // A directive in a script, or a line of .shellcheckrc.
        const directive = /#\s*shellcheck\s+disable=\S+(.*)$/.exec(line) ?? /^\s*disable=\S+(.*)$/.exec(line);
        if (!directive) return;
        // The reason is a comment after the directive, or the comment line just above it.
        const sameLine = /#\s*\S/.test(directive[1] ?? '');
        const lineAbove = /^\s*#(?!\s*shellcheck)\s*\S/.test(lines[i - 1] ?? '');
        if (!sameLine && !lineAbove) bare.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(bare, []);
  });
});
