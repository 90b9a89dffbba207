import React, {lazy, Suspense, useEffect, useRef, useState} from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import Translate from '@docusaurus/Translate';
import {PLUGIN_NAME, type LabVmData} from '../data';
import styles from './styles.module.css';

// Everything of the VM (the terminal, v86, the machine, even the words for a build without it)
// loads on the click, not with the chapter.
const Panel = lazy(() => import('../Panel'));

/** `code` spans of a reason in lab-support.ts, which is plain text with backticks. */
function withCode(text: string): React.ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

interface Props {
  name: string;
  /** Why this lab cannot run in the VM (src/data/lab-support.ts), in the page's language. */
  vmReason?: string;
}

/** The "Run in your browser" button of a lab, and the lab VM's terminal once it is pressed. */
export default function RunInBrowser({name, vmReason}: Props): React.JSX.Element {
  const data = usePluginData(PLUGIN_NAME) as LabVmData;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (vmReason) {
    return (
      <p className={styles.note} data-md-drop="">
        <Translate id="labVm.cannotRun">This lab does not run in the browser:</Translate> {withCode(vmReason)}
      </p>
    );
  }
  if (!open) {
    return (
      <p className={styles.start} data-md-drop="">
        <button ref={button} type="button" className="button button--primary" onClick={() => setOpen(true)}>
          <Translate id="labVm.button">Run in your browser</Translate>
        </button>{' '}
        <span className={styles.hint}>
          <Translate id="labVm.button.hint">A small Linux starts in this page, with the lab ready to run.</Translate>
          {data.available && ' '}
          {data.available && (
            <Translate id="labVm.button.hintSize" values={{mb: Math.ceil(data.stateBytes / 1e6 + 4)}}>
              {'The first time, it downloads about {mb} MB.'}
            </Translate>
          )}
        </span>
      </p>
    );
  }
  return (
    <Suspense
      fallback={
        <p role="status">
          <Translate id="labVm.loading">Loading the terminal…</Translate>
        </p>
      }
    >
      <Panel name={name} data={data} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
