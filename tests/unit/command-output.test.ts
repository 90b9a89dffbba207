import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {DOCS_DIR, listDocs, ROOT, ZH_DOCS_DIR} from '../../scripts/lib/docs';

/**
 * CONTRIBUTING.md, "Command output": a command sits on a `$ ` line of a console
 * block and what it prints sits right under it, the same in both languages.
 * A reader who sees `kubectl get` or `kubectl describe` must see its answer.
 */

interface Command {
  /** Line of the `$ ` prompt, 1-based, in its file. */
  line: number;
  /** The command with its continuation lines joined and a trailing ` # comment` removed. */
  text: string;
  /** Whether at least one line of output follows it in the same block. */
  hasOutput: boolean;
}

interface Block {
  /** The block's lines with their line numbers, without comments, which a translation may change. */
  body: {line: number; text: string}[];
  commands: Command[];
}

const SHELL_FENCE = /^\s*(`{3,}|~{3,})(console|bash|shell|sh)\b/;
const stripComment = (line: string) => line.replace(/\s+#\s.*$/, '').trimEnd();

/** Every shell-like code block of a page, with its commands. */
export function shellBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = SHELL_FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? '').trim() !== fence) end++;
    const body = lines.slice(i + 1, end);
    const commands: Command[] = [];
    for (let j = 0; j < body.length; j++) {
      if (!(body[j] ?? '').startsWith('$ ')) continue;
      const start = j;
      let joined = body[j] ?? '';
      while (joined.endsWith('\\') && j + 1 < body.length) joined = `${joined.slice(0, -1).trimEnd()} ${(body[++j] ?? '').trim()}`;
      const next = body[j + 1];
      commands.push({
        line: i + 2 + start,
        text: stripComment(joined.slice(2)),
        hasOutput: next !== undefined && next.trim() !== '' && !next.startsWith('$ '),
      });
    }
    const kept = body.map((l, n) => ({line: i + 2 + n, text: stripComment(l)})).filter((_, n) => !(body[n] ?? '').startsWith('# '));
    blocks.push({body: kept, commands});
    i = end;
  }
  return blocks;
}

/** `kubectl [global flags] get|describe …`: a question to the API whose answer is the point. */
export const asksTheApi = (command: string) =>
  /^kubectl\s+(?:-{1,2}[\w-]+(?:[ =](?!get\b|describe\b)\S+)?\s+)*(get|describe)\b/.test(command);

const LOCALES = [
  ['docs', DOCS_DIR],
  ['i18n/zh-Hans/docusaurus-plugin-content-docs/current', ZH_DOCS_DIR],
] as const;
const pages = listDocs(DOCS_DIR);

describe('command output (CONTRIBUTING.md)', () => {
  test('the parser finds commands, joins continuation lines and tells output from the next prompt', () => {
    const page = [
      'Text.',
      '```console',
      '$ kubectl -n shop get pods -o wide \\',
      '    --show-labels          # a comment',
      'NAME   READY',
      '$ kubectl describe networkpolicy db',
      '```',
      '```yaml',
      '$ not a shell block',
      '```',
    ].join('\n');
    const blocks = shellBlocks(page);
    assert.equal(blocks.length, 1);
    assert.deepEqual(
      blocks[0]?.commands.map((c) => [c.line, c.text, c.hasOutput]),
      [
        [3, 'kubectl -n shop get pods -o wide --show-labels', true],
        [6, 'kubectl describe networkpolicy db', false],
      ],
    );
    assert.ok(asksTheApi('kubectl -n kube-system get endpointslices -l k8s-app=kube-dns'));
    assert.ok(asksTheApi('kubectl --context=prod describe node worker-1'));
    assert.ok(!asksTheApi('kubectl -n shop debug -it web --image=nicolaka/netshoot'));
    assert.ok(!asksTheApi('kubectl exec client -- kubectl get pods'));
  });

  for (const [prefix, dir] of LOCALES) {
    test(`${prefix}: every kubectl get and kubectl describe shows its output`, () => {
      const missing: string[] = [];
      let seen = 0;
      for (const f of listDocs(dir)) {
        for (const block of shellBlocks(readFileSync(path.join(dir, f), 'utf8'))) {
          for (const c of block.commands.filter((c) => asksTheApi(c.text))) {
            seen++;
            if (!c.hasOutput) missing.push(`${prefix}/${f}:${c.line}: "$ ${c.text}" has no output under it`);
          }
        }
      }
      // The guide asks the API in many places; finding few means the parser went blind.
      assert.ok(seen >= 15, `only ${seen} kubectl get/describe commands found in ${prefix}`);
      assert.deepEqual(missing, []);
    });
  }

  test('both languages show the same commands and the same output', () => {
    const problems: string[] = [];
    for (const f of pages) {
      const zhFile = path.join(ZH_DOCS_DIR, f);
      let zhText: string;
      try {
        zhText = readFileSync(zhFile, 'utf8');
      } catch {
        continue; // A missing translation is reported by the locales test.
      }
      const en = shellBlocks(readFileSync(path.join(DOCS_DIR, f), 'utf8'));
      const zh = shellBlocks(zhText);
      const zhRel = path.relative(ROOT, zhFile);
      if (en.length !== zh.length) {
        problems.push(`docs/${f} has ${en.length} shell blocks, ${zhRel} has ${zh.length}`);
        continue;
      }
      en.forEach((block, k) => {
        const other = zh[k]?.body ?? [];
        const n = block.body.findIndex((l, m) => l.text !== other[m]?.text);
        const at = n >= 0 ? n : other.length > block.body.length ? block.body.length : -1;
        if (at < 0) return;
        const mine = block.body[at];
        const theirs = other[at];
        problems.push(
          `docs/${f}:${mine?.line ?? '(end of block)'} and ${zhRel}:${theirs?.line ?? '(end of block)'} differ: ` +
            `${JSON.stringify(mine?.text ?? '(end of block)')} / ${JSON.stringify(theirs?.text ?? '(end of block)')}`,
        );
      });
    }
    assert.deepEqual(problems, []);
  });
});
