import React from 'react';
import Footer from '@theme-original/DocItem/Footer';
import Translate from '@docusaurus/Translate';
import {useDoc} from '@docusaurus/plugin-content-docs/client';

interface ReviewFrontMatter {
  reviewed?: string | Date;
  versions?: string[];
}

/** Shows when a chapter's facts were last checked and for which versions, so a reader can judge how current it is. */
export default function FooterWrapper(props: Record<string, unknown>): React.JSX.Element {
  const {reviewed, versions} = useDoc().frontMatter as ReviewFrontMatter;
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
    </>
  );
}
