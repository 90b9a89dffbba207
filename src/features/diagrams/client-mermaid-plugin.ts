import type {Plugin} from '@docusaurus/types';

/**
 * Keeps Mermaid's parser stack (Langium, Chevrotain, the vscode-* helpers it
 * pulls in) in a chunk of its own that only a page with a diagram requests.
 * Left to the default split, the bundler hoists these modules into a chunk
 * shared by every docs page, so pages with no diagram paid for them too.
 */
const PARSER_MODULES =
  /[\\/]node_modules[\\/](@mermaid-js[\\/]parser|langium|chevrotain[^\\/]*|@chevrotain[\\/][^\\/]+|vscode-[^\\/]+)[\\/]/;

export default function mermaidChunkPlugin(): Plugin {
  return {
    name: 'mermaid-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              mermaidParser: {
                test: PARSER_MODULES,
                name: 'mermaid-parser',
                chunks: 'async',
                priority: 100,
                enforce: true,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}
