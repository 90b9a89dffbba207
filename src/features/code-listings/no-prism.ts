/**
 * prism-react-renderer as the browser bundle sees it. Code is highlighted at
 * build time (src/features/code-listings/highlight.ts), so the browser needs none of it; the
 * only client code that still imports it is theme-classic's module that
 * registers extra Prism languages, and the site asks for none there.
 */
const builtAtBuildTime = (): never => {
  throw new Error('Prism is not in the browser bundle: code is highlighted at build time (src/features/code-listings/plugin.ts)');
};

export const Prism = {languages: {}};
export const themes = {};
export const Highlight = builtAtBuildTime;
export const normalizeTokens = builtAtBuildTime;
export const useTokenize = builtAtBuildTime;
