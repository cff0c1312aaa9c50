/**
 * The server's resident memory during a load run, from /proc (Linux): the RSS of a process and
 * all its descendants, sampled every `everyMs`. The app server is scripts/serve.ts, started by
 * scripts/start.ts (itself under npx and tsx): the sampler follows the serve.ts process tree, so
 * the launchers' own memory is not counted.
 */
import fs from "node:fs";

/** Parent of each process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(entry), Number(after[1]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** `pid` and its descendants. */
export function processTree(pid: number, parentOf: Map<number, number> = parents()): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), child]);
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The RSS of `pid` and its descendants, in MB. */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

/** The process, among `root` and its descendants, whose command line contains `needle`. */
export function findProcess(root: number, needle: string): number | null {
  for (const pid of processTree(root)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").includes(needle)) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** Samples a process tree's RSS until stopped; `peakSince(mark)` is the highest sample after a mark. */
export class RssSampler {
  private readonly samples: { at: number; mb: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): number {
    const mb = treeRssMb(this.pid);
    this.samples.push({ at: Date.now(), mb });
    return mb;
  }

  /** The highest sample taken at or after `since` (ms since the epoch). */
  peakSince(since: number): number {
    return this.samples.filter((s) => s.at >= since).reduce((max, s) => Math.max(max, s.mb), 0);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
