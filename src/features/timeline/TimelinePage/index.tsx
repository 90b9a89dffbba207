import React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import type {TimelineRelease} from '@site/src/features/timeline/entries';
import styles from './styles.module.css';

export default function TimelinePage({releases}: {releases: TimelineRelease[]}): React.JSX.Element {
  // Chinese takes full-width punctuation: "正式发布（GA）：…", "讲解见 A、B".
  const colon = translate({id: 'timeline.colon', message: ': ', description: 'Between a stage and the feature'});
  const comma = translate({id: 'timeline.comma', message: ', ', description: 'Between two chapter titles'});
  return (
    <Layout
      title={translate({id: 'timeline.title', message: 'Feature timeline'})}
      description={translate({
        id: 'timeline.description',
        message: 'Release by release, what changed for container networking in Kubernetes, the Linux kernel and the projects around them.',
      })}
    >
      <main className="container margin-vert--lg">
        <Heading as="h1">
          <Translate id="timeline.title">Feature timeline</Translate>
        </Heading>
        <p className={styles.intro}>
          <Translate id="timeline.intro">
            Release by release, newest first: what changed for container networking, with the source of each stage and the chapters that
            explain it. Chapters cite these stages from the same data, so a stage is written in one place.
          </Translate>
        </p>
        <ol className={styles.releases}>
          {releases.map((release) => (
            <li key={release.anchor} className={styles.release} data-release={release.title}>
              <Heading as="h2" id={release.anchor}>
                {release.title} <time className={styles.date}>{release.date}</time>
              </Heading>
              <ul>
                {release.entries.map((entry) => (
                  <li key={entry.feature} data-feature={entry.feature}>
                    <strong>{entry.stage}</strong>
                    {colon}
                    {entry.name}
                    {' · '}
                    <a href={entry.source} target="_blank" rel="noopener noreferrer">
                      {entry.kep ? `KEP-${entry.kep}` : translate({id: 'timeline.source', message: 'source'})}
                    </a>
                    <span className={styles.chapters}>
                      {' · '}
                      <Translate id="timeline.explainedIn">Explained in</Translate>{' '}
                      {entry.chapters.map((chapter, i) => (
                        <React.Fragment key={chapter.href}>
                          {i > 0 && comma}
                          <Link to={chapter.href}>{chapter.title}</Link>
                        </React.Fragment>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </main>
    </Layout>
  );
}
