// How long a thread's event loop is blocked, seen from outside the work: a timer every `everyMs` notes how late it
// fires. Lateness counts everything the work's own clock cannot see (a message's structured clone and
// deserialisation, garbage collection, a synchronous step between measured slices), but on a loaded machine it also
// counts the time the thread was ready and waiting for a CPU. So on Linux the probe also reads the thread's own CPU
// time (/proc/self/task/<tid>/schedstat, in nanoseconds) at every tick: the CPU time inside a gap is what the thread
// itself ran, whatever the load.
import * as fs from 'fs';
import { PerformanceObserver } from 'perf_hooks';

export interface Lag {
  /** The longest gap between two ticks, less the timer's period, in ms. */
  worstMs: number;
  /** The main thread's CPU time inside that gap (undefined where /proc is not readable). */
  worstCpuMs?: number;
  /** The most CPU time the main thread used inside any one gap: its longest run without a turn of the event loop. */
  longestRunMs?: number;
  /** Gaps longer than 50 ms (less the period), and of those, gaps in which the thread itself ran over 50 ms. */
  over50: number;
  cpuOver50?: number;
  /** The longest garbage collection pause, in ms, and its kind (V8's: 1 scavenge, 2 mark-compact, 4 incremental, 8 weak callbacks). */
  gcMs: number;
  gcKind?: number;
}

/** The main thread's CPU time so far, in ms (Linux only; the main thread's task id is the process id). */
function cpuMs(): number | undefined {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Starts the timer; `stop` ends it and gives what it saw. */
export function lagProbe(everyMs = 5): { stop(): Lag } {
  const lag: Lag = { worstMs: 0, over50: 0, gcMs: 0 };
  let last = performance.now();
  let lastCpu = cpuMs();
  if (lastCpu !== undefined) Object.assign(lag, { worstCpuMs: 0, longestRunMs: 0, cpuOver50: 0 });
  const tick = () => {
    const now = performance.now();
    const cpu = lastCpu === undefined ? undefined : cpuMs();
    const gap = now - last - everyMs;
    const ran = cpu !== undefined && lastCpu !== undefined ? cpu - lastCpu : undefined;
    if (gap > lag.worstMs) { lag.worstMs = gap; lag.worstCpuMs = ran; }
    if (gap > 50) lag.over50++;
    if (ran !== undefined) {
      lag.longestRunMs = Math.max(lag.longestRunMs ?? 0, ran);
      if (ran > 50) lag.cpuOver50 = (lag.cpuOver50 ?? 0) + 1;
    }
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, everyMs);
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > lag.gcMs) { lag.gcMs = e.duration; lag.gcKind = (e as unknown as { detail?: { kind?: number } }).detail?.kind; }
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      tick();
      clearInterval(timer);
      gc.disconnect();
      return lag;
    },
  };
}

/** The probe's figures as one phrase. */
export function lagText(l: Lag): string {
  const cpu = l.worstCpuMs === undefined ? '' : ` (the host thread ran ${l.worstCpuMs.toFixed(0)} ms of it; the rest it waited for a CPU)`;
  const run = l.longestRunMs === undefined ? '' : `; longest run of the host thread without a turn of its event loop (its own CPU time between two ticks) ${l.longestRunMs.toFixed(0)} ms, ${l.cpuOver50} over 50 ms`;
  return `longest gap seen by an independent 5 ms timer ${l.worstMs.toFixed(0)} ms${cpu}, ${l.over50} gap(s) over 50 ms${run}; longest GC pause ${l.gcMs.toFixed(0)} ms${l.gcKind ? ` (kind ${l.gcKind})` : ''}`;
}
