import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {normalizeUrl} from '@docusaurus/utils';
import {references} from '../../data/references';
import {indexById, localise, type LocalisedReference} from '../../data/references/localised';
import {TOPICS} from '../../data/references/vocabulary';

/** 2: a status's `source` text became `evidence` ({urls, note}). */
export const JSON_SCHEMA_VERSION = 2;

/**
 * Adds the reference explorer at /references (each locale gets only its own
 * summaries, plus a search text that holds both) and writes the whole
 * catalogue to /references.json for other tools.
 */
export default function referencesPlugin(context: LoadContext): Plugin {
  const locale = context.i18n.currentLocale === 'zh-Hans' ? 'zh' : 'en';
  return {
    name: 'references',
    loadContent(): Promise<LocalisedReference[]> {
      const byId = indexById(references);
      return Promise.resolve(
        references.map((ref) => ({
          ...localise(ref, locale, byId),
          searchText: [
            ref.title,
            ref.authors.join(' '),
            ref.summary.en,
            ref.summary.zh,
            ...ref.topics.flatMap((t) => [TOPICS[t].en, TOPICS[t].zh]),
          ]
            .join('\n')
            .toLowerCase(),
        })),
      );
    },
    async contentLoaded({content, actions}) {
      const catalogue = await actions.createData('catalogue.json', JSON.stringify(content));
      actions.addRoute({
        path: normalizeUrl([context.baseUrl, 'references']),
        component: '@site/src/features/references/ReferenceExplorer',
        modules: {catalogue},
        exact: true,
      });
    },
    async postBuild({outDir}) {
      await mkdir(outDir, {recursive: true});
      const body = {schemaVersion: JSON_SCHEMA_VERSION, generated: new Date().toISOString().slice(0, 10), references};
      await writeFile(path.join(outDir, 'references.json'), JSON.stringify(body, null, 1));
    },
  };
}
