import React from 'react';
import Details from '@theme/Details';
import Translate from '@docusaurus/Translate';
import Listing from '@site/src/features/code-listings/Listing';
import styles from '../styles.module.css';

interface Props {
  /** The exercise's fix step, highlighted by src/features/labs/remark.ts at build time. */
  fixHtml?: string;
  /** Why it broke, in the page's language. */
  children?: React.ReactNode;
}

/** The collapsed answer of an <Exercise>: what happened, and the commands that fix it. */
export default function Solution({fixHtml, children}: Props): React.JSX.Element {
  if (fixHtml === undefined) throw new Error('<Solution> was not expanded: it belongs inside an <Exercise>');
  return (
    <Details
      className={styles.solution}
      summary={
        <summary>
          <Translate id="exercise.solution">Solution</Translate>
        </summary>
      }
    >
      {children}
      <p className={styles.label}>
        <Translate id="exercise.fix">The fix; run the check again afterwards, and it passes:</Translate>
      </p>
      <Listing language="bash" html={fixHtml} />
    </Details>
  );
}
