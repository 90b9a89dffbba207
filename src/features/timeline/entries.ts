/**
 * The /timeline page's content, built from src/data/features.ts at build time:
 * releases newest first, each with what changed and the chapters that explain
 * it, in one language. Shared types for the page component live here.
 */
import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import type {TimelineData} from '../../data/features.schema';
import {stageDate, stageName, versionLabel, type Locale} from './format';

export interface TimelineEntry {
  feature: string;
  name: string;
  stage: string;
  kep?: number;
  source: string;
  chapters: {title: string; href: string}[];
}
export interface TimelineRelease {
  /** "Kubernetes 1.33", "Linux 6.7": also the anchor's text. */
  title: string;
  anchor: string;
  date: string;
  entries: TimelineEntry[];
}

/** Where a doc's source lives in each locale; undefined when there is no such doc. */
export function docFile(siteDir: string, docId: string, locale: Locale): string | undefined {
  const dir = locale === 'en' ? 'docs' : 'i18n/zh-Hans/docusaurus-plugin-content-docs/current';
  return ['.mdx', '.md'].map((ext) => path.join(siteDir, dir, docId + ext)).find((f) => existsSync(f));
}

function titleOf(file: string): string {
  const title = /^title:\s*(.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? '';
  return title.replace(/^(['"])(.*)\1$/, '$2');
}

/** Throws, naming the feature and the chapter, when a feature names a chapter that does not exist in a locale. */
export function timelineReleases(data: TimelineData, siteDir: string, locale: Locale): TimelineRelease[] {
  const groups = new Map<string, TimelineRelease>();
  for (const feature of data.features) {
    const chapters = feature.chapters.map((id) => {
      const file = docFile(siteDir, id, locale);
      if (!file) throw new Error(`src/data/features.ts: ${feature.id}.chapters: no ${locale} doc "${id}"`);
      return {title: titleOf(file), href: `/docs/${id}`};
    });
    for (const stage of feature.stages) {
      const title = stage.project === 'kubernetes' ? `Kubernetes ${stage.version}` : versionLabel(stage, locale);
      const key = `${stage.project} ${stage.version}`;
      const group = groups.get(key) ?? {
        title,
        anchor: key.replace(/[^a-z0-9]+/gi, '-').toLowerCase(),
        date: stageDate(stage, data.kubernetesReleases),
        entries: [],
      };
      group.entries.push({
        feature: feature.id,
        name: feature.name[locale],
        stage: stageName(stage.stage, locale),
        kep: feature.kep,
        source: feature.sources[0]!,
        chapters,
      });
      groups.set(key, group);
    }
  }
  // Newest first; within a month, Kubernetes releases (whose dates are often months) before others.
  return [...groups.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}
