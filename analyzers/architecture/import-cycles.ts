import type { ImportEdge } from './import-graph.js';

interface CycleEdge {
  from: string;
  to: string;
  line: number;
}

/** A set of files that import each other in a circle, with the imports that close it. */
export interface ImportCycle {
  files: string[];
  edges: CycleEdge[];
}

/**
 * Import cycles: the strongly connected components (Tarjan) of the runtime import graph. Type-only
 * imports are erased at runtime and dynamic `import()` does not run at load time, so neither can
 * cause an initialisation-order problem and both are left out.
 */
export function findImportCycles(edges: readonly ImportEdge[]): ImportCycle[] {
  const runtime = edges.filter((edge) => !edge.typeOnly && edge.kind !== 'dynamic' && edge.kind !== 'url' && edge.target.kind === 'file');
  const successors = new Map<string, Map<string, number>>();
  for (const edge of runtime) {
    const to = (edge.target as { path: string }).path;
    const targets = successors.get(edge.from) ?? new Map<string, number>();
    if (!targets.has(to)) targets.set(to, edge.line);
    successors.set(edge.from, targets);
  }

  const cycles: ImportCycle[] = [];
  for (const component of stronglyConnected(successors)) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && successors.get(component[0]!)?.has(component[0]!);
    if (component.length < 2 && !selfLoop) continue;
    const cycleEdges: CycleEdge[] = [];
    for (const from of component) {
      for (const [to, line] of successors.get(from) ?? []) if (members.has(to)) cycleEdges.push({ from, to, line });
    }
    cycleEdges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    cycles.push({ files: [...component].sort(), edges: cycleEdges });
  }
  return cycles.sort((a, b) => b.files.length - a.files.length || a.files[0]!.localeCompare(b.files[0]!));
}

/** Tarjan's algorithm without recursion, so a 20,000-file chain cannot overflow the stack. */
function stronglyConnected(successors: ReadonlyMap<string, ReadonlyMap<string, number>>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const start of successors.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const open = (node: string): void => {
      index.set(node, counter);
      lowLink.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (successors.get(node)?.keys() ?? [].values())[Symbol.iterator]() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const step = frame.next.next();
      if (!step.done) {
        const successor = step.value;
        if (!index.has(successor)) open(successor);
        else if (onStack.has(successor)) lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
