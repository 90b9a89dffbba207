import React, {useEffect, useRef, useState} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

interface Props {
  language?: string;
  title?: string;
  lineNumbers?: boolean;
  /** The code, highlighted at build time by src/features/code-listings/highlight.ts. */
  html: string;
  className?: string;
}

/**
 * A code block whose markup was made at build time: React sets it as HTML and
 * never walks its tokens, and the page carries no highlighter. Token colours
 * come from the site's Prism themes (src/features/code-listings/plugin.ts).
 */
export default function Listing({language, title, lineNumbers, html, className}: Props): React.JSX.Element {
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    void navigator.clipboard.writeText(code.current?.textContent ?? '').then(() => setCopied(true));
  };
  return (
    <div className={clsx('listing', styles.listing, className)}>
      {title && <div className={styles.title}>{title}</div>}
      <div className={styles.body}>
        <pre className={clsx(styles.pre, lineNumbers && styles.numbered, language && `language-${language}`)} tabIndex={0}>
          <code ref={code} dangerouslySetInnerHTML={{__html: html}} />
        </pre>
        <button
          type="button"
          className={styles.copy}
          onClick={copy}
          aria-label={translate({
            id: 'theme.CodeBlock.copyButtonAriaLabel',
            message: 'Copy code to clipboard',
            description: 'The ARIA label for copy code blocks button',
          })}
        >
          {copied
            ? translate({id: 'theme.CodeBlock.copied', message: 'Copied', description: 'The copied button label on code blocks'})
            : translate({id: 'theme.CodeBlock.copy', message: 'Copy', description: 'The copy button label on code blocks'})}
        </button>
      </div>
    </div>
  );
}
