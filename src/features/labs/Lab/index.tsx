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
  /** Its number of lines. */
  scriptLines?: string;
  /** Set for a long script: it is shown collapsed, its length in the summary. */
  collapsed?: boolean;
  /** labs/transcripts/<name>.txt: the output of a real run, as HTML. */
  transcriptHtml?: string;
  /** When and where that run was recorded (src/features/labs/transcripts.ts). */
  recorded?: string;
  kernel?: string;
  system?: string;
  where?: 'host' | 'vm';
  /** Why the lab cannot run in the lab VM, when src/data/lab-support.ts says so (set by the remark plugin). */
  vmReason?: string;
  /** What the lab needs that a stock Linux may lack (src/data/lab-support.ts), set by the remark plugin. */
  hostReason?: string;
}

export default function Lab(props: Props): React.JSX.Element {
  const {name, scriptHtml, scriptLines, collapsed, transcriptHtml, recorded, kernel, system, where, vmReason, hostReason} = props;
  if (scriptHtml === undefined || transcriptHtml === undefined) {
    throw new Error(`<Lab name="${name}"> was not expanded: is src/features/labs/remark.ts in the docs' remarkPlugins?`);
  }
  const file = `labs/${name}.sh`;
  const script = <Listing language="bash" title={file} lineNumbers html={scriptHtml} className={LAB_LISTING_CLASS} />;
  const machine = <>{`${kernel}, ${system}`}</>;
  return (
    <div className={styles.lab}>
      <p>
        <Translate id="lab.run" values={{command: <code>sudo bash {file}</code>}}>
          {'Run it as root from a clone of this guide’s repository: {command}. It builds everything inside network namespaces it creates and removes them when it ends, even on failure.'}
        </Translate>
        {hostReason && ` ${hostReason}`}
      </p>
      <p>
        <Translate
          id="lab.keep"
          values={{keep: <code>sudo LAB_KEEP=1 bash {file}</code>, cleanUp: <code>sudo bash {file} --clean-up</code>}}
        >
          {'To look around once it has run, or to do the exercises, run it as {keep}: it stops before cleaning up (after a failure too) and prints what it left and how to look at it; {cleanUp} removes it all afterwards.'}
        </Translate>
      </p>
      <RunInBrowser name={name} vmReason={vmReason} />
      {collapsed ? (
        <details className={styles.script}>
          <summary>
            <Translate id="lab.script.collapsed" values={{file: <code>{file}</code>, lines: scriptLines}}>
              {'The script, {file}: {lines} lines'}
            </Translate>
          </summary>
          {script}
        </details>
      ) : (
        script
      )}
      <p className={styles.transcriptLabel}>
        {where === 'vm' ? (
          <Translate id="lab.transcript.vm" values={{date: recorded, machine}}>
            {'A run of this lab, recorded on {date} in the lab VM ({machine}):'}
          </Translate>
        ) : (
          <Translate id="lab.transcript.host" values={{date: recorded, machine}}>
            {'A run of this lab, recorded on {date} as root on a Linux host ({machine}):'}
          </Translate>
        )}
      </p>
      <Listing language="text" html={transcriptHtml} className={LAB_LISTING_CLASS} />
    </div>
  );
}
