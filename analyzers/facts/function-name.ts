import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';

const ts = typescript();

/**
 * A readable name for a function: its own name, the variable or property it is assigned to, the
 * class it belongs to (`Store.save`), or the call it is passed to (`describe() callback`).
 */
export function functionName(node: TS.SignatureDeclaration): string {
  const own = node.name && propertyNameText(node.name);
  if (ts.isConstructorDeclaration(node)) return `${className(node.parent)}.constructor`;
  if (own) {
    return ts.isClassLike(node.parent) ? `${className(node.parent)}.${own}` : own;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    const assigned = propertyNameText(parent.name);
    if (assigned) return ts.isPropertyDeclaration(parent) ? `${className(parent.parent)}.${assigned}` : assigned;
  }
  if (ts.isCallExpression(parent)) return `${calleeName(parent.expression)}() callback`;
  if (ts.isExportAssignment(parent)) return 'default export';
  return '(anonymous)';
}

function propertyNameText(name: TS.Node): string | null {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

function className(node: TS.Node): string {
  return ts.isClassLike(node) && node.name ? node.name.text : '(class)';
}

function calleeName(callee: TS.Expression): string {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return `${calleeName(callee.expression)}.${callee.name.text}`;
  return '(call)';
}
