/**
 * `npm run bench`: builds the synthetic corpus (300 documents by default) and runs the benchmark
 * sections over it, printing figures — plain lines, or one JSON object with `--json`. A benchmark
 * prints; it never asserts (see STYLE.md). Add a section by appending it to `sections`.
 *
 *   node dist/bench/run.js [--count N] [--seed S] [--runs R] [--only convert[,…]] [--json]
 *   node dist/bench/run.js --write-corpus <dir> [--count N] [--seed S]
 */
import { availableParallelism, cpus, platform, arch } from 'node:os';
import { parseArgs } from 'node:util';
import { calibrate, formatKB, formatMB, formatMs, round, timed } from './measure.js';
import type { BenchSection, Json } from './section.js';
import { cliConvertSection } from './sections/cli-convert.js';
import { convertMemorySection } from './sections/convert-memory.js';
import { convertSection } from './sections/convert.js';
import { taggingSection } from './sections/tagging.js';
import { validateSection } from './sections/validate.js';
import { validateHostileSection } from './sections/validate-hostile.js';
import { validateSchematronSection } from './sections/validate-schematron.js';
import { htmlSection } from './sections/html.js';
import { printSection } from './sections/print.js';
import { searchSection } from './sections/search.js';
import { serveSection } from './sections/serve.js';
import { realSection } from './sections/real.js';
import { realBooksSection } from './sections/real-books.js';
import { incrementalSection } from './sections/incremental.js';
import { readSampleEdition } from './corpus/samples.js';
import { DEFAULT_COUNT, DEFAULT_SEED, syntheticCorpus, writeSyntheticEdition } from './synthetic-corpus.js';

/** In running order. The PDF section goes here. */
const sections: readonly BenchSection[] = [
  convertSection,
  taggingSection,
  cliConvertSection,
  convertMemorySection,
  validateSection,
  validateSchematronSection,
  validateHostileSection,
  htmlSection,
  incrementalSection,
  searchSection,
  printSection,
  realSection,
  realBooksSection,
  serveSection,
];

const usage = `usage: node dist/bench/run.js [options]
  --count N            documents in the synthetic corpus (default ${DEFAULT_COUNT})
  --seed S             seed of the corpus (default ${DEFAULT_SEED})
  --runs R             timed runs of each measurement (default 3)
  --only a,b           sections to run: ${sections.map((s) => s.name).join(', ')} (default: all)
  --json               print one JSON object instead of lines
  --write-corpus DIR   write the corpus as an edition (edition.json + tei/raw/) to DIR, and stop`;

interface Options {
  readonly count: number;
  readonly seed: number;
  readonly runs: number;
  readonly only: readonly string[];
  readonly json: boolean;
  readonly writeCorpus?: string;
}

function readOptions(argv: readonly string[]): Options | string {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      'write-corpus': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return usage;
  const integer = (text: string | undefined, fallback: number, name: string): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a positive integer, found “${text}”`);
    return n;
  };
  const only = (values.only ?? [])
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const unknown = only.filter((o) => !sections.some((s) => s.name === o));
  if (unknown.length > 0)
    throw new Error(`--only: unknown section ${unknown.join(', ')}; expected one of ${sections.map((s) => s.name).join(', ')}`);
  return {
    count: integer(values.count, DEFAULT_COUNT, 'count'),
    seed: integer(values.seed, DEFAULT_SEED, 'seed'),
    runs: integer(values.runs, 3, 'runs'),
    only,
    json: values.json ?? false,
    ...(values['write-corpus'] === undefined ? {} : { writeCorpus: values['write-corpus'] }),
  };
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} cores (${cpu})`;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stdout.write(`${options}\n`);
    return;
  }
  if (options.writeCorpus !== undefined) {
    const written = await writeSyntheticEdition(options.writeCorpus, options.count, options.seed);
    process.stdout.write(`wrote ${written.documents} documents (${formatMB(written.bytes)} raw) and ${written.config}\n`);
    return;
  }
  const samples = readSampleEdition();
  const built = await timed(() => syntheticCorpus(options.count, options.seed, samples));
  const corpus = built.value;
  const sizes = corpus.map((d) => d.bytes.length).sort((a, b) => a - b);
  const rawBytes = sizes.reduce((n, s) => n + s, 0);
  const bySample = samples.sources.map((s) => ({ sample: s.config.id, documents: corpus.filter((d) => d.sample === s.config.id).length }));
  const calibrationMs = calibrate();
  const header = [
    `tei-edition bench — ${machine()}`,
    `calibration: ${formatMs(calibrationMs)} for a fixed string-allocation micro-load (best of 3; compare runs made at different times by it: on a shared VM it moves with the host's load)`,
    `corpus: ${corpus.length} documents, ${formatMB(rawBytes)} raw (MB = 10^6 bytes), seed ${options.seed}, built in ${formatMs(built.ms)}; sizes ${formatKB(sizes[0] ?? 0)} to ${formatKB(sizes[sizes.length - 1] ?? 0)}, median ${formatKB(sizes[Math.floor(sizes.length / 2)] ?? 0)}; ${bySample.map((s) => `${s.documents} × ${s.sample}`).join(', ')}`,
  ];
  if (!options.json) process.stdout.write(`${header.join('\n')}\n`);

  const chosen = sections.filter((s) => options.only.length === 0 || options.only.includes(s.name));
  const results: { [name: string]: Json } = {};
  for (const section of chosen) {
    const report = await section.run({
      corpus,
      seed: options.seed,
      samples,
      runs: options.runs,
      progress: (text) => {
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    results[section.name] = report.figures;
    if (!options.json) process.stdout.write(`\n[${section.name}] ${section.describe}\n${report.lines.map((l) => `  ${l}`).join('\n')}\n`);
  }
  if (options.json) {
    const json: Json = {
      machine: {
        node: process.version,
        platform: platform(),
        arch: arch(),
        cores: availableParallelism(),
        cpu: cpus()[0]?.model.trim() ?? null,
        calibrationMs: round(calibrationMs),
      },
      corpus: {
        documents: corpus.length,
        rawBytes,
        rawMB: round(rawBytes / 1_000_000, 2),
        seed: options.seed,
        buildMs: round(built.ms),
        minBytes: sizes[0] ?? 0,
        maxBytes: sizes[sizes.length - 1] ?? 0,
        bySample,
      },
      sections: results,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
