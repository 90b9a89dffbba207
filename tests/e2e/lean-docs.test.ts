import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {skipOrFail} from '../helpers/ci';
import {BUILD_DIR, builtScripts} from '../helpers/site';

/**
 * src/features/lean-docs drops the map of every doc's title and description
 * from the version data that each docs page downloads. An upgrade of
 * Docusaurus that changes where that data lives must fail here, not silently
 * bring the weight back.
 */
describe('docs version data without the doc map (lean-docs)', () => {
  for (const locale of ['', 'zh-Hans']) {
    test(`${locale || 'en'}: the version data every docs page loads has the sidebar and no doc map`, (t) => {
      const scripts = builtScripts(locale);
      if (!scripts) return skipOrFail(t, `no production build in ${BUILD_DIR}: run \`npm run build\` first`);
      const chunks = scripts.filter((c) => c.text.includes('"docsSidebars"'));
      assert.ok(chunks.length > 0, 'no chunk holds the docs version data ("docsSidebars"): has Docusaurus moved it?');
      for (const {file, text} of chunks) {
        assert.match(text, /"docs":\{\}/, `${file}: the version data carries the doc map again`);
        // A chapter's description is page metadata; it must not travel in shared data.
        assert.doesNotMatch(text, /"description":/, `${file}: doc descriptions are in the version data`);
        assert.match(text, /"href":"[^"]*\/docs\/linux\/network-namespaces"/, `${file}: the sidebar lost its links`);
      }
    });
  }
});
