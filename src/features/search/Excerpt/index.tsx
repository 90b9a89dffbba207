import React from 'react';
import type {ExcerptPart} from '../pagefind';

/** A result's excerpt, the matched words in <mark>. */
export default function Excerpt({parts, className}: {parts: ExcerptPart[]; className?: string}): React.JSX.Element {
  return (
    <span className={className}>
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <React.Fragment key={i}>{part.text}</React.Fragment>))}
    </span>
  );
}
