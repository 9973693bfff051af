import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('serverless', () => {
  it('deploys the file of each function handler and loads the plugins it lists', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, devDependencies: { serverless: '3', 'serverless-offline': '13', 'serverless-esbuild': '1' } }),
      'serverless.yml': [
        'service: api',
        'plugins:',
        '  - serverless-esbuild',
        '  - serverless-offline',
        'functions:',
        '  users:',
        '    handler: src/handlers/users.list',
        '  cron:',
        '    handler: jobs/nightly.run',
        '  orders:',
        '    handler: src/orders/index.handler',
        '  image:',
        '    image: app:latest',
        '  gone:',
        '    handler: src/removed.handler',
      ].join('\n'),
      'src/handlers/users.ts': code,
      'src/handlers/shared.ts': code,
      'jobs/nightly.js': code,
      'src/orders/index.ts': code,
    });
    expect(result.entries).toEqual([
      entry('jobs/nightly.js', 'serverless.yml handler'),
      entry('src/handlers/users.ts', 'serverless.yml handler'),
      entry('src/orders/index.ts', 'serverless.yml handler'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'serverless-esbuild', reason: 'serverless.yml plugins' },
      { workspaceDir: '', name: 'serverless-offline', reason: 'serverless.yml plugins' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads serverless.yaml in each workspace, and plugins in the `modules` form, from the folder of the config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['services/*'] }),
      'services/billing/package.json': json({ name: 'billing', private: true }),
      'services/billing/serverless.yaml': [
        'service: billing',
        'plugins:',
        '  localPath: ./plugins',
        '  modules:',
        '    - serverless-webpack',
        'functions:',
        '  charge:',
        '    handler: handler.charge',
      ].join('\n'),
      'services/billing/handler.ts': code,
    });
    expect(result.entries).toEqual([entry('services/billing/handler.ts', 'services/billing/serverless.yaml handler')]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: 'services/billing', name: 'serverless-webpack', reason: 'services/billing/serverless.yaml plugins' }]);
    expect(result.warnings).toEqual([]);
  });
});
