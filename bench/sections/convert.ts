/**
 * `convert`: raw → TEI over the synthetic corpus, through `convertMany` as the CLI calls it —
 * in-process and sequential (`jobs: 1`), then the worker pool (one worker per core). Reports
 * the warm-up (word list) apart, wall times (best and median of the runs), throughput, RSS
 * high-water marks, where the time goes by stage, and the messages, as a check that the
 * conversion really happened.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { countBySeverity, isRule, type Diagnostic } from '../../src/lib/diagnostics/diagnostic.js';
import { frenchLexicon } from '../../src/lib/lexicon/lexicon.js';
import { convertMany, defaultJobs, plannedJobs, POOL_THRESHOLD_BYTES, type ConvertTaskResult } from '../../src/convert/convert-pool.js';
import { convertSource, type ConvertInput } from '../../src/convert/convert-source.js';
import { cpuMeter, formatMB, formatMs, maxRssBytes, MB, round, RssSampler, timed, timing, type CpuShare, type Timing } from '../measure.js';
import type { BenchContext, BenchSection, Json, SectionReport } from '../section.js';
import { DEFAULT_COUNT } from '../synthetic-corpus.js';
import { timeStages, type StageTimes } from './convert-stages.js';

/** The figure the issue asks for. */
export const TARGET_MS = 3000;
export const TARGET_TEXT = 'the whole corpus in under 3 s on this 2-core machine';

type Input = Omit<ConvertInput, 'lexicon'>;

interface ModeResult {
  readonly jobs: number;
  readonly timing: Timing;
  readonly cpu: readonly CpuShare[];
  readonly peakRssBytes: number;
  readonly maxRssAfterBytes: number;
  /** Pool only: time from the call to the first file done (workers started, word list loaded). */
  readonly firstResultMs: readonly number[];
  /** Milliseconds per file (sequential only: the time between two `onDone`s). */
  readonly perFileMs: readonly number[];
  readonly results: readonly ConvertTaskResult[];
}

export const convertSection: BenchSection = {
  name: 'convert',
  describe: 'raw → TEI in memory: in-process sequential vs the worker pool (convertMany)',
  run: async (ctx) => {
    const inputs: Input[] = ctx.corpus.map((d) => ({
      bytes: d.bytes,
      file: d.source.raw,
      source: d.source,
      edition: ctx.samples.edition,
      registers: ctx.samples.registers,
    }));
    ctx.progress('convert: warm-up');
    const warm = await warmUp(inputs);
    const workers = await probeWorkers(defaultJobs());
    const sequential = await measureMode(ctx, inputs, 1);
    const pool = await measureMode(ctx, inputs, undefined);
    ctx.progress('convert: stages');
    const stages = timeStages(inputs);
    return report(ctx, inputs, { warm, workers, sequential, pool, stages });
  },
};

interface WarmUp {
  readonly lexiconMs: number;
  /** The first conversions in this process (cold JIT), then the same files again. */
  readonly coldMs: number;
  readonly warmMs: number;
  readonly files: number;
}

/** Word list and first conversions in this process, before anything is timed. */
async function warmUp(inputs: readonly Input[]): Promise<WarmUp> {
  const lexicon = await timed(() => frenchLexicon());
  const sample = inputs.slice(0, 3);
  const cold = await timed(() => sample.forEach((i) => convertSource(i)));
  const warm = await timed(() => sample.forEach((i) => convertSource(i)));
  return { lexiconMs: lexicon.ms, coldMs: cold.ms, warmMs: warm.ms, files: sample.length };
}

interface WorkerProbe {
  readonly workers: number;
  /** From `new Worker` to the word list loaded, slowest worker. */
  readonly readyMs: number;
  readonly importMs: number;
  readonly lexiconMs: number;
}

/** What a pool run pays before its first file: start the workers, load the modules and the word list in each. */
async function probeWorkers(workers: number): Promise<WorkerProbe> {
  const url = new URL('../probe/lexicon-probe.js', import.meta.url);
  const start = performance.now();
  const replies = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<{ readyMs: number; importMs: number; lexiconMs: number }>((resolve, reject) => {
          const worker = new Worker(url);
          worker.once('message', (m: { importMs: number; lexiconMs: number }) => {
            const readyMs = performance.now() - start;
            void worker.terminate().then(() => resolve({ readyMs, importMs: m.importMs, lexiconMs: m.lexiconMs }));
          });
          worker.once('error', reject);
        }),
    ),
  );
  const slowest = (key: 'readyMs' | 'importMs' | 'lexiconMs') => Math.max(...replies.map((r) => r[key]));
  return { workers, readyMs: slowest('readyMs'), importMs: slowest('importMs'), lexiconMs: slowest('lexiconMs') };
}

