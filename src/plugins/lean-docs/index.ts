import type {LoadContext, Plugin, PluginModule, RouteConfig} from '@docusaurus/types';
import pluginContentDocs, {validateOptions} from '@docusaurus/plugin-content-docs';
import type {LoadedContent, PluginOptions} from '@docusaurus/plugin-content-docs';

/**
 * The classic docs plugin, except that the version data every docs page
 * downloads stops carrying each doc's description: with 49 docs that was
 * 17 KB of the 24 KB chunk, read only by DocCard, the card of a generated
 * index page, which this site does not have. A sidebar category with a
 * generated index stops the build here rather than show cards without text.
 * Each page's own description (its meta tag) is untouched.
 */
export default async function leanDocsPlugin(context: LoadContext, options: unknown): Promise<Plugin> {
  // `options` has been through validateOptions (below) by now.
  const plugin = await pluginContentDocs(context, options as PluginOptions);
  return {
    ...(plugin as Plugin),
    async contentLoaded(args) {
      const content = args.content as LoadedContent;
      for (const version of content.loadedVersions) {
        for (const [sidebarId, items] of Object.entries(version.sidebars)) {
          if (JSON.stringify(items).includes('"generated-index"')) {
            throw new Error(`sidebars.ts: sidebar "${sidebarId}" has a generated-index category, whose cards need the doc descriptions that src/plugins/lean-docs removes`);
          }
        }
      }
      const addRoute = (route: RouteConfig) => args.actions.addRoute(withoutDescriptions(route));
      return plugin.contentLoaded!({content, actions: {...args.actions, addRoute}});
    },
  };
}
// Docusaurus validates a function plugin's options with its own validateOptions; these are the docs plugin's.
leanDocsPlugin.validateOptions = validateOptions as NonNullable<PluginModule['validateOptions']>;

interface VersionProp {
  docs: Record<string, {description?: string}>;
}

function withoutDescriptions(route: RouteConfig): RouteConfig {
  const version = (route.props as {version?: VersionProp} | undefined)?.version;
  return {
    ...route,
    ...(version && {
      props: {
        ...route.props,
        version: {
          ...version,
          docs: Object.fromEntries(Object.entries(version.docs).map(([id, {description: _, ...doc}]) => [id, doc])),
        },
      },
    }),
    ...(route.routes && {routes: route.routes.map(withoutDescriptions)}),
  };
}
