import React from 'react';
import Listing from '@site/src/features/code-listings/Listing';
import RunInBrowser from '@site/src/features/lab-vm/RunInBrowser';
import {LAB_LISTING_CLASS} from '../listing-class';
import Translate from '@docusaurus/Translate';
import styles from './styles.module.css';

interface Props {
  name: string;
  /** labs/<name>.sh, highlighted by src/features/labs/remark.ts at build time. */
  scriptHtml?: string;
  /** labs/<name>.expected.txt, as HTML. */
  expectedHtml?: string;
  /** Why the lab cannot run in the lab VM, when src/data/lab-support.ts says so (set by the remark plugin). */
  vmReason?: string;
  /** What the lab needs that a stock Linux may lack (src/data/lab-support.ts), set by the remark plugin. */
  hostReason?: string;
}

export default function Lab({name, scriptHtml, expectedHtml, vmReason, hostReason}: Props): React.JSX.Element {
  if (scriptHtml === undefined || expectedHtml === undefined) {
    throw new Error(`<Lab name="${name}"> was not expanded: is src/features/labs/remark.ts in the docs' remarkPlugins?`);
  }
  const file = `labs/${name}.sh`;
  return (
    <div className={styles.lab}>
      <p>
        <Translate id="lab.run" values={{command: <code>sudo bash {file}</code>}}>
          {'Run it as root from a clone of this guide’s repository: {command}. It builds everything inside network namespaces it creates and removes them when it ends, even on failure.'}
        </Translate>
        {hostReason && ` ${hostReason}`}
      </p>
      <RunInBrowser name={name} vmReason={vmReason} />
      <Listing language="bash" title={file} lineNumbers html={scriptHtml} className={LAB_LISTING_CLASS} />
      <p className={styles.expectedLabel}>
        <Translate id="lab.expected" values={{ellipsis: <code>…</code>}}>
          {'What you should see (a {ellipsis} stands for values that differ on every run, such as MAC addresses and timings):'}
        </Translate>
      </p>
      <Listing language="text" html={expectedHtml} className={LAB_LISTING_CLASS} />
    </div>
  );
}