/** `jobs` undefined: `convertMany`'s default (one worker per core), as the CLI does. */
async function measureMode(ctx: BenchContext, inputs: readonly Input[], jobs: number | undefined): Promise<ModeResult> {
  const cpu: CpuShare[] = [];
  const firstResultMs: number[] = [];
  let perFileMs: number[] = [];
  let results: readonly ConvertTaskResult[] = [];
  const sampler = new RssSampler().start();
  for (let run = 1; run <= ctx.runs; run++) {
    ctx.progress(`convert: ${jobs === 1 ? 'sequential' : 'pool'} run ${run}/${ctx.runs}`);
    const files: number[] = [];
    const meter = cpuMeter();
    const start = performance.now();
    let last = start;
    results = await convertMany(inputs, {
      ...(jobs === undefined ? {} : { jobs }),
      onDone: () => {
        const now = performance.now();
        if (files.length === 0) firstResultMs.push(now - start);
        files.push(now - last);
        last = now;
        sampler.sample();
      },
    });
    cpu.push(meter.stop());
    perFileMs = files;
  }
  const memory = sampler.stop();
  return {
    jobs: plannedJobs(inputs, jobs),
    timing: timing(cpu.map((c) => c.wallMs)),
    cpu,
    peakRssBytes: memory.peakBytes,
    maxRssAfterBytes: maxRssBytes(),
    firstResultMs: jobs === 1 ? [] : firstResultMs,
    perFileMs: jobs === 1 ? perFileMs : [],
    results,
  };
}

interface Measured {
  readonly warm: WarmUp;
  readonly workers: WorkerProbe;
  readonly sequential: ModeResult;
  readonly pool: ModeResult;
  readonly stages: StageTimes;
}

function report(ctx: BenchContext, inputs: readonly Input[], m: Measured): SectionReport {
  const { warm, workers, sequential, pool, stages } = m;
  const docs = inputs.length;
  const rawBytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const rate = (t: Timing) => ({ mbPerS: round(rawBytes / MB / (t.best / 1000), 2), docsPerS: round(docs / (t.best / 1000), 1) });
  const verdict = (ms: number) => (ms < TARGET_MS ? 'met' : `missed by ${formatMs(ms - TARGET_MS)}`);
  const messages = sequential.results.flatMap((r) => r.messages);
  const severity = countBySeverity(messages);
  const withXml = (rs: readonly ConvertTaskResult[]) => rs.filter((r) => r.xml !== undefined).length;
  const crashes = (rs: readonly ConvertTaskResult[]) => rs.filter((r) => r.messages.some((m) => isRule(m, 'internal-error'))).length;
  const identical = sequential.results.every((r, i) => r.xml === pool.results[i]?.xml);
  const bands = sizeBands(ctx, sequential.perFileMs);
  const speedup = sequential.timing.best / pool.timing.best;

  const lines = [
    `warm-up, in-process: word list ${formatMs(warm.lexiconMs)}; first ${warm.files} conversions ${formatMs(warm.coldMs)} cold, ${formatMs(warm.warmMs)} warm (not in the timings below)`,
    `warm-up, per pool run: ${workers.workers} workers ready in ${formatMs(workers.readyMs)} (modules ${formatMs(workers.importMs)} + word list ${formatMs(workers.lexiconMs)} in the slowest worker); included in every pool timing`,
    ...modeLines(`(a) sequential, in-process, jobs 1`, sequential, rate(sequential.timing)),
    ...modeLines(
      pool.jobs > 1
        ? `(b) pool, ${pool.jobs} worker threads (one per core)`
        : `(b) pool: not used (less than ${POOL_THRESHOLD_BYTES / 1e6} MB of raw text: convertMany stays in-process)`,
      pool,
      rate(pool.timing),
    ),
    `    first file done after ${pool.firstResultMs.map((ms) => formatMs(ms)).join(', ')}; speed-up over sequential ${speedup.toFixed(2)}× (best vs best) on ${availableParallelism()} cores`,
    `target (issue${docs === DEFAULT_COUNT ? '' : `, set for ${DEFAULT_COUNT} documents`}): ${TARGET_TEXT} — pool best ${formatMs(pool.timing.best)}: ${verdict(pool.timing.best)}; sequential best ${formatMs(sequential.timing.best)} + word list ${formatMs(warm.lexiconMs)} (what a fresh process pays) = ${formatMs(sequential.timing.best + warm.lexiconMs)}: ${verdict(sequential.timing.best + warm.lexiconMs)}`,
    `sequential, per file by size: ${bands.map((b) => `${b.label}: ${b.files} files, ${b.mbPerS} MB/s, ${b.msPerFile} ms/file`).join('; ')}`,
    `stages of convertSource, one warm in-process pass (${formatMs(stages.totalMs)}): ${stageText(stages)}`,
    `memory: RSS peak ${formatMB(sequential.peakRssBytes)} sequential (sampled after each file), ${formatMB(pool.peakRssBytes)} pool (sampled every 5 ms, workers included); maxRSS (resourceUsage) ${formatMB(sequential.maxRssAfterBytes)} after sequential, ${formatMB(pool.maxRssAfterBytes)} after pool`,
    `messages (sequential, last run): ${severity.error} errors, ${severity.warning} warnings, ${severity.info} infos — ${topRules(messages)}`,
    `results with xml: ${withXml(sequential.results)}/${docs} sequential, ${withXml(pool.results)}/${docs} pool; crashes ${crashes(sequential.results)} + ${crashes(pool.results)}; pool output identical to sequential: ${identical ? 'yes' : 'NO'}`,
  ];
  const modeJson = (r: ModeResult): { [key: string]: Json } => ({
    jobs: r.jobs,
    runsMs: r.timing.runs.map((ms) => round(ms)),
    bestMs: round(r.timing.best),
    medianMs: round(r.timing.median),
    ...rate(r.timing),
    processCores: r.cpu.map((c) => round(c.processCores, 2)),
    otherCores: r.cpu.map((c) => round(c.otherCores, 2)),
    peakRssMB: round(r.peakRssBytes / MB),
    maxRssAfterMB: round(r.maxRssAfterBytes / MB),
    withXml: withXml(r.results),
    crashes: crashes(r.results),
  });
  return {
    lines,
    figures: {
      rawBytes,
      documents: docs,
      target: {
        text: TARGET_TEXT,
        ms: TARGET_MS,
        poolMet: pool.timing.best < TARGET_MS,
        sequentialWithWordListMet: sequential.timing.best + warm.lexiconMs < TARGET_MS,
      },
      warmUp: { lexiconMs: round(warm.lexiconMs), coldMs: round(warm.coldMs), warmMs: round(warm.warmMs), files: warm.files },
      workerWarmUp: {
        workers: workers.workers,
        readyMs: round(workers.readyMs),
        importMs: round(workers.importMs),
        lexiconMs: round(workers.lexiconMs),
      },
      sequential: modeJson(sequential),
      pool: { ...modeJson(pool), firstResultMs: pool.firstResultMs.map((ms) => round(ms)) },
      speedup: round(speedup, 2),
      sizeBands: bands.map((b) => ({ ...b })),
      stages: { totalMs: round(stages.totalMs), ms: Object.fromEntries(stages.stages.map((s) => [s.stage, round(s.ms)])) },
      messages: { ...severity, byRule: ruleCounts(messages) },
      identicalOutput: identical,
    },
  };
}

