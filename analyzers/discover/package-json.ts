import type { ProjectTree } from './project-tree.js';
import { DocumentRefused, parseJson } from '../documents/parse-document.js';

/** A package.json as parsed; fields are checked where they are used, since any of them may be malformed. */
export type PackageJson = Readonly<Record<string, unknown>>;

/** Reads a tracked package.json; a broken one is reported and treated as absent rather than failing the scan. */
export function readPackageJson(tree: ProjectTree, path: string, warnings: string[]): PackageJson | null {
  const text = tree.readFile(path);
  if (text === undefined) {
    warnings.push(`${path} could not be read (ignored).`);
    return null;
  }
  try {
    const value: unknown = parseJson(stripByteOrderMark(text));
    if (isObject(value)) return value;
  } catch (error) {
    if (error instanceof DocumentRefused) {
      warnings.push(`${path} is ${error.message} (ignored).`);
      return null;
    }
    // Reported below, together with valid JSON that is not an object.
  }
  warnings.push(`${path} is not a valid JSON object (ignored).`);
  return null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Editors on Windows still save JSON with a BOM, and JSON.parse rejects it. */
function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
