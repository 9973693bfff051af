import { addPathEntries, packageNameOf, type EntryContext, type WorkspaceInfo } from '../entry-context.js';

/** Where a config names packages, and how to report them. */
export interface ReferenceTarget {
  context: EntryContext;
  workspace: WorkspaceInfo;
  /** Folder that relative names (`./eslint/base.js`) start from. */
  dir: string;
  label: string;
}

/** A relative name is a file of the repository; any other is a package, named by the tool's scheme. */
export function addReference(target: ReferenceTarget, name: string, reason: string, packageFor: (name: string) => string): void {
  if (packageNameOf(name) === null) {
    addPathEntries(target.context, [name], { base: target.dir, reason, production: false, origin: reason });
    return;
  }
  addPackageReference(target, packageFor(name), reason);
}

export function addPackageReference(target: ReferenceTarget, name: string, reason: string): void {
  const packageName = packageNameOf(name);
  if (packageName) target.context.addPackage(target.workspace.dir, packageName, reason);
}
