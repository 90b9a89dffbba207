/**
 * The repository the site is built from, for "Edit this page" and "Report a
 * problem": REPO_URL if set, else the repository a GitHub Actions run is
 * building (GITHUB_SERVER_URL and GITHUB_REPOSITORY, which Actions sets), else
 * the guide's own. A fork's site thus links to the fork.
 */
export const repositoryUrl: string = (
  process.env.REPO_URL ??
  (process.env.GITHUB_REPOSITORY
    ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`
    : 'https://github.com/container-networking-guide/container-networking-guide')
).replace(/\/+$/, '');

/**
 * The docs plugin's editUrl: with editLocalizedFiles, Docusaurus appends the
 * path of the file a page was built from, the translation's on a translated
 * page (a function editUrl would be given the English folder only).
 */
export const editUrl = `${repositoryUrl}/edit/${process.env.REPO_BRANCH ?? 'main'}/`;

if (!/^https?:\/\/[^/\s]+\/\S+$/.test(repositoryUrl)) {
  throw new Error(
    `REPO_URL (or GITHUB_SERVER_URL/GITHUB_REPOSITORY) must be a repository's web address, like https://github.com/owner/name; got "${repositoryUrl}"`,
  );
}
