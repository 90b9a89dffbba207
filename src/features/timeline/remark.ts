import type {Root} from 'mdast';
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {SKIP, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {timeline as defaultTimeline} from '../../data/features';
import {STAGES, type Stage, type TimelineData} from '../../data/features.schema';
import {jsxAttributes, localeOf, stringAttribute, where} from '../../build/mdx';
import {featureTag, pickStage} from './format';

/** The class of the inline tag, styled in src/css/custom.css (no component, so nothing to load). */
export const FEATURE_TAG_CLASS = 'feature-stage';

/**
 * Resolves `<Feature id="kube-proxy-nftables" />` at build time into a plain
 * link to the feature's source, reading "GA in 1.33 · KEP-3866" (or its
 * Chinese), so a stage is written once, in src/data/features.ts. An optional
 * `stage="alpha"` shows that stage instead of the latest. An unknown id or
 * stage stops the build with the file and line.
 */
export default function remarkFeatures(options: {timeline?: TimelineData} = {}) {
  const {features, kubernetesReleases} = options.timeline ?? defaultTimeline;
  const byId = new Map(features.map((f) => [f.id, f]));
  return (tree: Root, file: VFile) => {
    const locale = localeOf(file);
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const, (node, index, parent) => {
      if (node.name !== 'Feature') return;
      const at = where(file, node);
      const id = stringAttribute(node, 'id', file);
      if (!id) throw new Error(`${at}: <Feature> needs an id`);
      const feature = byId.get(id);
      if (!feature) throw new Error(`${at}: no feature has id "${id}" (see src/data/features.ts)`);
      const wanted = stringAttribute(node, 'stage', file);
      if (wanted !== undefined && !STAGES.includes(wanted as Stage)) {
        throw new Error(`${at}: <Feature id="${id}"> stage "${wanted}" is not one of ${STAGES.join(', ')}`);
      }
      const stage = pickStage(feature, kubernetesReleases, wanted as Stage | undefined);
      if (!stage) throw new Error(`${at}: feature "${id}" has no ${wanted} stage in src/data/features.ts`);
      if (!parent || index === undefined) return;
      const link: MdxJsxTextElement = {
        // MDX's mark of JSX written in the page keeps this a plain <a>, as <Ref> does.
        data: node.data,
        type: 'mdxJsxTextElement',
        name: 'a',
        attributes: jsxAttributes({
          href: feature.sources[0],
          className: FEATURE_TAG_CLASS,
          'data-feature': id,
          target: '_blank',
          rel: 'noopener noreferrer',
        }),
        children: [{type: 'text', value: featureTag(feature, stage, locale)}],
      };
      parent.children[index] = node.type === 'mdxJsxTextElement' ? link : {type: 'paragraph', children: [link]};
      return SKIP;
    });
  };
}
