/**
 * `validate`: `tei-edition validate` in a fresh process, as a CI job runs it, side by side with
 * jing (the Java reference validator, Debian package `jing`) on the same files and schema in one
 * invocation each, when jing is installed:
 *   1. the synthetic corpus converted to TEI (300 documents) against schemas/tei-edition.rng —
 *      tei-edition with the Schematron rules (jing runs only the schema), then without them;
 *   2. the real TEI files of ../shared/reference/tei-real/ against tei_all.rng (the 27 that jing
 *      can read: it stops on the external DTD of the 3 Casebooks files).
 * Target (issue 4): not slower than jing on either set.
 *   3. (issue 17) tei-edition validate with Schematron against jing plus SchXslt on Saxon-HE, run
 *      by run, on the synthetic corpus and on tei-real with tei_all.rng's embedded rules
 *      (validate-schematron.ts; also alone: `--only validate-schematron`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, round, timing, type Timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { spawnTimed, teiEditionTimed, type TimedRun } from '../spawn-timed.js';
import { schematronPeerSets } from './validate-schematron.js';

const jingInstalled = (): boolean => spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;

async function repeat(
  times: number,
  label: string,
  progress: (t: string) => void,
  once: () => Promise<TimedRun>,
): Promise<{ t: Timing; last: TimedRun }> {
  const runs: TimedRun[] = [];
  for (let i = 1; i <= times; i++) {
    progress(`validate: ${label} run ${i}/${times}`);
    runs.push(await once());
  }
  return { t: timing(runs.map((r) => r.ms)), last: runs[runs.length - 1]! };
}

interface SetReport {
  readonly lines: string[];
  readonly figures: { [key: string]: Json };
  /** Best and median wall-clock times of tei-edition, and of jing when it ran. */
  readonly ours: Timing;
  readonly jing?: Timing;
}

async function compare(
  name: string,
  files: readonly string[],
  ours: readonly string[],
  jingArgs: readonly string[] | undefined,
  times: number,
  progress: (t: string) => void,
): Promise<SetReport> {
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mine = await repeat(times, `${name}, tei-edition`, progress, () => teiEditionTimed(['validate', ...ours, '--format', 'json']));
  const found = (() => {
    try {
      return (JSON.parse(mine.last.stdout) as { severity: string }[]).filter((m) => m.severity === 'error').length;
    } catch {
      return -1;
    }
  })();
  const perSecond = (t: Timing) =>
    `${(files.length / (t.best / 1000)).toFixed(0)} files/s, ${(bytes / 1024 / 1024 / (t.best / 1000)).toFixed(1)} MB/s`;
  const lines = [
    `${name}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
    `    tei-edition validate: best ${formatMs(mine.t.best)}, median ${formatMs(mine.t.median)} (${perSecond(mine.t)}); ${found} errors; exit ${mine.last.code}`,
  ];
  const figures: { [key: string]: Json } = {
    files: files.length,
    bytes,
    teiEdition: { bestMs: round(mine.t.best), medianMs: round(mine.t.median), errors: found },
  };
  if (jingArgs === undefined) {
    lines.push('    jing: not installed (Debian package jing) — no comparison');
    return { lines, figures, ours: mine.t };
  }
  const jing = await repeat(times, `${name}, jing`, progress, () => spawnTimed('jing', jingArgs));
  // Best and median both: on a shared VM a single lucky or unlucky run moves the best by ±15 %.
  const ratio = mine.t.best / jing.t.best;
  const medianRatio = mine.t.median / jing.t.median;
  const verdict = ratio <= 1 && medianRatio <= 1 ? 'met' : ratio > 1 && medianRatio > 1 ? 'missed' : 'parity (best and median disagree)';
  lines.push(
    `    jing (one invocation):  best ${formatMs(jing.t.best)}, median ${formatMs(jing.t.median)} (${perSecond(jing.t)}); exit ${jing.last.code}`,
    `    ratio tei-edition / jing: ${ratio.toFixed(2)} best, ${medianRatio.toFixed(2)} median — target (not slower than jing): ${verdict}`,
  );
  figures.jing = { bestMs: round(jing.t.best), medianMs: round(jing.t.median) };
  figures.ratio = round(ratio, 3);
  figures.medianRatio = round(medianRatio, 3);
  figures.targetMet = ratio <= 1 && medianRatio <= 1;
  return { lines, figures, ours: mine.t, jing: jing.t };
}

export const validateSection: BenchSection = {
  name: 'validate',
  describe: 'tei-edition validate vs jing: the synthetic corpus against tei-edition.rng (+ Schematron), the real files against tei_all.rng',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const root = repositoryRoot();
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      ctx.progress('validate: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      const teiDir = join(dir, 'tei');
      const teiFiles = readdirSync(teiDir)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => join(teiDir, f));
      const jing = jingInstalled();
      const schema = join(root, 'schemas', 'tei-edition.rng');
      const synthetic = await compare(
        'synthetic corpus, schemas/tei-edition.rng + Schematron (jing: the schema only)',
        teiFiles,
        [teiDir],
        jing ? [schema, ...teiFiles] : undefined,
        ctx.runs,
        ctx.progress,
      );
      const schemaOnly = await compare(
        'synthetic corpus, schemas/tei-edition.rng only (--no-schematron), like for like with jing',
        teiFiles,
        [teiDir, '--no-schematron'],
        jing ? [schema, ...teiFiles] : undefined,
        ctx.runs,
        ctx.progress,
      );
      const peers = await schematronPeerSets(teiDir, dir, ctx.runs, ctx.progress);
      const lines = [...synthetic.lines, ...schemaOnly.lines, ...peers.lines];
      const figures: { [key: string]: Json } = {
        synthetic: synthetic.figures,
        syntheticSchemaOnly: schemaOnly.figures,
        schematronPeers: peers.figures,
      };
      const teiAll = join(root, '..', 'shared', 'reference', 'tei_all.rng');
      const realDir = join(root, '..', 'shared', 'reference', 'tei-real');
      if (existsSync(teiAll) && existsSync(realDir)) {
        const real = readdirSync(realDir)
          .filter((f) => f.endsWith('.xml') && !f.startsWith('casebooks__'))
          .sort()
          .map((f) => join(realDir, f));
        // --no-schematron: like for like with jing, which ignores the Schematron embedded in tei_all.rng.
        const set = await compare(
          'tei-real (27 files jing can read), tei_all.rng (its embedded Schematron off)',
          real,
          [...real, '--schema', teiAll, '--no-schematron'],
          jing ? [teiAll, ...real] : undefined,
          ctx.runs,
          ctx.progress,
        );
        lines.push(...set.lines);
        figures.real = set.figures;
      } else lines.push('tei-real: ../shared/reference not found — skipped');
      return { lines, figures };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
