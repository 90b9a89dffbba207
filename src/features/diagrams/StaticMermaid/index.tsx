import React, {useEffect, useRef} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import styles from './styles.module.css';

interface Props {
  id: string;
  width: string;
  height: string;
}

/**
 * A diagram rendered at build time. The first page a reader opens already
 * holds the SVG in its HTML (put there after the build); on client-side
 * navigation the same markup is fetched into a box of the right size.
 */
export default function StaticMermaid({id, width, height}: Props): React.JSX.Element {
  const ref = useRef<HTMLElement>(null);
  const url = useBaseUrl(`/assets/diagrams/${id}.html`);
  useEffect(() => {
    const el = ref.current;
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
  return (
    <figure
      ref={ref}
      className={styles.diagram}
      data-diagram={id}
      style={{aspectRatio: `${width} / ${height}`, maxWidth: `${width}px`}}
      suppressHydrationWarning
      // The SVG arrives outside React (in the HTML, or fetched); React must leave it alone.
      dangerouslySetInnerHTML={{__html: ''}}
    />
  );
}
