import React, {useEffect, useRef, useState} from 'react';
import {useColorMode} from '@docusaurus/theme-common';
import Translate, {translate} from '@docusaurus/Translate';
import {Terminal, type ITheme} from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type {LabVmData} from '../data';
import {fetchDownloads, MachineError, PROMPT_TIMEOUT_MS, startMachine, type Downloads, type Machine} from './machine';
import styles from './styles.module.css';

type Available = Extract<LabVmData, {available: true}>;

type Status =
  | {kind: 'download'; loaded: number; total: number}
  | {kind: 'start'}
  | {kind: 'ready'}
  | {kind: 'error'; error: MachineError['kind']; detail: string};

const THEMES: Record<'light' | 'dark', ITheme> = {
  light: {background: '#f6f8fa', foreground: '#1c1e21', cursor: '#1c1e21', selectionBackground: '#b3d4fc'},
  dark: {background: '#1b1b1d', foreground: '#e3e3e3', cursor: '#e3e3e3', selectionBackground: '#3a5a86'},
};
const ROWS = 24;
const MONOSPACE = 'SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", "Courier New", monospace';

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function statusText(status: Status): string {
  switch (status.kind) {
    case 'download':
      return translate(
        {id: 'labVm.status.download', message: 'Downloading the lab VM: {loaded} of {total} MB'},
        {loaded: mb(status.loaded), total: mb(status.total)},
      );
    case 'start':
      return translate({id: 'labVm.status.start', message: 'Starting the machine…'});
    case 'ready':
      return translate({
        id: 'labVm.status.ready',
        message: 'Ready: a root shell on a small Linux that runs in this page. The lab’s script is in /root.',
      });
    case 'error':
      return '';
  }
}

function errorText(error: MachineError['kind']): string {
  switch (error) {
    case 'download':
      return translate({id: 'labVm.error.download', message: 'The lab VM could not be downloaded. Check your connection, then retry.'});
    case 'memory':
      return translate({
        id: 'labVm.error.memory',
        message:
          'This browser could not give the lab VM the 256 MB of memory it needs. Close other tabs and retry, or use a desktop browser.',
      });
    case 'timeout':
      return translate(
        {
          id: 'labVm.error.timeout',
          message:
            'The lab VM did not reach its shell prompt within {seconds} seconds. This device may be too slow for it; retry, or use a desktop browser.',
        },
        {seconds: PROMPT_TIMEOUT_MS / 1000},
      );
    case 'unsupported':
      return translate({id: 'labVm.error.unsupported', message: 'This browser cannot run the lab VM: it needs WebAssembly.'});
  }
}

/** Columns that fit the terminal's box at its font, within what the labs' output reads well at. */
function fittingColumns(box: HTMLElement): number {
  const probe = document.createElement('span');
  probe.className = styles.probe!;
  probe.textContent = 'M'.repeat(20);
  box.appendChild(probe);
  const charWidth = probe.getBoundingClientRect().width / 20;
  probe.remove();
  const cols = charWidth > 0 ? Math.floor((box.clientWidth - 16) / charWidth) : 80;
  return Math.max(40, Math.min(120, cols));
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  try {
    const response = await fetch(url, {signal});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new MachineError('download', `${url}: ${String(error)}`);
  }
}

interface Props {
  name: string;
  data: Available;
  onClose: () => void;
}

