/**
 * The schema of src/data/features.ts: when each networking feature the guide
 * describes reached each stage, in Kubernetes or in the project that ships it.
 * Build-time only (the remark plugin, the timeline plugin, the tests), so zod
 * never reaches the reader's browser. Types are inferred from it.
 */
import * as z from 'zod';

export const FEATURES_FILE = 'src/data/features.ts';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = z.string().trim().min(1, 'must not be empty');
const localised = z.strictObject({en: text, zh: text});
const url = z.url({protocol: /^https$/, error: 'must be a public https URL'});
/** A day, or a month where the project gives no day (a kernel release is known by its month here). */
const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date YYYY-MM-DD (or YYYY-MM)');

/** The projects whose versions a stage can name; `kubernetes` versions are minors listed in `kubernetesReleases`. */
export const PROJECTS = {
  kubernetes: {en: 'Kubernetes', zh: 'Kubernetes'},
  linux: {en: 'Linux', zh: 'Linux'},
  'gateway-api': {en: 'Gateway API', zh: 'Gateway API'},
  'ingress-nginx': {en: 'ingress-nginx', zh: 'ingress-nginx'},
  'cni-spec': {en: 'CNI spec', zh: 'CNI 规范'},
  cilium: {en: 'Cilium', zh: 'Cilium'},
  calico: {en: 'Calico', zh: 'Calico'},
} as const;
export type Project = keyof typeof PROJECTS;
const project = z.enum(Object.keys(PROJECTS) as [Project, ...Project[]]);

/**
 * alpha/beta/ga/deprecated/removed are Kubernetes' stages; `released` is a
 * feature first shipped in a project's version (a kernel feature), `retired` a
 * project that stopped (no more releases or fixes).
 */
export const STAGES = ['alpha', 'beta', 'ga', 'deprecated', 'removed', 'released', 'retired'] as const;
export type Stage = (typeof STAGES)[number];

const stageSchema = z
  .strictObject({
    stage: z.enum(STAGES),
    project,
    /** `1.33` for Kubernetes (a minor), `6.7` for Linux, `v1.0` for Gateway API. */
    version: text,
    /** Required for every project but Kubernetes, whose dates are in `kubernetesReleases`. */
    date: date.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.project === 'kubernetes' && !/^1\.\d+$/.test(s.version)) {
      ctx.addIssue({code: 'custom', path: ['version'], message: 'a Kubernetes stage names a minor release, e.g. 1.33'});
    }
    if (s.project !== 'kubernetes' && !s.date) {
      ctx.addIssue({code: 'custom', path: ['date'], message: `is missing: a ${s.project} version needs its release date`});
    }
  });

const featureSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case, e.g. kube-proxy-nftables'),
  name: localised,
  /** The KEP number, shown as "KEP-3866". */
  kep: z.number().int().positive().optional(),
  /** Public evidence for the stages: the KEP's kep.yaml, a release note, an announcement. The first is what the tag links to. */
  sources: z.array(url).min(1, 'needs at least one public source URL'),
  /** Doc ids (docs/<id>.mdx) of the chapters that explain the feature, linked from /timeline. */
  chapters: z.array(z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be a doc id, e.g. kubernetes/kube-proxy')).min(1),
  stages: z.array(stageSchema).min(1, 'needs at least one stage'),
});

const releaseSchema = z.strictObject({
  version: z.string().regex(/^1\.\d+$/, 'must be a Kubernetes minor, e.g. 1.33'),
  date,
  source: url,
});

export const timelineDataSchema = z.strictObject({
  /** Kubernetes minor releases and when each came out (kubernetes.io/releases). */
  kubernetesReleases: z.array(releaseSchema).min(1),
  features: z.array(featureSchema),
});

export type TimelineData = z.infer<typeof timelineDataSchema>;
export type TimelineInput = z.input<typeof timelineDataSchema>;
export type Feature = TimelineData['features'][number];
export type FeatureStage = Feature['stages'][number];
export type KubernetesRelease = TimelineData['kubernetesReleases'][number];

/** `features[2] (kube-proxy-nftables).stages[0].version`, for errors a maintainer can find. */
function fieldOf(issuePath: readonly PropertyKey[], input: unknown): string {
  const parts = issuePath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
  if (issuePath[0] === 'features' && typeof issuePath[1] === 'number') {
    const id = (input as {features?: {id?: unknown}[]}).features?.[issuePath[1]]?.id;
    if (typeof id === 'string') parts[1] += ` (${id})`;
  }
  return parts.join('').replace(/^\./, '') || '(top)';
}

/**
 * Validates the timeline data; throws an Error naming the file and every bad
 * field. Beyond the shape: ids are unique, every Kubernetes stage names a
 * release that has a date, and a feature's stages do not go backwards.
 */
export function parseTimelineData(input: unknown): TimelineData {
  const result = timelineDataSchema.safeParse(input);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${FEATURES_FILE}: ${fieldOf(i.path, input)}: ${i.message}`).join('\n'));
  }
  const data = result.data;
  const problems: string[] = [];
  const known = new Set(data.kubernetesReleases.map((r) => r.version));
  const seen = new Set<string>();
  data.features.forEach((f, i) => {
    if (seen.has(f.id)) problems.push(`${FEATURES_FILE}: features[${i}] (${f.id}).id: "${f.id}" is used twice`);
    seen.add(f.id);
    f.stages.forEach((s, j) => {
      if (s.project === 'kubernetes' && !known.has(s.version)) {
        problems.push(
          `${FEATURES_FILE}: features[${i}] (${f.id}).stages[${j}].version: Kubernetes ${s.version} is not in kubernetesReleases`,
        );
      }
    });
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return data;
}
