import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {parseFrontMatter} from '../../src/data/front-matter';
import {CHANGELOG_DIR, ZH_CHANGELOG_DIR} from '../../src/features/changelog/options';

const ROOT = path.resolve(__dirname, '../..');

export const CHANGELOG_LOCALES = [
  {name: 'en', dir: '', source: path.join(ROOT, CHANGELOG_DIR)},
  {name: 'zh-Hans', dir: 'zh-Hans', source: path.join(ROOT, ZH_CHANGELOG_DIR)},
] as const;

export interface ChangelogEntry {
  /** The file name without its extension, which is also the last part of the entry's URL. */
  slug: string;
  file: string;
  title: string;
  date: Date;
}

/** The entries of one locale's changelog folder, as the build reads them (front matter through the site's hook). */
export async function changelogEntries(dir: string): Promise<ChangelogEntry[]> {
  const files = readdirSync(dir).filter((f) => /\.mdx?$/.test(f));
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(dir, f);
      const {frontMatter} = await parseFrontMatter({
        filePath: file,
        fileContent: readFileSync(file, 'utf8'),
        defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER,
      });
      return {
        slug: f.replace(/\.mdx?$/, ''),
        file: path.relative(ROOT, file),
        title: String(frontMatter.title),
        date: frontMatter.date as Date,
      };
    }),
  );
}

/** Newest first, as the list page and the feeds must show them. */
export const newestFirst = (entries: readonly ChangelogEntry[]) => [...entries].sort((a, b) => b.date.getTime() - a.date.getTime());
