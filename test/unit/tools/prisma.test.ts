import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('prisma', () => {
  it('runs the seed command of prisma.config.ts from the project folder, with the modules it preloads', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', scripts: { 'db:migrate': 'prisma migrate dev' }, devDependencies: { prisma: '6', tsx: '4', '@swc-node/register': '1' } }),
      'bin/api.js': code,
      'prisma.config.ts': [
        "import 'dotenv/config';",
        "import path from 'node:path';",
        "import { defineConfig } from 'prisma/config';",
        'export default defineConfig({',
        "  schema: path.join('prisma', 'schema.prisma'),",
        "  migrations: { path: 'prisma/migrations', seed: 'node -r @swc-node/register --import ./prisma/env.ts prisma/seed.ts' },",
        '});',
      ].join('\n'),
      'prisma/schema.prisma': 'datasource db {\n  provider = "sqlite"\n}\n',
      'prisma/seed.ts': code,
      'prisma/env.ts': code,
      'prisma/fixtures.ts': code,
    });
    const seed = 'prisma.config.ts "migrations.seed": node -r @swc-node/register --import ./prisma/env.ts prisma/seed.ts';
    expect(result.entries).toEqual([
      entry('bin/api.js', 'package.json "bin"'),
      entry('prisma.config.ts', 'config file (prisma)', false),
      entry('prisma/env.ts', seed, false),
      entry('prisma/seed.ts', seed, false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@swc-node/register', reason: seed }]);
    expect(result.scriptBinaries).toEqual([{ workspaceDir: '', binary: 'prisma', script: 'db:migrate' }]);
    expect(result.warnings).toEqual([]);
  });

  it('reads .config/prisma.ts, whose schema is relative to its own folder, and records the runner of its seed', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', devDependencies: { prisma: '6' } }),
      'bin/api.js': code,
      '.config/prisma.ts': "export default { schema: '../db/schema.prisma', migrations: { seed: 'tsx db/seed.ts' } };\n",
      'db/seed.ts': code,
    });
    expect(result.entries).toEqual([
      entry('.config/prisma.ts', 'config file (prisma)', false),
      entry('bin/api.js', 'package.json "bin"'),
      entry('db/seed.ts', '.config/prisma.ts "migrations.seed": tsx db/seed.ts', false),
    ]);
    expect(result.scriptBinaries).toEqual([{ workspaceDir: '', binary: 'tsx', script: '.config/prisma.ts "migrations.seed": tsx db/seed.ts' }]);
    expect(result.warnings).toEqual(['.config/prisma.ts schema names db/schema.prisma, which is not in the repository.']);
  });

  it('runs package.json "prisma.seed" like a script and checks "prisma.schema", relative to package.json', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/db/package.json': json({ name: 'db', bin: 'bin/db.js', prisma: { seed: 'ts-node dist/seed.js', schema: 'schema/main.prisma' }, devDependencies: { prisma: '5' } }),
      'packages/db/bin/db.js': code,
      'packages/db/src/seed.ts': code,
      'packages/db/schema/other.prisma': '',
    });
    expect(result.entries).toEqual([
      entry('packages/db/bin/db.js', 'packages/db/package.json "bin"'),
      entry('packages/db/src/seed.ts', 'package.json "prisma.seed": ts-node dist/seed.js', false),
    ]);
    expect(result.warnings).toEqual(['packages/db/package.json "prisma" schema names packages/db/schema/main.prisma, which is not in the repository.']);
  });
});
