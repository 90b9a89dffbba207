import React from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import Translate from '@docusaurus/Translate';
import type {BooksData} from '../constants';

/** A link to the whole guide as a PDF in the page's language; nothing when the build could not make it (no Chromium). */
export default function BookLink({className}: {className?: string}): React.JSX.Element | null {
  const {pdf} = usePluginData('books') as BooksData;
  if (!pdf) return null;
  return (
    <p className={className}>
      <Translate
        id="books.link"
        values={{
          pdf: (
            <a href={pdf} download data-testid="book-pdf">
              <Translate id="books.link.pdf">the whole guide as a PDF</Translate>
            </a>
          ),
        }}
      >
        {'To read offline or on paper, download {pdf}: every chapter in reading order, with bookmarks, page numbers and the diagrams.'}
      </Translate>
    </p>
  );
}
