import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { stringList, type ToolSpec } from './tool-spec.js';

/** A tsconfig for tests: in a test folder, or named for tests (`tsconfig.test.json`, `tsconfig.spec.json`, `tsconfig.typetest.json`). */
const testProject = /(?:^|\/)(?:tests?|__tests?__|spec|type-?tests?|__type-?tests?__)(?:\/|$)|^tsconfig\.(?:test|spec|type-?tests?)[\w.-]*\.json$/;

/**
 * tsc, vue-tsc and tsgo: a type-checking run of a test project (`tsc -p test/type/tsconfig.json`) is
 * how type tests run, so the files its `files` and `include` name are used. Projects of source code
 * are not read this way: compiling a file is not using it.
 */
export const typescript: ToolSpec = {
  binaries: ['tsc', 'vue-tsc', 'tsgo'],
  run(context, _workspace, run) {
    const { options } = readArgs(run.args, ['-p', '--project', '--outDir', '--rootDir', '--target', '--module', '--lib', '--jsx', '--moduleResolution']);
    for (const written of optionValues(options, ['-p', '--project'])) {
      const named = joinPath(run.cwd, written);
      const path = named.endsWith('.json') ? named : joinPath(named, 'tsconfig.json');
      if (!context.tracked.has(path) || !(testProject.test(dirname(path)) || testProject.test(basename(path)))) continue;
      const config = context.readConfig(path);
      if (!isObject(config)) continue;
      // Only the project's own folder holds type tests; what it includes from above (`../**/*.ts`) is the code under test, reached through imports.
      const globs = [...stringList(config['files']), ...stringList(config['include'])].filter((glob) => !glob.startsWith('../'));
      addPathEntries(context, globs, { base: dirname(path), reason: `type test (tsc -p ${path})`, production: false, origin: `${path} include`, exclude: stringList(config['exclude']) });
    }
  },
};
