import React from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {readingPaths} from '@site/src/data/reading-paths';
import {useDocPath} from '../use-doc-paths';
import styles from './styles.module.css';

/**
 * At the end of a chapter that is a step of a reading path: which step it is
 * and the next chapter of that path, one line per path the chapter is on, or
 * the path's end. Docusaurus's own "Next" follows the sidebar, which leaves
 * the path. Rendered at build time from src/data/reading-path-docs.ts, so it
 * is in the static HTML and takes its place before any script runs.
 */
export default function NextOnPath({docId}: {docId: string}): React.JSX.Element | null {
  const docPath = useDocPath();
  const lines = readingPaths().flatMap((path) => {
    const index = path.steps.findIndex((step) => step.docId === docId);
    return index < 0 ? [] : [{path, index, next: path.steps[index + 1]}];
  });
  if (lines.length === 0) return null;
  return (
    <nav
      className={styles.nextOnPath}
      aria-label={translate({id: 'nextOnPath.label', message: 'Reading paths'})}
      data-testid="next-on-path"
    >
      <ul className={styles.lines}>
        {lines.map(({path, index, next}) => (
          <li key={path.id} className={styles.line} data-path={path.id}>
            <span className={styles.step}>
              <Translate id="nextOnPath.step" values={{n: index + 1, total: path.steps.length}}>
                {'Step {n} of {total}'}
              </Translate>
            </span>{' '}
            {next ? (
              <Translate
                id="nextOnPath.next"
                values={{
                  path: path.title,
                  next: (
                    <Link to={docPath(next.docId)} className={styles.next} data-next-step={next.docId}>
                      {next.label}
                    </Link>
                  ),
                }}
              >
                {'Next on your path ({path}): {next}'}
              </Translate>
            ) : (
              <Translate
                id="nextOnPath.done"
                values={{
                  path: path.title,
                  others: (
                    <Link to="/#reading-paths" data-path-complete="">
                      <Translate id="nextOnPath.others">choose another path</Translate>
                    </Link>
                  ),
                }}
              >
                {'You have finished the path {path}: {others}.'}
              </Translate>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
