// The blog plugin is the changelog; its list page is src/features/changelog/ListPage.
export {default} from '@site/src/features/changelog/ListPage';
