import React from 'react';
import clsx from 'clsx';
import Translate from '@docusaurus/Translate';
import {PageMetadata, HtmlClassNameProvider, ThemeClassNames} from '@docusaurus/theme-common';
import type {Props} from '@theme/BlogListPage';
import BlogLayout from '@theme/BlogLayout';
import BlogListPaginator from '@theme/BlogListPaginator';
import SearchMetadata from '@theme/SearchMetadata';
import BlogPostItems from '@theme/BlogPostItems';
import BlogListPageStructuredData from '@theme/BlogListPage/StructuredData';
import styles from './styles.module.css';

/**
 * The changelog's list page: theme-classic's BlogListPage, plus what a
 * changelog needs and a blog's list does not have: the page's title as its
 * heading, what the page is, and the feeds to follow it by. The feeds are
 * also advertised in every page's head by the blog plugin.
 */
export default function ChangelogListPage(props: Props): React.JSX.Element {
  const {metadata, items, sidebar} = props;
  // The list's permalink has the locale's base URL already; the feeds are files beside it, not routes.
  const {blogTitle, blogDescription, permalink} = metadata;
  return (
    <HtmlClassNameProvider className={clsx(ThemeClassNames.wrapper.blogPages, ThemeClassNames.page.blogListPage)}>
      <PageMetadata title={blogTitle} description={blogDescription} />
      <SearchMetadata tag="blog_posts_list" />
      <BlogListPageStructuredData {...props} />
      <BlogLayout sidebar={sidebar}>
        <header className={styles.header}>
          <h1>{blogTitle}</h1>
          <p>{blogDescription}</p>
          <p className={styles.feeds}>
            <Translate
              id="changelog.feeds"
              values={{
                rss: <a href={`${permalink}/rss.xml`}>RSS</a>,
                atom: <a href={`${permalink}/atom.xml`}>Atom</a>,
              }}
            >
              {'Follow the changes in a feed reader: {rss} or {atom}.'}
            </Translate>
          </p>
        </header>
        <BlogPostItems items={items} />
        <BlogListPaginator metadata={metadata} />
      </BlogLayout>
    </HtmlClassNameProvider>
  );
}