function modeLines(title: string, r: ModeResult, rate: { mbPerS: number; docsPerS: number }): string[] {
  const list = (values: readonly number[], digits: number) => values.map((v) => v.toFixed(digits)).join(', ');
  return [
    `${title}: best ${formatMs(r.timing.best)}, median ${formatMs(r.timing.median)} — ${rate.mbPerS} MB/s, ${rate.docsPerS} documents/s (best)`,
    `    runs ${list(
      r.timing.runs.map((ms) => ms / 1000),
      2,
    )} s; this process used ${list(
      r.cpu.map((c) => c.processCores),
      2,
    )} cores, other processes ${list(
      r.cpu.map((c) => c.otherCores),
      2,
    )} cores`,
  ];
}

function stageText(stages: StageTimes): string {
  return [...stages.stages]
    .sort((a, b) => b.ms - a.ms)
    .map((s) => `${s.stage} ${formatMs(s.ms)} (${((100 * s.ms) / stages.totalMs).toFixed(0)}%)`)
    .join(', ');
}

interface SizeBand {
  readonly label: string;
  readonly files: number;
  readonly mbPerS: number;
  readonly msPerFile: number;
}

/** Throughput by file size: a converter that is linear in the file size has the same MB/s in every band. */
function sizeBands(ctx: BenchContext, perFileMs: readonly number[]): SizeBand[] {
  const bands = [
    { label: '< 10 KB', lo: 0, hi: 10_000 },
    { label: '10–30 KB', lo: 10_000, hi: 30_000 },
    { label: '≥ 30 KB', lo: 30_000, hi: Infinity },
  ];
  return bands.map(({ label, lo, hi }) => {
    const picked = ctx.corpus
      .map((d, i) => ({ bytes: d.bytes.length, ms: perFileMs[i] ?? 0 }))
      .filter((f) => f.bytes >= lo && f.bytes < hi);
    const bytes = picked.reduce((n, f) => n + f.bytes, 0);
    const ms = picked.reduce((n, f) => n + f.ms, 0);
    return {
      label,
      files: picked.length,
      mbPerS: ms > 0 ? round(bytes / MB / (ms / 1000), 2) : 0,
      msPerFile: picked.length > 0 ? round(ms / picked.length) : 0,
    };
  });
}

function ruleCounts(messages: readonly Diagnostic[]): { [rule: string]: number } {
  const counts: { [rule: string]: number } = {};
  for (const m of messages) counts[m.rule] = (counts[m.rule] ?? 0) + 1;
  return counts;
}

function topRules(messages: readonly Diagnostic[]): string {
  return Object.entries(ruleCounts(messages))
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule.replace(/^tei-edition\//u, '')} ${n}`)
    .join(', ');
}
