import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {Locale} from '@site/src/data/references/localised';

/** The catalogue's two-letter locale for the site's current locale. */
export default function useGuideLocale(): Locale {
  return useDocusaurusContext().i18n.currentLocale === 'zh-Hans' ? 'zh' : 'en';
}
