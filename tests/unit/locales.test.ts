import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';

describe('both locales', () => {
  test('every English page has a Chinese twin and every Chinese page an English one', () => {
    const en = new Set(listDocs(DOCS_DIR));
    const zh = new Set(listDocs(ZH_DOCS_DIR));
    const problems = [
      ...[...en].filter((f) => !zh.has(f)).map((f) => `docs/${f} has no Chinese page at ${path.relative(ROOT, path.join(ZH_DOCS_DIR, f))}`),
      ...[...zh].filter((f) => !en.has(f)).map((f) => `${path.relative(ROOT, path.join(ZH_DOCS_DIR, f))} has no English page at docs/${f}`),
    ];
    assert.deepEqual(problems, []);
  });

  test('i18n/zh-Hans translates every UI string that write-translations extracts', {timeout: 120_000}, () => {
    // Run write-translations on a scratch copy of the site, so the working tree is never touched,
    // then see which keys it had to add: those are the untranslated ones.
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'cng-i18n-'));
    try {
      for (const name of [
        'docs',
        'changelog',
        'src',
        'static',
        'labs',
        'node_modules',
        'sidebars.ts',
        'docusaurus.config.ts',
        'package.json',
        'tsconfig.json',
      ]) {
        symlinkSync(path.join(ROOT, name), path.join(scratch, name));
      }
      cpSync(path.join(ROOT, 'i18n'), path.join(scratch, 'i18n'), {recursive: true});
      execFileSync(path.join(ROOT, 'node_modules/.bin/docusaurus'), ['write-translations', '--locale', 'zh-Hans'], {
        cwd: scratch,
        stdio: 'pipe',
      });
      const missing: string[] = [];
      const walk = (rel: string) => {
        const abs = path.join(scratch, 'i18n/zh-Hans', rel);
        for (const entry of readdirSync(abs, {withFileTypes: true})) {
          const r = path.join(rel, entry.name);
          if (entry.isDirectory()) walk(r);
          else if (entry.name.endsWith('.json')) {
            const generated = JSON.parse(readFileSync(path.join(abs, entry.name), 'utf8')) as Record<string, unknown>;
            let ours: Record<string, unknown> = {};
            try {
              ours = JSON.parse(readFileSync(path.join(ROOT, 'i18n/zh-Hans', r), 'utf8')) as Record<string, unknown>;
            } catch {
              // the whole file is missing: every key is reported below
            }
            for (const key of Object.keys(generated)) if (!(key in ours)) missing.push(`i18n/zh-Hans/${r}: "${key}"`);
          }
        }
      };
      walk('');
      assert.deepEqual(missing, [], `untranslated keys (run \`npm run write-translations\` and translate them):\n${missing.join('\n')}`);
    } finally {
      rmSync(scratch, {recursive: true, force: true});
    }
  });
});
