/** Timing, memory and formatting helpers shared by the benchmark sections. Figures only: nothing here asserts. */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly runs: readonly number[];
  readonly best: number;
  readonly median: number;
}

/** Milliseconds of each run → best and median. */
export function timing(runs: readonly number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { runs, best: sorted[0] ?? 0, median };
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * RSS high-water mark while something runs. The interval catches the worker pool (the main
 * thread is idle, and worker threads share the process's RSS); code that blocks the main thread
 * (in-process conversion) must call `sample()` itself, e.g. after each file.
 */
export class RssSampler {
  private peakBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private count = 0;

  start(intervalMs = 5): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    return this;
  }

  sample(): void {
    this.count += 1;
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }

  stop(): { peakBytes: number; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return { peakBytes: this.peakBytes, samples: this.count };
  }
}

export interface CpuShare {
  readonly wallMs: number;
  /** CPU time of this process (all its threads) / wall time: cores it kept busy. */
  readonly processCores: number;
  /** CPU time of everything else on the machine / wall time (other people's tests, builds…). */
  readonly otherCores: number;
}

/**
 * Who used the CPUs during a measurement. On a shared machine a slow run is often someone
 * else's load: the figure says so instead of leaving the reader to guess.
 */
export function cpuMeter(): { stop(): CpuShare } {
  const machineBusy = () => cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  const busy0 = machineBusy();
  const own0 = process.cpuUsage();
  const start = performance.now();
  return {
    stop: () => {
      const wallMs = performance.now() - start;
      const own = process.cpuUsage(own0);
      const ownMs = (own.user + own.system) / 1000;
      const machineMs = machineBusy() - busy0;
      return { wallMs, processCores: ownMs / wallMs, otherCores: Math.max(0, machineMs - ownMs) / wallMs };
    },
  };
}

/**
 * A fixed allocation-heavy micro-load (short strings, regex replace: like the converter), best
 * of three, in ms. On a shared VM the host's memory bandwidth varies with the neighbours; this
 * figure moves with it, so runs made at different times can be compared.
 */
export function calibrate(): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    let n = 0;
    for (let i = 0; i < 1_000_000; i++) n += `Mot${i}`.toLowerCase().replace(/o/gu, '0').length;
    best = Math.min(best, performance.now() - start);
    if (n < 0) throw new Error('unreachable');
  }
  return best;
}

/** `process.resourceUsage().maxRSS` (kilobytes) in bytes: the process's lifetime high-water mark. */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export const MB = 1_000_000;

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function formatMB(bytes: number): string {
  return `${(bytes / MB).toFixed(2)} MB`;
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
