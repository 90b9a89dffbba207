import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {themes} from 'prism-react-renderer';
import codeListingPlugin, {tokenCss} from '../../src/features/code-listings/plugin';
import remarkCodeListings from '../../src/features/code-listings/remark';
import {highlight} from '../../src/features/code-listings/highlight';
import type {LoadContext} from '@docusaurus/types';

/** What a reader copies: the text of the markup, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (node: MdxJsxFlowElement, name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;

describe('code highlighted at build time', () => {
  const bash = 'ip netns add "ctr-$N" # a <namespace> & more\n\nip -n ctr link';

  test('tokens become spans with Prism’s classes, and the text is the code exactly', () => {
    const html = highlight(bash, 'bash');
    assert.match(html, /<span class="token comment"># a &lt;namespace&gt; &amp; more<\/span>/);
    assert.match(html, /<span class="token string variable">\$N<\/span>/);
    assert.equal(text(html), bash);
    assert.equal(html.split('\n').length, 3, 'one line element per line, the empty one included');
    assert.ok(html.split('\n').every((line) => line.startsWith('<span class="code-line">')));
  });

  test('the extra languages are known; console and text stay plain but escaped', () => {
    assert.match(highlight('a: [1, "x"]', 'yaml'), /token/);
    assert.match(highlight('{"a": 1}', 'json'), /token property/);
    const plain = highlight('$ ping <host>', 'console');
    assert.equal(plain, '<span class="code-line">$ ping &lt;host&gt;</span>');
  });

  test('a fence becomes <Listing> with its title, line numbers and markup', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {type: 'code', lang: 'bash', meta: 'title="labs/x.sh" showLineNumbers', value: 'echo hi'},
        {type: 'blockquote', children: [{type: 'code', value: 'ls'}]},
      ],
    };
    remarkCodeListings()(tree);
    const [esm, listing, quote] = tree.children;
    assert.ok(esm?.type === 'mdxjsEsm' && listing?.type === 'mdxJsxFlowElement' && quote?.type === 'blockquote');
    assert.equal(esm.value, 'import Listing from "@site/src/features/code-listings/Listing";');
    assert.equal(listing.name, 'Listing');
    assert.equal(attr(listing, 'title'), 'labs/x.sh');
    assert.equal(attr(listing, 'language'), 'bash');
    assert.equal(attr(listing, 'lineNumbers'), null, 'a boolean attribute');
    assert.equal(text(attr(listing, 'html') as string), 'echo hi');
    const nested = quote.children[0];
    assert.ok(nested?.type === 'mdxJsxFlowElement', 'fences nested in other nodes are converted too');
    assert.equal(attr(nested, 'language'), undefined, 'a fence with no language has no language attribute');
    assert.equal(attr(nested, 'html'), '<span class="code-line">ls</span>');
  });

  test('token colours come from the site’s Prism themes, light and dark', () => {
    const css = tokenCss(themes.vsLight, '.listing');
    assert.match(css, /^\.listing\{--listing-background:#ffffff;--listing-color:#000000\}/);
    assert.match(css, /\.listing \.token\.comment\{color:rgb\(0, 128, 0\)\}/);
    const dark = tokenCss(themes.oneDark, "[data-theme='dark'] .listing");
    assert.match(dark, /\[data-theme='dark'\] \.listing \.token\.keyword\{/);
  });

  test('languages asked of the browser-side Prism stop the build, since the browser has none', () => {
    const context = {
      siteConfig: {themeConfig: {prism: {theme: themes.vsLight, darkTheme: themes.oneDark, additionalLanguages: ['rust']}}},
    } as unknown as LoadContext;
    assert.throws(() => codeListingPlugin(context), /docusaurus\.config\.ts: themeConfig\.prism\.additionalLanguages must be empty/);
  });
});
