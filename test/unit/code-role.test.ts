import { describe, expect, it } from 'vitest';
import { isProductCode } from '../../analyzers/discover/code-role.js';

describe('isProductCode', () => {
  it('keeps the product’s own code, at the root and in folders', () => {
    for (const path of ['src/index.ts', 'index.js', 'packages/api/src/server.ts', 'src/testing-library.ts', 'src/contest/rules.ts', 'lib/spec-parser.js', 'src/']) {
      expect(isProductCode(path), path).toBe(true);
    }
  });

  it('hides tests, their fixtures, mocks, snapshots and stories, by file name or folder', () => {
    for (const path of ['src/a.test.ts', 'src/a.spec.tsx', 'src/a.e2e.mts', 'src/button.stories.tsx', 'bench/parse.bench.ts', 'test/helpers.js', 'packages/x/__tests__/y.ts', 'src/__mocks__/fs.ts', 'e2e/login.ts', 'test/fixtures/app/index.js', 'test/']) {
      expect(isProductCode(path), path).toBe(false);
    }
  });

  it('hides generated, vendored, minified and built code, as the code analyses leave it out', () => {
    for (const path of ['vendor/jquery.js', 'dist/index.js', 'src/schema.generated.ts', 'public/app.min.js', 'src/__generated__/types.ts', 'api/service_pb.js']) {
      expect(isProductCode(path), path).toBe(false);
    }
  });
});
