import {normalizeTokens, Prism, type Token} from 'prism-react-renderer';

/**
 * Languages beyond the ones prism-react-renderer bundles. Code is highlighted
 * here, at build time, so the browser needs no Prism at all
 * (src/features/code-listings/plugin.ts keeps it out of the client bundle).
 */
export const EXTRA_LANGUAGES = ['bash', 'json', 'yaml'] as const;

let loaded = false;

function loadLanguages(): void {
  if (loaded) return;
  loaded = true;
  // Prism's language files register themselves on a global Prism, as Docusaurus does it in the browser.
  const global = globalThis as {Prism?: unknown};
  const before = global.Prism;
  global.Prism = Prism;
  // A synchronous require: each file must run while the global above is set. An import would be hoisted.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  for (const language of EXTRA_LANGUAGES) require(`prismjs/components/prism-${language}`);
  global.Prism = before;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The code as HTML: one <span class="code-line"> per line, separated by
 * newlines (so the element's textContent is the code exactly), and inside it
 * a <span class="token …"> per token, with Prism's token types as classes.
 * A language Prism does not know (console, text) is plain text.
 */
export function highlight(code: string, language: string | undefined): string {
  loadLanguages();
  const grammar = language ? Prism.languages[language] : undefined;
  const lines: Token[][] = grammar
    ? normalizeTokens(Prism.tokenize(code, grammar))
    : code.split('\n').map((line) => [{types: ['plain'], content: line}]);
  return lines
    .map((tokens) => {
      const inner = tokens
        .filter((t) => !t.empty)
        .map((t) =>
          t.types.length === 1 && t.types[0] === 'plain'
            ? escape(t.content)
            : `<span class="token ${t.types.join(' ')}">${escape(t.content)}</span>`,
        )
        .join('');
      return `<span class="code-line">${inner}</span>`;
    })
    .join('\n');
}
