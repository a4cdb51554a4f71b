/**
 * A synthetic corpus for the benchmarks: `count` raw texts made from the three sample sources,
 * the same on every machine for a given seed (a seeded PRNG, no `Math.random`). Sizes are
 * spread log-uniformly from ~3 KB to ~60 KB (many short texts, a few long ones), like a real
 * edition. Each document keeps its sample's config (layout profile, flows, note conventions)
 * with a new id and raw path; corrections are dropped, since their `match` would not be found.
 *
 * `writeSyntheticEdition` puts the same corpus on disk as an edition (`edition.json` +
 * `tei/raw/`), so that the validation, HTML and print benchmarks can run the CLI over it.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { EditionConfig, SourceConfig } from '../src/lib/config/types.js';
import { composeColumns, composeProse } from './corpus/compose.js';
import { childSeed, seededRandom } from './corpus/prng.js';
import { modelOf, readSampleEdition, type SampleEdition, type SampleModel } from './corpus/samples.js';
import { registerFiles } from '../src/lib/registers/register-files.js';

export const DEFAULT_SEED = 19171025;
export const DEFAULT_COUNT = 300;

export interface SyntheticDocument {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly source: SourceConfig;
  /** The sample it was made from. */
  readonly sample: string;
}

const MIN_BYTES = 3_000;
const MAX_BYTES = 60_000;

/**
 * Deterministic in (`count`, `seed`, the sample edition): document `i` depends only on `seed`
 * and `i`, so a larger corpus starts with the smaller one. The samples are read from the
 * repository when not given.
 */
export function syntheticCorpus(
  count: number,
  seed: number = DEFAULT_SEED,
  samples: SampleEdition = readSampleEdition(),
): SyntheticDocument[] {
  const models = samples.sources.map((s) => ({ config: s.config, model: modelOf(s) }));
  if (models.length === 0) return [];
  const borrowable = models.flatMap((m) => (m.model.kind === 'prose' ? m.model.body : []));
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => {
    const random = seededRandom(childSeed(seed, i));
    const { config, model } = models[i % models.length] as { config: SourceConfig; model: SampleModel };
    const target = Math.round(MIN_BYTES * Math.pow(MAX_BYTES / MIN_BYTES, random.next()));
    const text =
      model.kind === 'columns'
        ? composeColumns(model, Math.max(0, Math.min(target, 40_000) - encoder.encode(model.lines.join('\n')).length), random)
        : composeProse(
            model,
            borrowable.filter((p) => !model.body.includes(p)),
            target,
            random,
          );
    const id = `syn-${String(i + 1).padStart(4, '0')}-${shortName(config.id)}`;
    return { id, bytes: encoder.encode(text), source: syntheticSource(config, id), sample: config.id };
  });
}

/** `1917-10-01-lenine-lettre-au-comite-central` → `lettre-au-comite-central`. */
function shortName(id: string): string {
  return id.replace(/^\d{4}-\d{2}-\d{2}-/u, '').replace(/^lenine-/u, '');
}

function syntheticSource(config: SourceConfig, id: string): SourceConfig {
  const { corrections: _dropped, ...rest } = config;
  return { ...rest, id, raw: `tei/raw/${id}.txt` };
}

/** Writes the corpus as an edition in `dir`: `edition.json` and `tei/raw/<id>.txt`. */
export async function writeSyntheticEdition(
  dir: string,
  count: number = DEFAULT_COUNT,
  seed: number = DEFAULT_SEED,
): Promise<WrittenEdition> {
  const samples = readSampleEdition();
  const documents = syntheticCorpus(count, seed, samples);
  return writeCorpusEdition(dir, documents, samples, `corpus synthétique (${count} documents, graine ${seed})`);
}

export interface WrittenEdition {
  readonly config: string;
  readonly documents: number;
  readonly bytes: number;
}

/** An already built corpus as an edition in `dir` (the benchmarks that run the CLI use this). */
export async function writeCorpusEdition(
  dir: string,
  documents: readonly SyntheticDocument[],
  samples: Pick<SampleEdition, 'root' | 'edition'>,
  label: string,
): Promise<WrittenEdition> {
  await mkdir(join(dir, 'tei', 'raw'), { recursive: true });
  await Promise.all(documents.map((d) => writeFile(join(dir, d.source.raw), d.bytes)));
  // The registers go with the texts, so that the CLI tags names as it does for the sample.
  await Promise.all(registerFiles.map((r) => copyFile(join(samples.root, r.defaultPath), join(dir, r.defaultPath))));
  const config: EditionConfig = {
    $schema: relative(dir, join(samples.root, 'schemas', 'edition.schema.json')),
    edition: { ...samples.edition, title: `${samples.edition.title} — ${label}` },
    sources: documents.map((d) => d.source),
  };
  const path = join(dir, 'edition.json');
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
  return { config: path, documents: documents.length, bytes: documents.reduce((n, d) => n + d.bytes.length, 0) };
}
