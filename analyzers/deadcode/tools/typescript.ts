import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { stringList, type ToolSpec } from './tool-spec.js';

/** A test folder in a path. A tsconfig for tests is in one, or named for tests (`tsconfig.test.json`, `tsconfig.spec.json`, `tsconfig.typetest.json`). */
const testFolder = /(?:^|\/)(?:tests?|__tests?__|spec|type-?tests?|__type-?tests?__)(?:\/|$)/;
const testProjectName = /^tsconfig\.(?:test|spec|type-?tests?)[\w.-]*\.json$/;

/** A glob that names tests: in a test folder, or of test files (`src/**\/*.spec.ts`, `*.test-d.ts`). */
const testGlob = new RegExp(String.raw`${testFolder.source}|[.-](?:test|spec)(?:-d)?\.`);

/** tsc's options that take a value, so that the value is not taken for a file to compile. */
const valueFlags = [
  '-p', '--project', '--outDir', '--rootDir', '--target', '-t', '--module', '-m', '--lib', '--jsx', '--moduleResolution', '--types', '--typeRoots', '--outFile',
  '--declarationDir', '--baseUrl', '--tsBuildInfoFile', '--moduleDetection', '--customConditions', '--rootDirs', '--newLine', '--locale',
];

/**
 * tsc, vue-tsc and tsgo: a type-checking run of a test project (`tsc -p test/type/tsconfig.json`), or
 * of test files named on the command line (`tsc --noEmit test/build/*.[cm]ts`), is how type tests
 * run, so the files it names are used. Projects and files of source code are not read this way:
 * compiling a file is not using it.
 */
export const typescript: ToolSpec = {
  binaries: ['tsc', 'vue-tsc', 'tsgo'],
  run(context, _workspace, run) {
    const { positional, options } = readArgs(run.args, valueFlags);
    // With --build, the words are projects, not files.
    const files = run.args.some((word) => word === '-b' || word === '--build') ? [] : positional.filter((word) => testGlob.test(word));
    addPathEntries(context, files, { base: run.cwd, reason: `type test (tsc, ${run.origin})`, production: false, origin: run.origin });
    for (const written of optionValues(options, ['-p', '--project'])) {
      const named = joinPath(run.cwd, written);
      const path = named.endsWith('.json') ? named : joinPath(named, 'tsconfig.json');
      if (!context.tracked.has(path) || !(testFolder.test(dirname(path)) || testProjectName.test(basename(path)))) continue;
      const config = context.readConfig(path);
      if (!isObject(config)) continue;
      // Only the project's own folder holds type tests; what it includes from above (`../**/*.ts`) is the code under test, reached
      // through imports. So is what a project named for tests outside a test folder (tsconfig.test.json) includes besides tests (`src`).
      const inTestFolder = testFolder.test(dirname(path));
      const globs = [...stringList(config['files']), ...stringList(config['include'])].filter((glob) => !glob.startsWith('../') && (inTestFolder || testGlob.test(glob)));
      addPathEntries(context, globs, { base: dirname(path), reason: `type test (tsc -p ${path})`, production: false, origin: `${path} include`, exclude: stringList(config['exclude']) });
    }
  },
};
