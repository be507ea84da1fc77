// Part 5: resident memory of each service process (and the suite's own Kafka broker), read from
// /proc/<pid>/status: VmRSS now, VmHWM the peak since the process started. The pids are the ones
// tools/stack/stack.mjs records in its state file.
import { readFileSync } from 'node:fs';

/** { rssMb, hwmMb } of `pid`, or undefined once the process is gone. */
export function readMemory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) / 1024;
  return { rssMb: field('VmRSS'), hwmMb: field('VmHWM') };
}

/**
 * Samples every process's RSS every `intervalMs` and keeps, per labelled phase, the peak of each;
 * `snapshot(label)` records one reading (e.g. at idle).
 */
export function memorySampler(processes, intervalMs = 500) {
  const phases = {};
  let phase;
  const record = (label) => {
    phases[label] ??= {};
    for (const { name, pid } of processes) {
      const reading = readMemory(pid);
      if (reading) phases[label][name] = Math.max(phases[label][name] ?? 0, reading.rssMb);
    }
  };
  const timer = setInterval(() => phase && record(phase), intervalMs);
  timer.unref();
  return {
    snapshot: record,
    /** Peaks are kept under `label` until the next `during` or `stop`. */
    during(label) {
      phase = label;
      record(label);
    },
    pause: () => (phase = undefined),
    stop() {
      clearInterval(timer);
      const highWater = Object.fromEntries(processes.map(({ name, pid }) => [name, readMemory(pid)?.hwmMb ?? null]));
      return { processes, phases, highWater };
    },
  };
}
