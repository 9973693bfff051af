import type { CodeReport } from '../../api/code.js';
import type { ItemContext, ItemDraft } from '../../inventory/item-draft.js';
import { ordinals } from '../../inventory/ordinals.js';

/** Below this maintainability index a file is in Visual Studio's red band (0–9). */
const complexFileIndex = 10;

/** Complex functions and files, deprecated API uses, import cycles and boundary violations. */
export function codeItems(report: CodeReport, { blobOf }: ItemContext): ItemDraft[] {
  const { cognitive, cyclomatic } = report.thresholds;
  const over = report.functions.filter((fn) => fn.cognitive > cognitive || fn.cyclomatic > cyclomatic);
  // Functions are told apart by name and their place among same-named functions of the file, never by line.
  const functionOrdinal = ordinals(report.functions, (fn) => `${fn.path}\0${fn.name}`, (fn) => fn.ordinal ?? null, (fn) => fn.line);
  const functions = over.map((fn): ItemDraft => {
    const points = fn.cognitive > cognitive ? fn.cognitive - cognitive : fn.cyclomatic - cyclomatic;
    const ordinal = functionOrdinal.get(fn)!;
    return {
      kind: 'complex-function',
      title: `${fn.name} is hard to follow: cognitive complexity ${fn.cognitive} (threshold ${cognitive}), cyclomatic ${fn.cyclomatic} (threshold ${cyclomatic})`,
      path: fn.path,
      line: fn.line,
      symbol: ordinal === 0 ? fn.name : `${fn.name} #${ordinal + 1}`,
      evidence: { cognitive: fn.cognitive, cyclomatic: fn.cyclomatic, maxNesting: fn.maxNesting, lines: fn.endLine - fn.line + 1, cognitiveThreshold: cognitive, cyclomaticThreshold: cyclomatic },
      severity: fn.cognitive > 2 * cognitive || fn.cyclomatic > 2 * cyclomatic ? 'high' : 'medium',
      confidence: 'high',
      confidenceReason: 'Measured from the syntax tree (SonarSource cognitive complexity, ESLint cyclomatic complexity).',
      size: points,
      material: `${fn.cognitive}/${fn.cyclomatic}`,
      fix: { text: `Split ${fn.name}: extract its nested branches and loops into functions with names of their own until it is under ${cognitive}.`, draft: null },
    };
  });
  const files = report.files
    .filter((file) => file.maintainability !== null && file.maintainability < complexFileIndex && file.linesOfCode >= 50)
    .map((file): ItemDraft => ({
      kind: 'complex-file',
      title: `${file.path} is hard to maintain: maintainability index ${file.maintainability!.toFixed(0)} of 100 (below ${complexFileIndex} is Visual Studio's red band)`,
      path: file.path,
      line: null,
      symbol: null,
      evidence: { maintainability: Math.round(file.maintainability! * 10) / 10, linesOfCode: file.linesOfCode, functions: file.functions, cognitiveSum: file.cognitiveSum, overThreshold: file.overThreshold },
      severity: 'medium',
      confidence: 'high',
      confidenceReason: 'Measured: maintainability index (Visual Studio variant) from Halstead volume, cyclomatic complexity and lines of code.',
      size: file.linesOfCode,
      material: String(Math.floor(file.maintainability!)),
      fix: { text: `Split ${file.path} by responsibility; start with its ${file.overThreshold} function${file.overThreshold === 1 ? '' : 's'} over the threshold.`, draft: null },
    }));
  const useOrdinal = ordinals(report.deprecatedUses, (use) => `${use.path}\0${use.symbol}`, () => null, (use) => use.line);
  const uses = report.deprecatedUses.map((use): ItemDraft => {
    const ordinal = useOrdinal.get(use)!;
    return {
      kind: 'deprecated-api-use',
      title: `${use.path} uses ${use.symbol}, which is deprecated${use.message ? `: ${use.message}` : ''}`,
      path: use.path,
      line: use.line,
      symbol: ordinal === 0 ? use.symbol : `${use.symbol} #${ordinal + 1}`,
      evidence: { symbol: use.symbol, declaredIn: use.declaredIn, message: use.message },
      severity: 'low',
      confidence: 'high',
      confidenceReason: `The declaration in ${use.declaredIn} carries @deprecated.`,
      size: 1,
      material: blobOf(use.path) ?? use.symbol,
      fix: { text: use.message ? `Replace ${use.symbol} as its deprecation says: ${use.message}` : `Replace ${use.symbol}; its declaration names no successor.`, draft: 'deprecations' },
    };
  });
  const cycles = report.cycles.map((cycle): ItemDraft => {
    const files = [...cycle.files].sort();
    return {
      kind: 'import-cycle',
      title: `Import cycle through ${files.length} files: ${files.slice(0, 4).join(' → ')}${files.length > 4 ? ' → …' : ''}`,
      path: files[0]!,
      line: null,
      symbol: files.join(' '),
      evidence: { files, imports: cycle.edges.map((edge) => `${edge.from}:${edge.line} → ${edge.to}`) },
      severity: 'medium',
      confidence: 'high',
      confidenceReason: 'Runtime imports resolved with TypeScript’s resolver; type-only imports and import() are left out.',
      size: files.length,
      material: files.join(' '),
      fix: { text: 'Break the cycle: move what both sides need into a module of its own, or turn one import around (dependency inversion).', draft: null },
    };
  });
  const violationOrdinal = ordinals(report.boundaryViolations, (v) => `${v.path}\0${v.target}`, () => null, (v) => v.line);
  const violations = report.boundaryViolations.map((violation): ItemDraft => {
    const ordinal = violationOrdinal.get(violation)!;
    return {
      kind: 'boundary-violation',
      title: `${violation.path} imports ${violation.target}: ${violation.rule}`,
      path: violation.path,
      line: violation.line,
      symbol: ordinal === 0 ? violation.target : `${violation.target} #${ordinal + 1}`,
      evidence: { specifier: violation.specifier, target: violation.target, rule: violation.rule },
      severity: 'medium',
      confidence: 'high',
      confidenceReason: 'The import resolves to a target the boundary rules in steward.config.json forbid.',
      size: 1,
      material: violation.rule,
      fix: { text: `Reach ${violation.target} through the layer the rule allows, or move the code to where it belongs.`, draft: null },
    };
  });
  return [...functions, ...files, ...uses, ...cycles, ...violations];
}
