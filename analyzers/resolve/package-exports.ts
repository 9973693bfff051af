/**
 * The files a package.json says an import of the package (or one of its subpaths) loads, as
 * written: every condition of its `exports` entry (`types`, `import`, `require`, `default`, nested
 * ones), a `./*` pattern with what `*` stands for filled in, or, without `exports`, `main`, `module`
 * and `types` for the package itself and the path as it is for a subpath. Which condition a runtime
 * would pick does not matter here: any of them names the same source once mapped back from the build.
 */
export function exportTargets(manifest: unknown, subpath: string): string[] {
  if (!isRecord(manifest)) return [];
  const exported = manifest['exports'];
  if (exported === undefined) {
    if (subpath !== '.') return [subpath];
    return ['module', 'main', 'types', 'typings'].flatMap((field) => (typeof manifest[field] === 'string' ? [manifest[field]] : []));
  }
  const map = isRecord(exported) && Object.keys(exported).some((key) => key.startsWith('.')) ? exported : { '.': exported };
  if (subpath in map) return conditionTargets(map[subpath]);
  for (const [pattern, value] of Object.entries(map)) {
    const [prefix, suffix] = pattern.split('*');
    if (suffix === undefined || !subpath.startsWith(prefix!) || !subpath.endsWith(suffix) || subpath.length < prefix!.length + suffix.length) continue;
    const capture = subpath.slice(prefix!.length, subpath.length - suffix.length);
    return conditionTargets(value).map((target) => target.replaceAll('*', capture));
  }
  return [];
}

function conditionTargets(value: unknown, depth = 0): string[] {
  if (depth > 16) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, depth + 1));
  return isRecord(value) ? Object.values(value).flatMap((item) => conditionTargets(item, depth + 1)) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
