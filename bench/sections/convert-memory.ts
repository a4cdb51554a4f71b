/**
 * `convert-memory`: how much memory `tei-edition convert --jobs 1` needs for one large raw text —
 * the peak RSS of a fresh process (`process.resourceUsage().maxRSS`, printed by a preload at
 * exit) for texts of 1, 5, 20 and 50 MB made by repeating the sample's prose letter, and what
 * that is per MB of input. Each run writes to a new folder (no earlier TEI to compare with).
 * Figures only: the peak depends on when V8 collects, so runs vary; the median is reported.
 */
import { mkdtemp, rm, stat, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { EditionConfig, SourceConfig } from '../../src/lib/config/types.js';
import { registerFiles } from '../../src/lib/registers/register-files.js';
import { formatMs, MB, round } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { repositoryRoot, type SampleEdition } from '../corpus/samples.js';

const SIZES_MB = [1, 5, 20, 50];
/** The issue's target: at most this many times the input's size. */
const TARGET_RATIO = 20;

const maxRssPreload = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.stderr.write(`\\ntei-edition-bench-maxrss ${process.resourceUsage().maxRSS}\\n`));')}`;

interface Run {
  readonly maxRssBytes: number;
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly teiBytes: number;
}

export const convertMemorySection: BenchSection = {
  name: 'convert-memory',
  describe: `peak RSS of \`tei-edition convert --jobs 1\` (a fresh process) on one raw text of ${SIZES_MB.join(', ')} MB; target ≤ ${TARGET_RATIO}× the input`,
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-memory-'));
    try {
      const { source, text } = proseSample(ctx.samples);
      const lines: string[] = [];
      const figures: { [key: string]: Json } = {};
      const bySize: Json[] = [];
      for (const mb of [0, ...SIZES_MB]) {
        const edition = join(dir, `edition-${mb}`);
        const inputBytes = await writeEdition(edition, ctx.samples, source, text, mb * MB);
        const runs: Run[] = [];
        for (let run = 1; run <= ctx.runs; run++) {
          ctx.progress(`convert-memory: ${mb === 0 ? 'one letter' : `${mb} MB`}, run ${run}/${ctx.runs}`);
          runs.push(await convertOnce(edition, join(edition, `out-${run}`)));
        }
        const rss = median(runs.map((r) => r.maxRssBytes));
        const fixedBytes = (bySize[0] as { medianMaxRssMB?: number } | undefined)?.medianMaxRssMB;
        const entry = {
          inputMB: round(inputBytes / MB, 2),
          teiMB: round((runs[0]?.teiBytes ?? 0) / MB, 2),
          maxRssMB: runs.map((r) => round(r.maxRssBytes / MB)),
          medianMaxRssMB: round(rss / MB),
          ratio: mb === 0 ? null : round(rss / inputBytes, 1),
          /** MB of peak RSS per MB of input, beyond the fixed cost. */
          perInputMB: mb === 0 || fixedBytes === undefined ? null : round((rss - fixedBytes * MB) / inputBytes, 1),
          wallMs: runs.map((r) => round(r.wallMs)),
          exitCodes: runs.map((r) => r.exitCode),
        };
        bySize.push(entry);
        lines.push(
          `${mb === 0 ? 'one letter' : `${mb} MB`} (${entry.inputMB} MB in, ${entry.teiMB} MB of TEI): peak RSS median ${entry.medianMaxRssMB} MB${entry.ratio === null ? ' (the fixed cost: Node, the CLI, the word list, the registers)' : `, ${entry.ratio}× the input (${entry.perInputMB} MB per MB beyond the fixed cost)`} — runs ${entry.maxRssMB.join(', ')} MB; ${formatMs(median(runs.map((r) => r.wallMs)))} median; exit ${entry.exitCodes.join(', ')}`,
        );
        await rm(edition, { recursive: true, force: true });
      }
      const fixed = bySize[0] as { medianMaxRssMB: number };
      const largest = bySize[bySize.length - 1] as { medianMaxRssMB: number; inputMB: number; ratio: number };
      const perMB = round((largest.medianMaxRssMB - fixed.medianMaxRssMB) / largest.inputMB, 1);
      lines.push(
        `per MB of input beyond the fixed cost (${fixed.medianMaxRssMB} MB): ${perMB} MB; at ${SIZES_MB[SIZES_MB.length - 1]} MB the peak is ${largest.ratio}× the input — target ≤ ${TARGET_RATIO}×: ${largest.ratio <= TARGET_RATIO ? 'met' : 'missed'}`,
      );
      figures.sizes = bySize;
      figures.fixedCostMB = fixed.medianMaxRssMB;
      figures.perInputMB = perMB;
      figures.targetRatio = TARGET_RATIO;
      return { lines, figures };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** The sample's prose letter without notes: repeated, it stays one long letter. Its corrections would match many times: left out. */
function proseSample(samples: SampleEdition): { source: SourceConfig; text: string } {
  const found =
    samples.sources.find((s) => s.config.layout.profile === 'prose' && (s.config.notes?.convention ?? 'none') === 'none') ??
    samples.sources[0];
  if (!found) throw new Error('the sample edition has no source');
  const { corrections: _corrections, ...config } = found.config;
  return { source: { ...config, id: 'large', raw: 'tei/raw/large.txt' }, text: found.text };
}

/** `bytes` 0: the letter once. Repetitions are three blank lines apart (a page break). */
async function writeEdition(dir: string, samples: SampleEdition, source: SourceConfig, text: string, bytes: number): Promise<number> {
  await mkdir(join(dir, 'tei', 'raw'), { recursive: true });
  await Promise.all(registerFiles.map((r) => copyFile(join(samples.root, r.defaultPath), join(dir, r.defaultPath))));
  const unit = `${text.trimEnd()}\n\n\n\n`;
  const times = Math.max(1, Math.round(bytes / Buffer.byteLength(unit)));
  const raw = Buffer.from(unit.repeat(times), 'utf8');
  await writeFile(join(dir, source.raw), raw);
  const config: EditionConfig = {
    $schema: relative(dir, join(samples.root, 'schemas', 'edition.schema.json')),
    edition: samples.edition,
    sources: [source],
  };
  await writeFile(join(dir, 'edition.json'), `${JSON.stringify(config, null, 2)}\n`);
  return raw.length;
}

async function convertOnce(edition: string, outDir: string): Promise<Run> {
  const bin = join(repositoryRoot(), 'bin', 'tei-edition.js');
  const args = [
    '--import',
    maxRssPreload,
    bin,
    'convert',
    '--jobs',
    '1',
    '--quiet',
    '--config',
    join(edition, 'edition.json'),
    '--out-dir',
    outDir,
  ];
  const start = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr: Buffer.concat(chunks).toString('utf8') }));
  });
  const wallMs = performance.now() - start;
  const kb = /tei-edition-bench-maxrss (\d+)/u.exec(stderr)?.[1];
  if (kb === undefined) throw new Error(`convert printed no peak RSS (exit ${code}): ${stderr.slice(0, 500)}`);
  const tei = await stat(join(outDir, 'large.xml')).then(
    (s) => s.size,
    () => 0,
  );
  await rm(outDir, { recursive: true, force: true });
  return { maxRssBytes: Number(kb) * 1024, wallMs, exitCode: code, teiBytes: tei };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
