import { readFileSync, readdirSync } from 'node:fs';

/**
 * Resident memory of a process and all its descendants (worker threads are inside their process;
 * git children are processes of their own), sampled from /proc: GNU time gives only the largest
 * single process, which leaves out the git that a scan runs beside Node.
 */
export class TreeMemorySampler {
  private peakTreeMb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly root: number,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }

  /** The largest sum seen of every process's resident set, in MB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peakTreeMb);
  }

  private sample(): void {
    const total = descendantsOf(this.root).reduce((sum, pid) => sum + residentKb(pid), 0) / 1024;
    this.peakTreeMb = Math.max(this.peakTreeMb, total);
  }
}

function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found = [root];
  for (let index = 0; index < found.length; index += 1) found.push(...(children.get(found[index] ?? 0) ?? []));
  return found;
}

/** The parent pid from /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
