import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import {KINDS, LANGUAGES, TOPICS} from '@site/src/data/references/vocabulary';
import {entryPath, evidenceLabel, type LocalisedReference} from '@site/src/data/references/localised';
import useGuideLocale from '@site/src/hooks/useGuideLocale';
import StatusBadge from './StatusBadge';
import styles from './styles.module.css';

interface Props {
  entry: LocalisedReference;
  headingLevel?: 2 | 3;
  /** On its category page an entry is an anchor target; elsewhere it only links to it. */
  anchor?: boolean;
}

function StatusLine({status}: {status: LocalisedReference['status']}): React.JSX.Element | null {
  switch (status.state) {
    case 'superseded':
      return (
        <p className={styles.statusLine}>
          {status.reason}{' '}
          {status.successor && (
            <Translate
              id="references.readInstead"
              values={{successor: <Link to={entryPath(status.successor)}>{status.successor.title}</Link>}}
            >
              {'Read or use instead: {successor}.'}
            </Translate>
          )}
        </p>
      );
    case 'unreachable':
      return (
        <p className={styles.statusLine}>
          <Translate
            id="references.unreachable"
            values={{
              archive: (
                <a href={status.archiveUrl} target="_blank" rel="noopener noreferrer">
                  <Translate id="references.archivedCopy">the archived copy</Translate>
                </a>
              ),
            }}
          >
            {'The original address no longer answers; read {archive}.'}
          </Translate>
        </p>
      );
    case 'archived':
      return <p className={styles.statusLine}>{status.note}</p>;
    default:
      return null;
  }
}

export default function ReferenceCard({entry, headingLevel = 2, anchor = false}: Props): React.JSX.Element {
  const locale = useGuideLocale();
  const brokenLinks = useBrokenLinks();
  if (anchor) brokenLinks.collectAnchor(entry.id);
  const Heading = `h${headingLevel}` as const;
  const meta = [entry.authors.join(', '), KINDS[entry.kind][locale], LANGUAGES[entry.language][locale], entry.year?.toString()].filter(
    Boolean,
  );
  return (
    <article className={styles.card} id={anchor ? entry.id : undefined} aria-labelledby={`${entry.id}-title`}>
      <div className={styles.header}>
        <Heading className={styles.title} id={`${entry.id}-title`}>
          <a href={entry.url} target="_blank" rel="noopener noreferrer">
            {entry.title}
          </a>
        </Heading>
        <StatusBadge state={entry.status.state} />
      </div>
      <p className={styles.meta}>
        {meta.join(' · ')}
        {entry.addedByGuide && (
          <span className={styles.added}>
            {' · '}
            <Translate id="references.addedByGuide">added by this guide</Translate>
          </span>
        )}
      </p>
      <p className={styles.summary}>{entry.summary}</p>
      <StatusLine status={entry.status} />
      <ul className={styles.topics} aria-label={translate({id: 'references.topics', message: 'Topics'})}>
        {entry.topics.map((topic) => (
          <li key={topic}>
            <Link className={styles.topic} to={`/references?topic=${topic}`}>
              {TOPICS[topic][locale]}
            </Link>
          </li>
        ))}
      </ul>
      <p className={styles.checked}>
        <Translate id="references.checked" values={{date: <time dateTime={entry.status.checked}>{entry.status.checked}</time>}}>
          {'Status checked on {date}.'}
        </Translate>
        {entry.status.evidence && (
          <>
            {' '}
            <Translate
              id="references.evidence"
              values={{
                // One element: Translate interpolates a node, not an array of them.
                links: (
                  <>
                    {entry.status.evidence.map((url, i) => (
                      <React.Fragment key={url}>
                        {i > 0 && ' · '}
                        <a href={url} target="_blank" rel="noopener noreferrer">
                          {evidenceLabel(url)}
                        </a>
                      </React.Fragment>
                    ))}
                  </>
                ),
              }}
            >
              {'Evidence: {links}.'}
            </Translate>
          </>
        )}
      </p>
    </article>
  );
}
