import React from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import Translate from '@docusaurus/Translate';
import type {BooksData} from '../constants';

/** Links to the whole guide as a PDF and an EPUB in the page's language; nothing when the build could not make them (no Chromium). */
export default function BookLink({className}: {className?: string}): React.JSX.Element | null {
  const {pdf, epub} = usePluginData('books') as BooksData;
  if (!pdf || !epub) return null;
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
          epub: (
            <a href={epub} download data-testid="book-epub">
              <Translate id="books.link.epub">as an EPUB</Translate>
            </a>
          ),
        }}
      >
        {
          'To read offline or on paper, download {pdf} (every chapter in reading order, with bookmarks, page numbers and the diagrams) or {epub} for an e-reader.'
        }
      </Translate>
    </p>
  );
}
