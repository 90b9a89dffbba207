import type {LoadContext, Plugin} from '@docusaurus/types';
import {normalizeUrl} from '@docusaurus/utils';
import {timeline} from '../../data/features';
import {timelineReleases, type TimelineRelease} from './entries';

/**
 * Adds /timeline (and /zh-Hans/timeline): release by release, newest first,
 * what changed for container networking, generated from src/data/features.ts.
 * The page gets only its own language's text.
 */
export default function timelinePlugin(context: LoadContext): Plugin {
  const locale = context.i18n.currentLocale === 'zh-Hans' ? 'zh' : 'en';
  return {
    name: 'timeline',
    loadContent: (): Promise<TimelineRelease[]> => Promise.resolve(timelineReleases(timeline, context.siteDir, locale)),
    async contentLoaded({content, actions}) {
      const releases = await actions.createData('timeline.json', JSON.stringify(content));
      actions.addRoute({
        path: normalizeUrl([context.baseUrl, 'timeline']),
        component: '@site/src/features/timeline/TimelinePage',
        modules: {releases},
        exact: true,
      });
    },
  };
}
