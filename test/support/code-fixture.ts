/** A small TypeScript project with one of each code finding, whose exact answers the tests know. */
export const codeFixtureFiles: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module' }),
  'tsconfig.json': '{\n  // paths resolve through the TypeScript resolver\n  "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"] } },\n}\n',
  'steward.config.json': JSON.stringify({
    complexity: { cognitive: 3 },
    boundaries: [{ from: 'src/ui/**', disallow: ['src/db/**'], message: 'the UI may not reach the database' }],
  }),
  'src/lib/old.ts': '/**\n * Adds one.\n * @deprecated Use bar instead\n */\nexport function foo(): number {\n  return 1;\n}\nexport function bar(): number {\n  return 2;\n}\n',
  'src/lib/index.ts': "export * from './old.js';\n",
  'src/a.ts': "import { foo } from './lib/old.js';\nexport const a = foo();\n",
  'src/b.ts': "import { foo } from '@lib/old';\n\nexport function b(): number {\n  return foo();\n}\n",
  'src/c.ts': "import * as lib from './lib/index.js';\n\nexport const c = lib.foo() + lib.bar();\n",
  'src/cycle/x.ts': "import { y } from './y.js';\nimport { t } from './t.js';\nexport const x = () => y() + t;\n",
  'src/cycle/y.ts': "import { z } from './z';\n\nexport const y = () => z();\n",
  'src/cycle/z.ts': "// closes the cycle\nimport { x } from './x.js';\nexport const z = () => x();\n",
  // A type-only edge back into the cycle does not make t part of it.
  'src/cycle/t.ts': "import type { x } from './x.js';\nexport const t: ReturnType<typeof x> | 0 = 0;\n",
  'src/ui/view.ts': "import { query } from '../db/query.js';\nexport const view = () => query();\n",
  'src/db/query.ts': 'export function query(flag?: boolean): number {\n  if (flag) {\n    for (const n of [1, 2]) {\n      if (n > 1 && flag) return n;\n    }\n  }\n  return 0;\n}\n',
};
