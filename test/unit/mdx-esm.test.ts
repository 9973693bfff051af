import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import { mdxDocumentsOf, mdxEsm } from '../../analyzers/facts/mdx-esm.js';

describe('MDX documents', () => {
  const page = [
    '---',
    'title: Setup',
    '---',
    '',
    "import Tabs from '@theme/Tabs';",
    'import {',
    '  InstallSnippet,',
    "} from '@site/src/components/InstallSnippet';",
    "export const meta = { draft: false };",
    '',
    'Import the client first:',
    '',
    '```ts',
    "import { createClient } from '@trpc/client';",
    '```',
    '',
    '~~~~',
    "import nothing from 'nowhere';",
    '~~~~',
    '',
    '<InstallSnippet pkgs="@trpc/server" />',
  ].join('\n');

  it('keeps the top-level import and export blocks at their lines, and drops prose and fenced examples', () => {
    const facts = extractFacts('docs/setup.mdx', page);
    expect(facts.imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['5 @theme/Tabs', '6 @site/src/components/InstallSnippet']);
    expect(facts.exports.map((fact) => fact.name)).toEqual(['meta']);
    expect(facts.parseErrors).toEqual([]);
    expect(mdxEsm(page).split('\n')).toHaveLength(page.split('\n').length);
  });

  it('reads every .mdx file, and .md files only inside a Docusaurus site', () => {
    expect(
      mdxDocumentsOf([
        'README.md',
        'docs/guide.mdx',
        'www/docusaurus.config.ts',
        'www/docs/intro.md',
        'www/node_modules/x/readme.mdx',
        'wwwx/docs/other.md',
      ]),
    ).toEqual(['docs/guide.mdx', 'www/docs/intro.md']);
  });
});
