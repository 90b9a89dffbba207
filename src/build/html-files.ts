import {readdir} from 'node:fs/promises';
import path from 'node:path';

/** Every .html file under dir, skipping subdirectories named in skip (the other locales' builds, at the top of the default one's). */
export async function htmlFiles(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) out.push(...(await htmlFiles(p, skip)));
    } else if (entry.name.endsWith('.html')) out.push(p);
  }
  return out;
}
