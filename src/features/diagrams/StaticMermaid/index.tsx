import React, {useEffect, useRef, useState} from 'react';
import {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {minDiagramWidth} from '../scale';
import styles from './styles.module.css';

interface Props {
  id: string;
  width: string;
  height: string;
  /** The diagram's accTitle: names the scrolling box and the full-screen view. */
  title?: string;
}

/**
 * A diagram rendered at build time. The first page a reader opens already
 * holds the SVG in its HTML (put there after the build); on client-side
 * navigation the same markup is fetched into a box of the right size.
 *
 * The diagram fills the column up to its own width, but is never drawn below
 * MIN_DIAGRAM_SCALE: a narrower column scrolls it sideways, as code blocks
 * scroll. All sizes come from the SVG's width and height at build time, so
 * the box has its final size before the SVG is there (no layout shift).
 */
export default function StaticMermaid({id, width, height, title}: Props): React.JSX.Element {
  const canvas = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // As served, the box is reachable by keyboard; once scripts run it is only while it actually scrolls.
  const [scrolls, setScrolls] = useState(true);
  const url = useBaseUrl(`/assets/diagrams/${id}.html`);
  const name = title || translate({id: 'diagram.name', message: 'Diagram'});

  useEffect(() => {
    const el = canvas.current;
    if (!el || el.querySelector('svg')) return undefined;
    let cancelled = false;
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${url}: ${r.status}`))))
      .then((html) => {
        if (!cancelled) el.innerHTML = html;
      })
      .catch((e: unknown) => console.error('Diagram could not be loaded', e));
    return () => {
      cancelled = true;
    };
  }, [url]);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setScrolls(el.scrollWidth > el.clientWidth + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const openFullScreen = () => {
    const el = canvas.current;
    if (!el) return;
    void import(/* webpackChunkName: "diagram-viewer" */ './viewer').then(({openViewer}) =>
      openViewer({content: el, title: name, width: Number(width), height: Number(height), opener: opener.current}),
    );
  };

  return (
    <figure className={styles.diagram} data-diagram={id} style={{maxWidth: `${width}px`}}>
      <div ref={box} className={styles.scroll} {...(scrolls ? {tabIndex: 0, role: 'group', 'aria-label': name} : {})}>
        <div
          ref={canvas}
          className={styles.canvas}
          data-diagram-svg=""
          style={{width: `max(100%, ${minDiagramWidth(Number(width))}px)`, aspectRatio: `${width} / ${height}`}}
          suppressHydrationWarning
          // The SVG arrives outside React (in the HTML, or fetched); React must leave it alone.
          dangerouslySetInnerHTML={{__html: ''}}
        />
      </div>
      <button
        ref={opener}
        type="button"
        className={styles.open}
        onClick={openFullScreen}
        aria-label={translate({id: 'diagram.open', message: 'Open “{title}” full screen'}, {title: name})}
        title={translate({id: 'diagram.open.short', message: 'Full screen and zoom'})}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
    </figure>
  );
}
