/**
 * How a feature's stage reads in each language. Shared by the remark plugin
 * (the inline tag) and the timeline plugin (the page), so both say it alike.
 */
import {PROJECTS, type Feature, type FeatureStage, type KubernetesRelease, type Stage} from '../../data/features.schema';

export type Locale = 'en' | 'zh';

const EN: Record<Stage, string> = {
  alpha: 'Alpha in',
  beta: 'Beta in',
  ga: 'GA in',
  deprecated: 'Deprecated in',
  removed: 'Removed in',
  released: 'Since',
  retired: 'Retired after',
};
// The guide writes GA as "正式发布（GA）" once and the stage words Kubernetes zh-cn uses.
const ZH: Record<Stage, string> = {
  alpha: 'Alpha',
  beta: 'Beta',
  ga: '正式发布（GA）',
  deprecated: '弃用',
  removed: '移除',
  released: '起提供',
  retired: '之后退役',
};

/** "1.33" for Kubernetes, "Linux 6.7", "Gateway API v1.0". */
export function versionLabel(stage: Pick<FeatureStage, 'project' | 'version'>, locale: Locale): string {
  return stage.project === 'kubernetes' ? stage.version : `${PROJECTS[stage.project][locale]} ${stage.version}`;
}

/** "GA in 1.33" / "1.33 正式发布（GA）". */
export function stageLabel(stage: FeatureStage, locale: Locale): string {
  const version = versionLabel(stage, locale);
  return locale === 'en' ? `${EN[stage.stage]} ${version}` : `${version} ${ZH[stage.stage]}`;
}

/** The stage name alone, for the timeline's entries. */
export function stageName(stage: Stage, locale: Locale): string {
  if (locale === 'zh') return {released: '首次提供', retired: '退役'}[stage as string] ?? ZH[stage];
  return {ga: 'GA', released: 'Released', retired: 'Retired'}[stage as string] ?? EN[stage].replace(/ in$/, '');
}

/** When a stage came: a Kubernetes release's date, or the stage's own. */
export function stageDate(stage: FeatureStage, releases: readonly KubernetesRelease[]): string {
  if (stage.project !== 'kubernetes') return stage.date!;
  return releases.find((r) => r.version === stage.version)!.date;
}

/** A feature's latest stage, or the one asked for (`stage="beta"`); undefined when it has no such stage. */
export function pickStage(feature: Feature, releases: readonly KubernetesRelease[], wanted?: Stage): FeatureStage | undefined {
  if (wanted) return feature.stages.find((s) => s.stage === wanted);
  return [...feature.stages].sort((a, b) => stageDate(a, releases).localeCompare(stageDate(b, releases))).at(-1);
}

/** The tag's text: "GA in 1.33 · KEP-3866". */
export function featureTag(feature: Feature, stage: FeatureStage, locale: Locale): string {
  return [stageLabel(stage, locale), feature.kep ? `KEP-${feature.kep}` : undefined].filter(Boolean).join(' · ');
}
