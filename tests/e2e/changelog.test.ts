import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {CHANGELOG_ROUTE} from '../../src/features/changelog/options';
import {CHANGELOG_LOCALES, changelogEntries, newestFirst} from '../helpers/changelog';
import {builtFile} from '../helpers/site';

const built = builtFile;

/** The entry slugs that a list of URLs (minified HTML hrefs or feed links) points to, in order. */
const slugsOf = (urls: string[], localePrefix: string) =>
  urls.map((u) => {
    const m = new RegExp(`${localePrefix}/${CHANGELOG_ROUTE}/([^/?#]+)$`).exec(u);
    assert.ok(m, `${u} is not an entry of the ${localePrefix || 'English'} changelog`);
    return m[1];
  });

/** Minified HTML quotes an attribute value only where it must. */
const attr = (name: string, value: string) => `${name}=(?:"${value}"|${value}(?=[\\s>]))`;
const matchAll = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1] ?? '');

describe('the changelog in the built site', () => {
  for (const locale of CHANGELOG_LOCALES) {
    const prefix = locale.dir ? `/${locale.dir}` : '';
    const dir = locale.dir ? `${locale.dir}/` : '';

    test(`${locale.name}: /changelog lists every entry, newest first, under its title, and each entry has its page`, async (t) => {
      const html = built(t, `${dir}${CHANGELOG_ROUTE}.html`);
      if (html === undefined) return;
      const expected = newestFirst(await changelogEntries(locale.source));
      // Each entry on the list page is an <article> whose <h2> links to the entry's own page.
      const hrefs = matchAll(html, /<article\b[\s\S]*?<h2\b[^>]*>\s*<a\b[^>]*\bhref="?([^"\s>]+)"?/g);
      assert.deepEqual(
        slugsOf(hrefs, prefix),
        expected.map((e) => e.slug),
      );
      assert.match(html, /<h1\b[^>]*>[^<]+<\/h1>/, 'the list page has a heading');
      for (const e of expected) {
        const page = built(t, `${dir}${CHANGELOG_ROUTE}/${e.slug}.html`);
        assert.ok(page?.includes('<h1'), `${e.file}: its page has no heading`);
      }
    });

    for (const feed of [
      {
        file: 'rss.xml',
        type: 'application/rss+xml',
        item: /<item>[\s\S]*?<link>([^<]+)<\/link>/g,
        title: /<item>\s*<title><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g,
      },
      {
        file: 'atom.xml',
        type: 'application/atom+xml',
        item: /<entry>[\s\S]*?<link href="([^"]+)"/g,
        title: /<entry>\s*<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g,
      },
    ]) {
      test(`${locale.name}: the ${feed.file} feed has every entry, newest first, in the locale's words, and every page advertises it`, async (t) => {
        const xml = built(t, `${dir}${CHANGELOG_ROUTE}/${feed.file}`);
        if (xml === undefined) return;
        const expected = newestFirst(await changelogEntries(locale.source));
        assert.deepEqual(
          slugsOf(matchAll(xml, feed.item), prefix),
          expected.map((e) => e.slug),
        );
        assert.deepEqual(
          matchAll(xml, feed.title),
          expected.map((e) => e.title),
        );
        // Feed readers find the feed from any page of the site, in the reader's language.
        const href = `[^"\\s>]*${prefix}/${CHANGELOG_ROUTE}/${feed.file.replace('.', '\\.')}`;
        const link = new RegExp(
          `<link\\b(?=[^>]*\\b${attr('rel', 'alternate')})(?=[^>]*\\b${attr('type', feed.type.replace('+', '\\+'))})(?=[^>]*\\bhref="?${href}["\\s>])`,
        );
        for (const page of ['index.html', 'docs/linux/network-namespaces.html', `${CHANGELOG_ROUTE}.html`]) {
          assert.match(built(t, `${dir}${page}`) ?? '', link, `${dir}${page} does not advertise ${prefix}/${CHANGELOG_ROUTE}/${feed.file}`);
        }
      });
    }

    test(`${locale.name}: the footer links the changelog, and the sitemap lists its pages`, async (t) => {
      const home = built(t, `${dir}index.html`);
      if (home === undefined) return;
      const footer = /<footer\b[\s\S]*<\/footer>/.exec(home)?.[0] ?? '';
      assert.match(footer, new RegExp(`href="?[^"\\s>]*${prefix}/${CHANGELOG_ROUTE}["\\s>]`), 'no changelog link in the footer');
      const sitemap = built(t, `${dir}sitemap.xml`) ?? '';
      const locs = matchAll(sitemap, /<loc>([^<]+)<\/loc>/g).filter((u) => u.includes(`${prefix}/${CHANGELOG_ROUTE}`));
      const entries = await changelogEntries(locale.source);
      assert.equal(locs.length, entries.length + 1, `the sitemap lists ${locs.length} changelog pages: ${locs.join(', ')}`);
    });
  }
});
