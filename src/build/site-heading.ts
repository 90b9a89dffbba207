import {readFile} from 'node:fs/promises';
import path from 'node:path';

/** The guide's title and one-line summary in the locale: the home page's heading and title, translated in code.json. */
export async function siteHeading(siteDir: string, locale: string, title: string, tagline: string, who: string): Promise<{title: string; summary: string}> {
  if (locale === 'en') return {title, summary: tagline};
  const file = path.join(siteDir, 'i18n', locale, 'code.json');
  const code = JSON.parse(await readFile(file, 'utf8')) as Record<string, {message: string} | undefined>;
  const message = (id: string) => {
    const m = code[id]?.message;
    if (!m) throw new Error(`${who}: ${path.relative(siteDir, file)}: no "${id}" message`);
    return m;
  };
  return {title: message('home.heading'), summary: message('home.title')};
}

