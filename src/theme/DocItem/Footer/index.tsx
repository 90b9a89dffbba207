import React from 'react';
import Footer from '@theme-original/DocItem/Footer';
import Translate from '@docusaurus/Translate';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import NextOnPath from '@site/src/features/reading-paths/NextOnPath';
import PageActions from '@site/src/features/page-actions/PageActions';

interface ReviewFrontMatter {
  reviewed?: string | Date;
  versions?: string[];
}

/**
 * Shows when a chapter's facts were last checked and for which versions, so a
 * reader can judge how current it is; under Docusaurus's "Edit this page",
 * the report and Markdown links (src/features/page-actions); then, on a chapter that is a step of a
 * reading path, the path's next chapter, just above Docusaurus's own
 * previous/next links, which follow the sidebar instead.
 */
export default function FooterWrapper(props: Record<string, unknown>): React.JSX.Element {
  const {metadata, frontMatter} = useDoc();
  const {reviewed, versions} = frontMatter as ReviewFrontMatter;
  const date = reviewed instanceof Date ? reviewed.toISOString().slice(0, 10) : reviewed;
  return (
    <>
      {date && (
        <p className="margin-top--lg" data-testid="reviewed">
          <Translate id="doc.reviewed" values={{date: <time dateTime={date}>{date}</time>, versions: (versions ?? []).join(', ')}}>
            {'Last reviewed on {date}, for {versions}.'}
          </Translate>
        </p>
      )}
      <Footer {...props} />
      <PageActions title={metadata.title} permalink={metadata.permalink} />
      <NextOnPath docId={metadata.id} />
    </>
  );
}
