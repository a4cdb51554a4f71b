/**
 * Issue 17: Schematron against the stack CI users run today, on the same files in the same run:
 * `tei-edition validate` (RELAX NG and Schematron, one process) against jing (RELAX NG) plus
 * SchXslt on Saxon-HE (the Schematron compiled to XSLT once, then one JVM over the folder, one
 * SVRL report per file). Two sets:
 *   1. the synthetic corpus converted to TEI, schemas/tei-edition.rng and schemas/tei-edition.sch;
 *   2. the real TEI files jing can read (27 of ../shared/reference/tei-real/), tei_all.rng and the
 *      Schematron embedded in it (all its patterns, extracted for SchXslt as a .sch file).
 * Each run times the three commands one after another (ours, jing, SchXslt), so that the load of
 * a shared machine falls on both sides alike; best and median of the runs, and their ratio.
 * Target: tei-edition ≤ 1.0× jing + SchXslt. Needs jing, Java and Saxon-HE (Debian jing,
 * default-jre-headless, libsaxonhe-java) and ../shared/peers/schxslt; says so and skips otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parseDocument } from '../../src/validate/schematron/saxon.js';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, round, timing, type Timing } from '../measure.js';
import type { BenchSection, Json, SectionReport } from '../section.js';
import { writeCorpusEdition } from '../synthetic-corpus.js';
import { spawnTimed, teiEditionTimed, type TimedRun } from '../spawn-timed.js';

const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';
const saxonArgs = (args: readonly string[]): string[] => ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', ...args];

/** Why the peers cannot run here, or undefined. */
function peersMissing(pipeline: string): string | undefined {
  if (spawnSync('jing', [], { stdio: 'ignore' }).error !== undefined) return 'jing (Debian package jing)';
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error !== undefined) return 'Java (default-jre-headless)';
  if (!existsSync(SAXON_JAR)) return `Saxon-HE (${SAXON_JAR}, libsaxonhe-java)`;
  if (!existsSync(pipeline)) return `SchXslt (${pipeline})`;
  return undefined;
}

interface PeerSet {
  readonly name: string;
  /** The files, all in `folder` (SchXslt runs over the folder). */
  readonly files: readonly string[];
  readonly folder: string;
  readonly ours: readonly string[];
  readonly rng: string;
  readonly sch: string;
}

function errorsIn(run: TimedRun): number {
  try {
    return (JSON.parse(run.stdout) as { severity: string }[]).filter((m) => m.severity === 'error').length;
  } catch {
    return -1;
  }
}

async function compareWithPeers(
  set: PeerSet,
  work: string,
  pipeline: string,
  times: number,
  progress: (t: string) => void,
): Promise<SectionReport> {
  const xsl = join(work, `${set.name.replace(/\W+/gu, '-')}.xsl`);
  progress(`validate-schematron: ${set.name}: compiling the Schematron with SchXslt`);
  const compiled = await spawnTimed('java', saxonArgs([`-s:${set.sch}`, `-xsl:${pipeline}`, `-o:${xsl}`]));
  const svrl = join(work, 'svrl');
  const runs: { ours: TimedRun; jing: TimedRun; schxslt: TimedRun }[] = [];
  for (let i = 1; i <= times; i++) {
    progress(`validate-schematron: ${set.name}: run ${i}/${times}`);
    const ours = await teiEditionTimed(['validate', ...set.ours, '--format', 'json']);
    const jing = await spawnTimed('jing', [set.rng, ...set.files]);
    await rm(svrl, { recursive: true, force: true });
    await mkdir(svrl, { recursive: true });
    const schxslt = await spawnTimed('java', saxonArgs([`-s:${set.folder}`, `-xsl:${xsl}`, `-o:${svrl}`]));
    runs.push({ ours, jing, schxslt });
  }
  const t = (pick: (r: (typeof runs)[number]) => number): Timing => timing(runs.map(pick));
  const ours = t((r) => r.ours.ms);
  const jing = t((r) => r.jing.ms);
  const schxslt = t((r) => r.schxslt.ms);
  const together = t((r) => r.jing.ms + r.schxslt.ms);
  const ratio = ours.best / together.best;
  const medianRatio = ours.median / together.median;
  const last = runs[runs.length - 1]!;
  const lines = [
    `${set.name}: ${set.files.length} files; ${times} runs, each: tei-edition, then jing, then SchXslt`,
    `    tei-edition validate (RELAX NG + Schematron): best ${formatMs(ours.best)}, median ${formatMs(ours.median)}; ${errorsIn(last.ours)} errors; exit ${last.ours.code}`,
    `    jing (RELAX NG): best ${formatMs(jing.best)}, median ${formatMs(jing.median)}; exit ${last.jing.code}`,
    `    SchXslt on Saxon-HE (Schematron, one JVM): best ${formatMs(schxslt.best)}, median ${formatMs(schxslt.median)}; exit ${last.schxslt.code}; compiling the schema once ${formatMs(compiled.ms)} (exit ${compiled.code})`,
    `    jing + SchXslt: best ${formatMs(together.best)}, median ${formatMs(together.median)}`,
    `    ratio tei-edition / (jing + SchXslt): ${ratio.toFixed(2)} best, ${medianRatio.toFixed(2)} median; with SchXslt's compilation counted: ${(ours.best / (together.best + compiled.ms)).toFixed(2)} best — target ≤ 1.0: ${ratio <= 1 && medianRatio <= 1 ? 'met' : ratio > 1 && medianRatio > 1 ? 'missed' : 'parity (best and median disagree)'}`,
  ];
  const figure = (x: Timing): Json => ({ bestMs: round(x.best), medianMs: round(x.median), runsMs: x.runs.map((r) => round(r)) });
  const figures: { [key: string]: Json } = {
    files: set.files.length,
    teiEdition: figure(ours),
    jing: figure(jing),
    schxslt: figure(schxslt),
    schxsltCompileMs: round(compiled.ms),
    ratio: round(ratio, 3),
    medianRatio: round(medianRatio, 3),
  };
  return { lines, figures };
}

