import React from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {readingPaths} from '@site/src/data/reading-paths';
import type {ReadingPathId} from '@site/src/data/reading-path-docs';
import {useDocPath} from '../use-doc-paths';
import styles from './styles.module.css';

/** The chapters of one reading path, in order, each linked: on the home page's cards and in "How to read this guide". */
export default function PathSteps({path: id, className}: {path: ReadingPathId; className?: string}): React.JSX.Element {
  const docPath = useDocPath();
  const path = readingPaths().find((p) => p.id === id);
  if (!path) throw new Error(`PathSteps: no reading path has id "${id}" (src/data/reading-path-docs.ts)`);
  return (
    <ol className={clsx(styles.steps, className)} data-path={path.id}>
      {path.steps.map((step) => (
        <li key={step.docId}>
          <Link to={docPath(step.docId)}>{step.label}</Link>
        </li>
      ))}
    </ol>
  );
}
