import { conventionFiles } from './file-conventions.js';
import type { ToolSpec } from './tool-spec.js';

const reason = 'Docusaurus 1 site file (siteConfig.js, core/, pages/, static/)';

/**
 * Docusaurus 1 (the `docusaurus` package, before @docusaurus/core): the site's files by their place
 * in the website folder — siteConfig.js, the React components in core/ and pages/ it renders, and
 * static/ files served as they are (scripts the site config lists by URL).
 */
export const docusaurusV1: ToolSpec = {
  binaries: ['docusaurus-start', 'docusaurus-build', 'docusaurus-publish', 'docusaurus-examples', 'docusaurus-write-translations', 'docusaurus-version', 'docusaurus-rename-version'],
  packages: ['docusaurus'],
  handle: conventionFiles(['siteConfig.js', 'core/**', 'pages/**', 'static/**'].flatMap((glob) => [glob, `website/${glob}`].map((place) => ({ glob: place, reason, production: true })))),
};