/** The terminal of the lab VM: downloads and restores the machine, then hands the reader its shell. */
export default function LabTerminal({name, data, onClose}: Props): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const machine = useRef<Machine | null>(null);
  const downloads = useRef<Promise<Downloads> | null>(null);
  const [status, setStatus] = useState<Status>({kind: 'download', loaded: 0, total: data.stateBytes});
  const [run, setRun] = useState(0);
  const {colorMode} = useColorMode();

  useEffect(() => {
    const element = box.current!;
    const term = new Terminal({
      cols: fittingColumns(element),
      rows: ROWS,
      // Infima's monospace stack: xterm measures the font itself, so no CSS variable.
      fontFamily: MONOSPACE,
      fontSize: 14,
      scrollback: 5000,
      // Mirrors the screen as text in the DOM for assistive technology (and the tests).
      screenReaderMode: true,
      theme: THEMES[document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'],
    });
    term.open(element);
    term.textarea?.setAttribute(
      'aria-label',
      translate({id: 'labVm.terminal.label', message: 'Terminal of the lab VM: type commands here'}),
    );
    term.onData((text) => machine.current?.send(text));
    // Ctrl+Shift+C copies, as in terminal programs (Ctrl+C is the shell's interrupt). Ctrl+Shift+V is
    // the browser's own paste: xterm takes the paste event, so the key itself must not reach the shell.
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
      if (event.code === 'KeyC' && term.hasSelection()) {
        event.preventDefault();
        void navigator.clipboard?.writeText(term.getSelection());
        return false;
      }
      return event.code !== 'KeyV';
    });
    terminal.current = term;
    return () => {
      term.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = THEMES[colorMode];
  }, [colorMode]);

  useEffect(() => {
    const term = terminal.current!;
    const controller = new AbortController();
    let started: Machine | null = null;
    // Downloads still under way when another part failed must not overwrite the error with progress.
    let failed = false;
    term.reset();
    void (async () => {
      try {
        downloads.current ??= fetchDownloads(
          data,
          (progress) => {
            if (progress.stage === 'download' && !failed) setStatus({kind: 'download', loaded: progress.loaded, total: progress.total});
          },
          controller.signal,
        );
        const [ready, script, lib] = await Promise.all([
          downloads.current,
          fetchText(`${data.labsUrl}${name}.sh`, controller.signal),
          fetchText(`${data.labsUrl}lib.sh`, controller.signal),
        ]);
        setStatus({kind: 'start'});
        started = await startMachine(
          data,
          ready,
          {name, files: {[`${name}.sh`]: script, 'lib.sh': lib}},
          {cols: term.cols, rows: term.rows},
          (bytes) => term.write(bytes),
          controller.signal,
        );
        if (controller.signal.aborted) return;
        machine.current = started;
        setStatus({kind: 'ready'});
        term.focus();
      } catch (error) {
        if (controller.signal.aborted) return;
        failed = true;
        // A failed download is fetched again on Retry; a machine that failed to start is restored again.
        if (!(error instanceof MachineError) || error.kind === 'download') downloads.current = null;
        const kind = error instanceof MachineError ? error.kind : 'download';
        setStatus({kind: 'error', error: kind, detail: error instanceof Error ? error.message : String(error)});
      }
    })();
    return () => {
      controller.abort();
      machine.current = null;
      void started?.destroy();
    };
  }, [data, name, run]);

  const ready = status.kind === 'ready';
  const restart = () => {
    setStatus({kind: 'start'});
    setRun((n) => n + 1);
  };
  const runLab = (keep: boolean) => {
    // Ctrl+U clears whatever was typed on the line. Through `| cat`, as the tests run labs: a lab's
    // `timeout … socat` is stopped by the terminal (SIGTTOU) when it runs on it directly. With
    // LAB_KEEP=1 the lab leaves what it made for the reader, and says how to look around and clean up.
    machine.current?.send(`\u0015${keep ? 'LAB_KEEP=1 ' : ''}bash ${name}.sh | cat\r`);
    terminal.current?.focus();
  };

  return (
    <section
      className={styles.vm}
      aria-label={translate({id: 'labVm.region', message: 'Lab VM for {name}'}, {name})}
      data-lab-vm={name}
      data-state={status.kind}
    >
      <div className={styles.toolbar}>
        <button type="button" className="button button--primary button--sm" onClick={() => runLab(false)} disabled={!ready}>
          <Translate id="labVm.runLab">Run the lab</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={() => runLab(true)} disabled={!ready}>
          <Translate
            id="labVm.runAndExplore"
            description="Button: run the lab script in the VM with LAB_KEEP=1, which leaves what it made to look around in"
          >
            Run and explore
          </Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={restart} disabled={status.kind === 'download'}>
          <Translate id="labVm.reset">Reset</Translate>
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={onClose}>
          <Translate id="labVm.close">Close</Translate>
        </button>
        <span className={styles.hint}>
          <Translate id="labVm.clipboard" values={{copy: <kbd>Ctrl+Shift+C</kbd>, paste: <kbd>Ctrl+Shift+V</kbd>}}>
            {'Copy {copy}, paste {paste}'}
          </Translate>
        </span>
      </div>
      <p className={styles.status} role="status">
        {statusText(status)}
      </p>
      {status.kind === 'error' && (
        <div className={styles.error} role="alert">
          <p>{errorText(status.error)}</p>
          <p className={styles.detail}>{status.detail}</p>
          <button type="button" className="button button--primary button--sm" onClick={restart}>
            <Translate id="labVm.retry">Retry</Translate>
          </button>
        </div>
      )}
      <div ref={box} className={styles.terminal} />
    </section>
  );
}