/** The Schematron embedded in a RELAX NG schema as a .sch file for SchXslt: every sch:ns, sch:let and sch:pattern, in order. */
async function embeddedSch(rng: string, out: string): Promise<void> {
  const tree = await parseDocument(readFileSync(rng, 'utf8'), 'urn:embedded');
  const parts = evaluate(
    "//sch:*[local-name() = ('ns', 'let', 'pattern')][not(ancestor::sch:*)] ! serialize(.)",
    tree,
    { sch: 'http://purl.oclc.org/dsdl/schematron' },
    {},
  ).map(String);
  writeFileSync(out, `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">\n${parts.join('\n')}\n</schema>\n`);
}

/** Both sets; `teiDir` is the synthetic corpus converted to TEI. */
export async function schematronPeerSets(
  teiDir: string,
  work: string,
  times: number,
  progress: (t: string) => void,
): Promise<SectionReport> {
  const root = repositoryRoot();
  const pipeline = join(root, '..', 'shared', 'peers', 'schxslt', '2.0', 'pipeline-for-svrl.xsl');
  const missing = peersMissing(pipeline);
  if (missing !== undefined) return { lines: [`Schematron peers: ${missing} missing — no comparison`], figures: {} };
  const synthetic = readdirSync(teiDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => join(teiDir, f));
  const first = await compareWithPeers(
    {
      name: 'synthetic corpus, tei-edition.rng + tei-edition.sch',
      files: synthetic,
      folder: teiDir,
      ours: [teiDir],
      rng: join(root, 'schemas', 'tei-edition.rng'),
      sch: join(root, 'schemas', 'tei-edition.sch'),
    },
    work,
    pipeline,
    times,
    progress,
  );
  const lines = [...first.lines];
  const figures: { [key: string]: Json } = { synthetic: first.figures };
  const teiAll = join(root, '..', 'shared', 'reference', 'tei_all.rng');
  const realDir = join(root, '..', 'shared', 'reference', 'tei-real');
  if (existsSync(teiAll) && existsSync(realDir)) {
    // The 27 files jing can read (the Casebooks files declare an external DTD), in a folder of their own for SchXslt.
    const folder = join(work, 'tei-real');
    await mkdir(folder, { recursive: true });
    const names = readdirSync(realDir)
      .filter((f) => f.endsWith('.xml') && !f.startsWith('casebooks__'))
      .sort();
    for (const name of names) symlinkSync(join(realDir, name), join(folder, name));
    const sch = join(work, 'tei_all-embedded.sch');
    await embeddedSch(teiAll, sch);
    const files = names.map((n) => join(folder, n));
    const second = await compareWithPeers(
      { name: 'tei-real, tei_all.rng with its embedded Schematron', files, folder, ours: [...files, '--schema', teiAll], rng: teiAll, sch },
      work,
      pipeline,
      times,
      progress,
    );
    lines.push(...second.lines);
    figures.real = second.figures;
  } else lines.push('tei-real: ../shared/reference not found — skipped');
  return { lines, figures };
}

export const validateSchematronSection: BenchSection = {
  name: 'validate-schematron',
  describe:
    'tei-edition validate with Schematron vs jing + SchXslt on Saxon-HE, run by run: the synthetic corpus, and tei-real with tei_all.rng and its embedded rules',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-'));
    try {
      const written = await writeCorpusEdition(
        dir,
        ctx.corpus,
        ctx.samples,
        `bench corpus (${ctx.corpus.length} documents, seed ${ctx.seed})`,
      );
      ctx.progress('validate-schematron: converting the corpus to TEI');
      await teiEditionTimed(['convert', '--config', written.config, '--quiet']);
      return await schematronPeerSets(join(dir, 'tei'), dir, ctx.runs, ctx.progress);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
