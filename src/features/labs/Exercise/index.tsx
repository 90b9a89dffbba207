import React, {Children, isValidElement} from 'react';
import Translate from '@docusaurus/Translate';
import Listing from '@site/src/features/code-listings/Listing';
import Solution from './Solution';
import styles from './styles.module.css';

interface Props {
  lab: string;
  id: string;
  /** The steps of labs/exercises/<lab>.sh, highlighted by src/features/labs/remark.ts at build time. */
  setupHtml?: string;
  breakHtml?: string;
  checkHtml?: string;
  /** The question, in the page's language, and one <Solution>. */
  children?: React.ReactNode;
}

/**
 * One "break it, predict, fix it" exercise on a kept lab: the question (the
 * prose of the page), the setup and break commands, the check that tests the
 * reader's prediction, then the solution, collapsed.
 */
export default function Exercise({lab, id, setupHtml, breakHtml, checkHtml, children}: Props): React.JSX.Element {
  if (breakHtml === undefined || checkHtml === undefined) {
    throw new Error(`<Exercise lab="${lab}" id="${id}"> was not expanded: is src/features/labs/remark.ts in the docs' remarkPlugins?`);
  }
  const parts = Children.toArray(children);
  const isSolution = (child: React.ReactNode) => isValidElement(child) && child.type === Solution;
  return (
    <div className={styles.exercise} data-exercise={`${lab}/${id}`}>
      <p className={styles.kept}>
        <Translate id="exercise.kept" values={{command: <code>sudo LAB_KEEP=1 bash labs/{lab}.sh</code>}}>
          {'On the lab kept by {command} (in the browser: Run and explore):'}
        </Translate>
      </p>
      {parts.filter((child) => !isSolution(child))}
      {setupHtml && (
        <>
          <p className={styles.label}>
            <Translate id="exercise.setup">First, prepare what the exercise starts from:</Translate>
          </p>
          <Listing language="bash" html={setupHtml} />
        </>
      )}
      <p className={styles.label}>
        <Translate id="exercise.break">Break it:</Translate>
      </p>
      <Listing language="bash" html={breakHtml} />
      <p className={styles.label}>
        <Translate id="exercise.check">Then test your prediction:</Translate>
      </p>
      <Listing language="bash" html={checkHtml} />
      {parts.filter(isSolution)}
    </div>
  );
}
