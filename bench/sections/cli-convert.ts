/**
 * `cli-convert`: the same corpus end to end, as a user runs it — `tei-edition convert --dry-run`
 * in a fresh process (node start, config and schema check, reading the files, word list, cold
 * JIT, conversion; nothing written), with `--jobs 1` and with the default pool. This is the
 * figure the target is about.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMeter, formatMs, round, timing, type Timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { teiEditionTimed } from '../spawn-timed.js';
import { TARGET_MS, TARGET_TEXT } from './convert.js';

interface CliRun {
  readonly wallMs: number;
  readonly machineCores: number;
  readonly exitCode: number | null;
  /** From the CLI's `--json` summary. */
  readonly files?: number;
  readonly summary?: string;
}

export const cliConvertSection: BenchSection = {
  name: 'cli-convert',
  describe: 'end to end: `tei-edition convert --dry-run` in a fresh process, over the corpus written to a temporary edition',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      const modes = [
        { name: 'jobs 1 (in-process)', args: ['--jobs', '1'] },
        { name: 'default (pool, one worker per core)', args: [] },
      ];
      const lines: string[] = [];
      const figures: { [key: string]: Json } = {};
      for (const mode of modes) {
        const runs: CliRun[] = [];
        for (let run = 1; run <= ctx.runs; run++) {
          ctx.progress(`cli-convert: ${mode.name} run ${run}/${ctx.runs}`);
          runs.push(await runCli(['convert', '--config', written.config, '--dry-run', '--json', ...mode.args]));
        }
        const t = timing(runs.map((r) => r.wallMs));
        lines.push(...modeLines(mode.name, t, runs));
        figures[mode.args.length === 0 ? 'pool' : 'sequential'] = {
          runsMs: t.runs.map((ms) => round(ms)),
          bestMs: round(t.best),
          medianMs: round(t.median),
          machineCores: runs.map((r) => round(r.machineCores, 2)),
          exitCodes: runs.map((r) => r.exitCode),
          files: runs[0]?.files ?? null,
          targetMet: t.best < TARGET_MS,
        };
      }
      return { lines, figures };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function modeLines(name: string, t: Timing, runs: readonly CliRun[]): string[] {
  const verdict = t.best < TARGET_MS ? 'met' : `missed by ${formatMs(t.best - TARGET_MS)}`;
  const first = runs[0];
  return [
    `${name}: best ${formatMs(t.best)}, median ${formatMs(t.median)} — target (${TARGET_TEXT}): ${verdict}`,
    `    runs ${t.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; machine busy ${runs.map((r) => r.machineCores.toFixed(2)).join(', ')} cores (the CLI and everything else); exit codes ${runs.map((r) => r.exitCode).join(', ')}; ${first?.files ?? '?'} files, ${first?.summary ?? 'no JSON summary'}`,
  ];
}

async function runCli(args: readonly string[]): Promise<CliRun> {
  const meter = cpuMeter();
  const { ms, code, stdout } = await teiEditionTimed(args);
  const share = meter.stop();
  return { wallMs: ms, machineCores: share.processCores + share.otherCores, exitCode: code, ...summaryOf(stdout) };
}

/** Files and message counts from the CLI's `--json` result, when it printed one. */
function summaryOf(stdout: string): { files?: number; summary?: string } {
  try {
    const parsed: unknown = JSON.parse(stdout);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const result = parsed as { files?: unknown; summary?: { error?: number; warning?: number; info?: number } };
    const files = Array.isArray(result.files) ? result.files.length : undefined;
    const s = result.summary;
    return {
      ...(files === undefined ? {} : { files }),
      ...(s ? { summary: `${s.error ?? 0} errors, ${s.warning ?? 0} warnings, ${s.info ?? 0} infos` } : {}),
    };
  } catch {
    return {};
  }
}
