import React from 'react';
import clsx from 'clsx';
import {STATUSES} from '@site/src/data/references/vocabulary';
import type {LocalisedReference} from '@site/src/data/references/localised';
import useGuideLocale from '@site/src/hooks/useGuideLocale';
import styles from './styles.module.css';

/** The status as words, not colour alone: colour only repeats what the label says. */
export default function StatusBadge({state}: {state: LocalisedReference['status']['state']}): React.JSX.Element {
  const locale = useGuideLocale();
  return <span className={clsx(styles.badge, styles[`status_${state}`])}>{STATUSES[state][locale]}</span>;
}
