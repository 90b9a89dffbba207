import type {Locale} from '../../data/references/localised';
import type {Reference} from '../../data/references/types';
import {CATEGORIES, type CategoryId} from '../../data/references/vocabulary';

/** One category of the catalogue, in the page's language, as <ReferenceOverview> lists it. */
export interface CategoryCount {
  category: CategoryId;
  label: string;
  intro: string;
  total: number;
  current: number;
}

export function categoryCounts(references: readonly Reference[], locale: Locale): CategoryCount[] {
  return (Object.keys(CATEGORIES) as CategoryId[]).map((category) => {
    const inCategory = references.filter((r) => r.category === category);
    return {
      category,
      label: CATEGORIES[category][locale],
      intro: CATEGORIES[category].intro[locale],
      total: inCategory.length,
      current: inCategory.filter((r) => r.status.state === 'active').length,
    };
  });
}
