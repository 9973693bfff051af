/**
 * The repository as discovery sees it. The scan reads the HEAD commit from git objects rather than
 * the working tree, so discovery never touches the file system itself: the engine hands it this view.
 */
export interface ProjectTree {
  /** Every git-tracked file path at the commit, relative to the repo root, '/'-separated. */
  readonly paths: readonly string[];
  /**
   * Content of a tracked file (only config files are asked for: package.json, tsconfig*.json,
   * jsconfig.json, pnpm-workspace.yaml, .yarnrc.yml, lockfile names), or undefined when it cannot be read.
   */
  readFile(path: string): string | undefined;
  /**
   * Content of a file under node_modules/ in the working tree (for a tsconfig `extends` of a package
   * such as "@tsconfig/node20/tsconfig.json"); undefined when node_modules or the file is absent.
   */
  readInstalledFile(path: string): string | undefined;
}
