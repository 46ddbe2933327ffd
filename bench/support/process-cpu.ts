// CPU time used by a process and its descendants (Linux /proc), so the page measurement can report server
// CPU per request: far steadier than requests/second when other work shares the machine.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Milliseconds of user + system CPU of `pid` and its children, or NaN where /proc is unavailable. */
export function processTreeCpuMs(pid: number): number {
  try {
    return treePids(pid).reduce((sum, id) => sum + ownCpuMs(id), 0);
  } catch {
    return Number.NaN;
  }
}

function ownCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at ")"; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function treePids(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap((child) => {
    try {
      return treePids(child);
    } catch {
      return []; // exited meanwhile
    }
  })];
}
