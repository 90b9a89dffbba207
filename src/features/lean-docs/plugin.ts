import type {LoadContext, Plugin, PluginModule, RouteConfig} from '@docusaurus/types';
import pluginContentDocs, {validateOptions} from '@docusaurus/plugin-content-docs';
import type {LoadedContent, PluginOptions} from '@docusaurus/plugin-content-docs';

/**
 * The classic docs plugin, except that the version data every docs page
 * downloads is cut to what the pages read. It held a map of every doc's id,
 * title, description and sidebar (17 KB of its 24 KB with 49 docs), which
 * only DocCard reads through useDocById, for the cards of a generated index
 * page or a <DocCardList>; this site has neither, and a sidebar category
 * with a generated index stops the build here rather than show empty cards.
 * Sidebar links also lose `unlisted: false`, the default. Each page's own
 * title and description (its meta tags) are untouched.
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
            throw new Error(
              `sidebars.ts: sidebar "${sidebarId}" has a generated-index category, whose cards need the doc data that src/features/lean-docs removes`,
            );
          }
        }
      }
      const addRoute = (route: RouteConfig) => args.actions.addRoute(lean(route));
      return plugin.contentLoaded!({content, actions: {...args.actions, addRoute}});
    },
  };
}
// Docusaurus validates a function plugin's options with its own validateOptions; these are the docs plugin's.
leanDocsPlugin.validateOptions = validateOptions as NonNullable<PluginModule['validateOptions']>;

interface SidebarItem {
  unlisted?: boolean;
  items?: SidebarItem[];
}

interface VersionProp {
  docs: Record<string, unknown>;
  docsSidebars: Record<string, SidebarItem[]>;
}

const leanItem = ({unlisted, items, ...rest}: SidebarItem): SidebarItem => ({
  ...rest,
  ...(unlisted && {unlisted}),
  ...(items && {items: items.map(leanItem)}),
});

function lean(route: RouteConfig): RouteConfig {
  const version = (route.props as {version?: VersionProp} | undefined)?.version;
  return {
    ...route,
    ...(version && {
      props: {
        ...route.props,
        version: {
          ...version,
          docs: {},
          docsSidebars: Object.fromEntries(Object.entries(version.docsSidebars).map(([id, items]) => [id, items.map(leanItem)])),
        },
      },
    }),
    ...(route.routes && {routes: route.routes.map(lean)}),
  };
}
