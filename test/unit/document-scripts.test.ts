import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import { documentScript, scriptDocumentsOf } from '../../analyzers/facts/document-scripts.js';

describe('documents whose scripts import code', () => {
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
    expect(documentScript('docs/setup.mdx', page).split('\n')).toHaveLength(page.split('\n').length);
  });

  it('reads every .mdx file, and .md files only inside a Docusaurus site', () => {
    expect(
      scriptDocumentsOf([
        'README.md',
        'docs/guide.mdx',
        'www/docusaurus.config.ts',
        'www/docs/intro.md',
        'www/node_modules/x/readme.mdx',
        'wwwx/docs/other.md',
      ]),
    ).toEqual(['docs/guide.mdx', 'www/docs/intro.md']);
  });

  it('reads the <script> blocks of Vue and Svelte components, Astro frontmatter and <script src>, at their own lines', () => {
    const vue = ['<template>', '  <Demo />', '</template>', '', '<script setup lang="ts">', "import Demo from './Demo.vue';", "import { useMouse } from '@vueuse/core';", 'const { x } = useMouse<number>();', '</script>'].join('\n');
    expect(extractFacts('docs/Mouse.vue', vue).imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['6 ./Demo.vue', '7 @vueuse/core']);
    const svelte = ['<script context="module">', "  export const prerender = true;", '</script>', '<script>', "  import { page } from '$app/stores';", '</script>', '<p>{$page.url}</p>'].join('\n');
    expect(extractFacts('src/routes/+page.svelte', svelte).imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['5 $app/stores']);
    const astro = ['---', "import Layout from '../layouts/Base.astro';", "const title = 'Home';", '---', '<Layout title={title}>', '  <script src="../scripts/menu.ts"></script>', '  <script>', "    import { init } from '../scripts/init';", '  </script>', '</Layout>'].join('\n');
    const facts = extractFacts('src/pages/index.astro', astro);
    expect(facts.imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['2 ../layouts/Base.astro', '6 ../scripts/menu.ts', '8 ../scripts/init']);
    expect(facts.parseErrors).toEqual([]);
  });

  it('takes a VitePress page\'s <script setup> at the start of a line, not one named in prose or shown in a code fence', () => {
    const page = [
      '# Store',
      '',
      'Call it in a component `<script setup>`:',
      '',
      '```vue',
      '<script setup>',
      "import { useStore } from '@/stores/counter'",
      '</script>',
      '```',
      '',
      '<script setup>',
      "import Demo from './Demo.vue'",
      '</script>',
    ].join('\n');
    const facts = extractFacts('docs/store.md', page);
    expect(facts.imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['12 ./Demo.vue']);
    expect(facts.parseErrors).toEqual([]);
  });

  it("reads an HTML page's inline module scripts, but not its <script src> (served from its web root) nor JSON or import maps", () => {
    const page = [
      '<html><head>',
      '<script type="importmap">{ "imports": { "vue": "./vue.js" } }</script>',
      '<script type="module" src="/src/main.ts"></script>',
      '</head><body>',
      '<script type="module">',
      "  import { mount } from './src/demo.js';",
      "  const pages = import.meta.glob('./pages/*.ts');",
      '</script>',
      '</body></html>',
    ].join('\n');
    const facts = extractFacts('index.html', page);
    expect(facts.imports.map((fact) => `${fact.line} ${fact.specifier}`)).toEqual(['6 ./src/demo.js']);
    expect(facts.dynamicImports).toEqual([{ kind: 'import', line: 7, specifier: null, globs: ['./pages/*.ts'] }]);
  });

  it('reads a hostile document in one pass: thousands of unclosed <script tags, and frontmatter fences with trailing spaces', () => {
    // A regex over unclosed tags would take time quadratic in the file's size; the scan stops at the first unclosed one.
    expect(extractFacts('src/Evil.vue', '<script '.repeat(50_000)).imports).toEqual([]);
    expect(extractFacts('index.html', `<script type="module">import './a.js';</script>${'<script>'.repeat(50_000)}`).imports.map((fact) => fact.specifier)).toEqual(['./a.js']);
    const astro = ['---  ', "import Card from '../components/Card.astro';", '---   ', '<Card />'].join('\n');
    expect(extractFacts('src/pages/index.astro', astro).imports.map((fact) => fact.specifier)).toEqual(['../components/Card.astro']);
  });

  it('reads components anywhere and Markdown in VitePress sites', () => {
    expect(scriptDocumentsOf(['src/App.vue', 'src/Nav.svelte', 'src/pages/a.astro', 'README.md', 'packages/.vitepress/config.ts', 'packages/core/useMouse/index.md', 'node_modules/x/y.vue', 'index.html', 'dist/index.html'])).toEqual([
      'src/App.vue',
      'src/Nav.svelte',
      'src/pages/a.astro',
      'packages/core/useMouse/index.md',
      'index.html',
    ]);
  });

});
