import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('drizzle', () => {
  it('makes the schema files of drizzle.config.ts production entries: a file, a glob, or the files directly in a folder', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, bin: 'bin/app.js', scripts: { 'db:generate': 'drizzle-kit generate' }, devDependencies: { 'drizzle-kit': '0.30' } }),
      'bin/app.js': code,
      'drizzle.config.ts': [
        "import { defineConfig } from 'drizzle-kit';",
        'export default defineConfig({',
        "  dialect: 'postgresql',",
        "  schema: ['./src/db/schema.ts', './src/modules/*/tables.ts', './src/db/enums', './src/db/removed.ts'],",
        "  out: './drizzle',",
        '});',
      ].join('\n'),
      'src/db/schema.ts': code,
      'src/db/client.ts': code,
      'src/db/enums/status.ts': code,
      'src/db/enums/role.ts': code,
      'src/db/enums/nested/ignored.ts': code,
      'src/modules/users/tables.ts': code,
      'src/modules/users/service.ts': code,
      'drizzle/0000_init.sql': 'CREATE TABLE users ();',
    });
    expect(result.entries).toEqual([
      entry('bin/app.js', 'package.json "bin"'),
      entry('drizzle.config.ts', 'config file (drizzle)', false),
      entry('src/db/enums/role.ts', 'drizzle.config.ts schema'),
      entry('src/db/enums/status.ts', 'drizzle.config.ts schema'),
      entry('src/db/schema.ts', 'drizzle.config.ts schema'),
      entry('src/modules/users/tables.ts', 'drizzle.config.ts schema'),
    ]);
    expect(result.warnings).toEqual(['drizzle.config.ts schema names src/db/removed.ts, which is not in the repository.']);
  });

  it('reads the config `--config` names from the folder the command runs in, and `--schema` on the command line', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'app',
        private: true,
        bin: 'bin/app.js',
        scripts: { 'db:push': 'drizzle-kit push --config=config/drizzle.prod.config.json', 'db:check': 'drizzle-kit check --dialect sqlite --schema ./db/local.ts' },
        devDependencies: { 'drizzle-kit': '0.30' },
      }),
      'bin/app.js': code,
      'config/drizzle.prod.config.json': json({ dialect: 'postgresql', schema: './db/schema.ts' }),
      'db/schema.ts': code,
      'db/local.ts': code,
      'config/db/schema.ts': code,
    });
    expect(result.entries).toEqual([
      entry('bin/app.js', 'package.json "bin"'),
      entry('db/local.ts', 'script "db:check": drizzle-kit check --dialect sqlite --schema ./db/local.ts'),
      entry('db/schema.ts', 'config/drizzle.prod.config.json schema'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
