import React, {lazy, Suspense, useEffect, useRef, useState} from 'react';
import {usePluginData} from '@docusaurus/useGlobalData';
import Translate from '@docusaurus/Translate';
import {PLUGIN_NAME, type LabVmData} from '../data';
import styles from './styles.module.css';

// Everything of the VM (the terminal, v86, the machine) loads on the click, not with the chapter.
const LabTerminal = lazy(() => import('../Terminal'));

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
      <p className={styles.note}>
        <Translate id="labVm.cannotRun">This lab does not run in the browser:</Translate> {withCode(vmReason)}
      </p>
    );
  }
  if (!open) {
    return (
      <p className={styles.start}>
        <button ref={button} type="button" className="button button--primary" onClick={() => setOpen(true)}>
          <Translate id="labVm.button">Run in your browser</Translate>
        </button>{' '}
        <span className={styles.hint}>
          {data.available ? (
            <Translate id="labVm.button.hint" values={{mb: Math.ceil(data.stateBytes / 1e6 + 4)}}>
              {'A small Linux starts in this page, with the lab ready to run. The first time, it downloads about {mb} MB.'}
            </Translate>
          ) : (
            <Translate id="labVm.button.hintMissing">A small Linux starts in this page, with the lab ready to run.</Translate>
          )}
        </span>
      </p>
    );
  }
  if (!data.available) {
    return (
      <div className={styles.note} role="status">
        {data.why === 'dev' ? (
          <Translate id="labVm.unavailable.dev" values={{start: <code>npm start</code>, dev: <code>npm run dev</code>}}>
            {'The development server ({dev}) does not serve the lab VM. Run {start}, which builds the site with it.'}
          </Translate>
        ) : (
          <Translate id="labVm.unavailable" values={{command: <code>sudo npm run build:lab-vm</code>, start: <code>npm start</code>}}>
            {
              'This copy of the guide was built without the lab VM, so its labs cannot run in the browser. To add it, run {command} in the guide’s repository on Debian or Ubuntu, then {start}.'
            }
          </Translate>
        )}{' '}
        <button type="button" className="button button--link button--sm" onClick={() => setOpen(false)}>
          <Translate id="labVm.close">Close</Translate>
        </button>
      </div>
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
      <LabTerminal name={name} data={data} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
