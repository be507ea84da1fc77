// CPU time of processes on this machine, from /proc/<pid>/stat (Linux), for the benchmarks' cost
// figures: read before and after a measured phase, the difference is what the phase cost.
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), utime: Number(rest[11]), stime: Number(rest[12]), cutime: Number(rest[13]), cstime: Number(rest[14]) };
  } catch {
    return undefined;
  }
}

const comm = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** CPU ms of one process (its own threads). */
export function processCpuMs(pid) {
  const fields = statFields(pid);
  return fields ? ((fields.utime + fields.stime) * 1000) / CLOCK_TICKS_PER_SECOND : NaN;
}

/** CPU ms of the PostgreSQL server: every postgres process, plus what exited backends left in the postmaster's children time. */
export function postgresCpuMs() {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || comm(entry) !== 'postgres') continue;
    const fields = statFields(entry);
    if (!fields) continue;
    ticks += fields.utime + fields.stime;
    if (comm(fields.ppid) !== 'postgres') ticks += fields.cutime + fields.cstime;
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU ms of every process named `name` (e.g. `redis-server`); NaN when there is none. */
export function namedProcessesCpuMs(name) {
  let total = NaN;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || comm(entry) !== name) continue;
    total = (Number.isNaN(total) ? 0 : total) + processCpuMs(entry);
  }
  return total;
}
