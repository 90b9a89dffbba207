import React, {lazy} from 'react';
import Translate from '@docusaurus/Translate';
import type {LabVmData} from '../data';
import styles from '../RunInBrowser/styles.module.css';

const LabTerminal = lazy(() => import('../Terminal'));

interface Props {
  name: string;
  data: LabVmData;
  onClose: () => void;
}

/** What the button opens: the terminal, or why this copy of the guide has no lab VM. */
export default function Panel({name, data, onClose}: Props): React.JSX.Element {
  if (data.available) return <LabTerminal name={name} data={data} onClose={onClose} />;
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
      <button type="button" className="button button--link button--sm" onClick={onClose}>
        <Translate id="labVm.close">Close</Translate>
      </button>
    </div>
  );
}
