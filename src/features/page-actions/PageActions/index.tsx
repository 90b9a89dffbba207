import React, {useState} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Translate, {translate} from '@docusaurus/Translate';
import {markdownUrl} from '../../markdown-copies/url';
import {reportUrl} from '../report';
import styles from './styles.module.css';

interface Props {
  title: string;
  permalink: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Under a chapter, next to "Edit this page": report a problem (a new issue
 * pre-filled with the page's title, address and language), and the page as
 * Markdown, to copy or to open (src/features/markdown-copies writes it).
 */
export default function PageActions({title, permalink}: Props): React.JSX.Element {
  const {siteConfig, i18n} = useDocusaurusContext();
  const [copy, setCopy] = useState<CopyState>('idle');
  const md = markdownUrl(permalink);
  const report = reportUrl(String(siteConfig.customFields?.repositoryUrl), {
    pageTitle: title,
    pageUrl: `${siteConfig.url}${permalink}`,
    language: i18n.localeConfigs[i18n.currentLocale]?.label ?? i18n.currentLocale,
    titleTemplate: translate({id: 'pageActions.report.title', message: 'Problem on “{title}”'}),
    bodyTemplate: translate({
      id: 'pageActions.report.body',
      message:
        'Page: {title}\nAddress: {url}\nLanguage: {language}\n\nWhat is wrong or unclear, and where on the page?\n\n\nWhat did you expect instead (a source helps)?\n',
    }),
  });
  const copyMarkdown = async () => {
    try {
      const response = await fetch(md);
      if (!response.ok) throw new Error(String(response.status));
      await navigator.clipboard.writeText(await response.text());
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className={styles.actions} data-page-actions="">
      <a href={report} target="_blank" rel="noopener noreferrer" data-testid="report-problem">
        <Translate id="pageActions.report">Report a problem with this page</Translate>
      </a>
      <button type="button" className={styles.copy} onClick={() => void copyMarkdown()} data-testid="copy-markdown">
        <Translate id="pageActions.copyMarkdown">Copy page as Markdown</Translate>
      </button>
      <a href={md} data-testid="view-markdown">
        <Translate id="pageActions.viewMarkdown">View as Markdown</Translate>
      </a>
      <span role="status" className={styles.status}>
        {copy === 'copied' && <Translate id="pageActions.copied">Copied.</Translate>}
        {copy === 'failed' && <Translate id="pageActions.copyFailed">Could not copy: open the Markdown and copy it from there.</Translate>}
      </span>
    </div>
  );
}
