/** What a new issue about a page starts with: its title, address and language, so the report says which page and which translation. */
export interface PageReport {
  pageTitle: string;
  pageUrl: string;
  language: string;
  /** The title and body templates in the page's language: {title}, {url} and {language} are filled in. */
  titleTemplate: string;
  bodyTemplate: string;
}

const fill = (template: string, r: PageReport) =>
  template.replaceAll('{title}', r.pageTitle).replaceAll('{url}', r.pageUrl).replaceAll('{language}', r.language);

/** A link that opens a new issue in the repository, pre-filled for the page. */
export function reportUrl(repositoryUrl: string, report: PageReport): string {
  const query = new URLSearchParams({title: fill(report.titleTemplate, report), body: fill(report.bodyTemplate, report)});
  return `${repositoryUrl}/issues/new?${query.toString()}`;
}
