/** What the bench reads of a child process it started: CPU time and resident memory (Linux /proc), and a clean stop. */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** User + system CPU time so far, in ms. */
export function cpuMsOf(child: ChildProcess): number {
  // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name) are utime and stime in clock ticks.
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory now, in bytes. */
export function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** SIGTERM, and wait until it has exited. */
export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
