import React from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import StatusBadge from '@site/src/features/references/ReferenceCard/StatusBadge';
import {entryPath, type ReadingItem} from '@site/src/data/references/localised';
import styles from './styles.module.css';

interface Props {
  topic?: string;
  ids?: string;
  /** JSON of ReadingItem[], written at build time by src/features/references/remark.ts. */
  data?: string;
}

/** A chapter's "Further reading": catalogue entries on a topic, live ones first. */
export default function FurtherReading({topic, ids, data}: Props): React.JSX.Element {
  if (data === undefined) throw new Error(`<FurtherReading topic="${topic ?? ''}" ids="${ids ?? ''}"> was not expanded`);
  const entries = JSON.parse(data) as ReadingItem[];
  return (
    <ul className={styles.list}>
      {entries.map((entry) => (
        <li key={entry.id} className={styles.item}>
          <a href={entry.url} target="_blank" rel="noopener noreferrer">
            {entry.title}
          </a>
          {entry.authors.length > 0 && <span className={styles.meta}> · {entry.authors.join(', ')}</span>}
          {entry.year && <span className={styles.meta}> · {entry.year}</span>}{' '}
          {entry.status.state !== 'active' && <StatusBadge state={entry.status.state} />}
          <br />
          <span>{entry.summary}</span>{' '}
          {entry.status.successor && (
            <Translate
              id="references.readInstead"
              values={{successor: <Link to={entryPath(entry.status.successor)}>{entry.status.successor.title}</Link>}}
            >
              {'Read or use instead: {successor}.'}
            </Translate>
          )}
        </li>
      ))}
    </ul>
  );
}
