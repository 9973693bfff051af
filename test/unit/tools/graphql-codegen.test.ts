import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (...rows: [name: string, reason: string][]) => rows.map(([name, reason]) => ({ workspaceDir: '', name, reason }));

describe('graphql-codegen', () => {
  it('reads codegen.ts: the plugins and preset of each output, its require, and the code files of documents and schema', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'web',
        main: 'src/main.tsx',
        scripts: { codegen: 'graphql-codegen' },
        devDependencies: { '@graphql-codegen/cli': '5', 'graphql-codegen-typescript-validation-schema': '0.17' },
      }),
      'codegen.ts': [
        "import type { CodegenConfig } from '@graphql-codegen/cli';",
        'const config: CodegenConfig = {',
        "  schema: ['schema/*.graphql', 'https://api.example.com/graphql', './src/server/schema.ts'],",
        "  documents: ['src/**/*.tsx', '!src/gql/**/*'],",
        "  require: ['dotenv/config', './codegen/setup.ts'],",
        '  generates: {',
        "    './src/gql/': { preset: 'client', plugins: [] },",
        "    './src/types.ts': { plugins: ['typescript', { add: { content: '/* eslint-disable */' } }, 'typescript-validation-schema', './codegen/local-plugin.js'] },",
        "    './src/sdk.ts': ['typescript-operations', '@company/codegen-plugin'],",
        '  },',
        '};',
        'export default config;',
      ].join('\n'),
      'schema/main.graphql': 'type Query { ok: Boolean }\n',
      'src/main.tsx': code,
      'src/pages/home.tsx': code,
      'src/gql/graphql.tsx': code,
      'src/lib/format.ts': code,
      'src/server/schema.ts': code,
      'codegen/setup.ts': code,
      'codegen/local-plugin.js': code,
    });
    expect(result.entries).toEqual([
      entry('codegen.ts', 'config file (graphql-codegen)', false),
      entry('codegen/local-plugin.js', 'codegen.ts generates "./src/types.ts" plugins', false),
      entry('codegen/setup.ts', 'codegen.ts require', false),
      entry('src/main.tsx', 'package.json "main"'),
      entry('src/pages/home.tsx', 'codegen.ts documents', false),
      entry('src/server/schema.ts', 'codegen.ts schema', false),
    ]);
    expect(result.referencedPackages).toEqual(
      packages(
        ['@company/codegen-plugin', 'codegen.ts generates "./src/sdk.ts" plugins'],
        ['@graphql-codegen/add', 'codegen.ts generates "./src/types.ts" plugins'],
        ['@graphql-codegen/client-preset', 'codegen.ts generates "./src/gql/" preset'],
        ['@graphql-codegen/typescript', 'codegen.ts generates "./src/types.ts" plugins'],
        ['@graphql-codegen/typescript-operations', 'codegen.ts generates "./src/sdk.ts" plugins'],
        ['dotenv', 'codegen.ts require'],
        ['graphql-codegen-typescript-validation-schema', 'codegen.ts generates "./src/types.ts" plugins'],
      ),
    );
    expect(result.warnings).toEqual([]);
  });

  it('reads codegen.yml named with --config, its --require, package.json "codegen", and a graphql-config file’s codegen extension', () => {
    const yaml = entryPointsOf({
      'package.json': json({ name: 'api', main: 'src/index.ts', scripts: { generate: 'graphql-codegen --config codegen.server.yml -r ts-node/register' } }),
      'codegen.server.yml': [
        'schema: src/schema/**/*.graphql',
        'generates:',
        '  src/generated/resolvers.ts:',
        '    plugins:',
        '      - typescript',
        '      - typescript-resolvers',
        '    config:',
        '      contextType: ../context#Context',
      ].join('\n'),
      'src/index.ts': code,
    });
    expect(yaml.entries).toEqual([entry('src/index.ts', 'package.json "main"')]);
    expect(yaml.referencedPackages).toEqual(
      packages(
        ['@graphql-codegen/typescript', 'codegen.server.yml generates "src/generated/resolvers.ts" plugins'],
        ['@graphql-codegen/typescript-resolvers', 'codegen.server.yml generates "src/generated/resolvers.ts" plugins'],
        ['ts-node', 'script "generate" --require'],
      ),
    );
    const field = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', codegen: { documents: 'src/queries/*.ts', generates: { 'src/api.ts': { preset: 'near-operation-file', plugins: ['typescript-react-query'] } } } }),
      'src/index.ts': code,
      'src/queries/user.ts': code,
    });
    expect(field.entries).toEqual([entry('src/index.ts', 'package.json "main"'), entry('src/queries/user.ts', 'package.json "codegen" documents', false)]);
    expect(field.referencedPackages).toEqual(
      packages(
        ['@graphql-codegen/near-operation-file-preset', 'package.json "codegen" generates "src/api.ts" preset'],
        ['@graphql-codegen/typescript-react-query', 'package.json "codegen" generates "src/api.ts" plugins'],
      ),
    );
    const graphqlrc = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', scripts: { codegen: 'graphql-codegen --project app' } }),
      '.graphqlrc.yml': [
        'projects:',
        '  app:',
        '    schema: schema.graphql',
        "    documents: 'src/**/*.graphql.ts'",
        '    extensions:',
        '      codegen:',
        '        generates:',
        '          src/generated.ts:',
        '            plugins: [typescript, typescript-operations]',
        '  admin:',
        '    schema: admin.graphql',
        "    documents: 'admin/**/*.ts'",
      ].join('\n'),
      'src/index.ts': code,
      'src/user.graphql.ts': code,
      'admin/page.ts': code,
    });
    expect(graphqlrc.entries).toEqual([entry('src/index.ts', 'package.json "main"'), entry('src/user.graphql.ts', '.graphqlrc.yml documents', false)]);
    expect(graphqlrc.referencedPackages).toEqual(
      packages(
        ['@graphql-codegen/typescript', '.graphqlrc.yml generates "src/generated.ts" plugins'],
        ['@graphql-codegen/typescript-operations', '.graphqlrc.yml generates "src/generated.ts" plugins'],
      ),
    );
    expect([...yaml.warnings, ...field.warnings, ...graphqlrc.warnings]).toEqual([]);
  });
});
