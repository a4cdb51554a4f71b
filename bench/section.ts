/**
 * What a benchmark section is: a function of the shared corpus that returns printable lines and
 * the same figures as JSON. `bench/run.ts` lists the sections (convert now; validate, html and
 * pdf to come) and runs those asked for with `--only`.
 */
import type { SampleEdition } from './corpus/samples.js';
import type { SyntheticDocument } from './synthetic-corpus.js';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface BenchContext {
  readonly corpus: readonly SyntheticDocument[];
  readonly seed: number;
  /** The sample edition the corpus was made from (its `edition` metadata goes with every file). */
  readonly samples: SampleEdition;
  /** Timed repetitions of each measurement. */
  readonly runs: number;
  /** Progress (to stderr), so that a long run shows it is alive. */
  progress(text: string): void;
}

export interface SectionReport {
  readonly lines: readonly string[];
  readonly figures: { readonly [key: string]: Json };
}

export interface BenchSection {
  readonly name: string;
  readonly describe: string;
  readonly run: (ctx: BenchContext) => Promise<SectionReport>;
}
