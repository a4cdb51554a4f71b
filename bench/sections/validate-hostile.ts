/**
 * `validate-hostile`: how validation time grows with nesting depth (issue 14, item 8), on a TEI
 * document whose paragraph holds N nested `<hi>` (N = 10,000, 20,000, 40,000, 100,000), and on the
 * same document left unclosed (its well-formedness error comes at the end):
 *   - the engine (well-formedness + RELAX NG against schemas/tei-edition.rng) with the depth
 *     limit lifted, in a fresh process (Node start and schema compilation included, as for jing)
 *     and in process (the validation alone);
 *   - jing on the same file, one process per file, when installed;
 *   - `tei-edition validate` as shipped, which stops at the depth limit.
 * The growth ratio is time(N) / time(previous N) beside the depth ratio: a linear engine keeps
 * them close, a quadratic one squares the depth ratio. Figures only, no verdict asserted.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '../corpus/samples.js';
import { formatMs, round, timing } from '../measure.js';
import type { BenchSection, Json } from '../section.js';
import { spawnTimed, teiEditionTimed } from '../spawn-timed.js';
import { compileSchema } from '../../src/validate/relaxng/compile-schema.js';
import { validateDocument } from '../../src/validate/relaxng/validate-document.js';

const DEPTHS = [10_000, 20_000, 40_000, 100_000] as const;
const HEADER =
  '<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>';

function nested(depth: number, closed: boolean): string {
  const open = `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEADER}<text><body><p>${'<hi>'.repeat(depth)}x`;
  return closed ? `${open}${'</hi>'.repeat(depth)}</p></body></text></TEI>\n` : `${open}\n`;
}

const jingInstalled = (): boolean => spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;

/** Validates one file in a fresh Node process with the depth limit lifted; prints the number of messages. */
function engineScript(schema: string, file: string): string {
  const dist = (path: string): string => pathToFileURL(join(repositoryRoot(), 'dist', 'src', 'validate', 'relaxng', path)).href;
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { compileSchema } from ${JSON.stringify(dist('compile-schema.js'))};`,
    `import { validateDocument } from ${JSON.stringify(dist('validate-document.js'))};`,
    `const grammar = compileSchema(${JSON.stringify(schema)}, (p) => readFileSync(p, 'utf8'));`,
    `const outcome = validateDocument(readFileSync(${JSON.stringify(file)}, 'utf8'), { file: 'f', grammar, maxDepth: Infinity });`,
    `process.stdout.write(String(outcome.messages.length));`,
  ].join('\n');
}

interface Row {
  readonly depth: number;
  readonly closed: boolean;
  readonly inProcessMs: number;
  readonly freshProcessMs: number;
  readonly messages: number;
  readonly jingMs?: number;
  readonly jingExit?: number | null;
  readonly shippedMs: number;
  readonly shippedExit: number | null;
}

async function best(times: number, once: () => Promise<number> | number): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push(await once());
  return timing(runs).best;
}

async function measure(
  dir: string,
  depth: number,
  closed: boolean,
  runs: number,
  jing: boolean,
  progress: (t: string) => void,
): Promise<Row> {
  const root = repositoryRoot();
  const schema = join(root, 'schemas', 'tei-edition.rng');
  const file = join(dir, `${closed ? 'nested' : 'unclosed'}-${depth}.xml`);
  writeFileSync(file, nested(depth, closed));
  const label = `${closed ? 'nested' : 'unclosed'} ${depth}`;
  progress(`validate-hostile: ${label}, in process`);
  const text = readFileSync(file, 'utf8');
  let messages = 0;
  // A fresh grammar per run: the patterns a run makes are not reused by the next.
  const inProcessMs = await best(runs, () => {
    const grammar = compileSchema(schema, (p) => readFileSync(p, 'utf8'));
    const start = performance.now();
    messages = validateDocument(text, { file, grammar, maxDepth: Infinity }).messages.length;
    return performance.now() - start;
  });
  progress(`validate-hostile: ${label}, fresh process`);
  const freshProcessMs = await best(
    runs,
    async () => (await spawnTimed(process.execPath, ['--input-type=module', '-e', engineScript(schema, file)])).ms,
  );
  let jingMs: number | undefined;
  let jingExit: number | null | undefined;
  if (jing) {
    progress(`validate-hostile: ${label}, jing`);
    jingMs = await best(runs, async () => {
      const run = await spawnTimed('jing', [schema, file]);
      jingExit = run.code;
      return run.ms;
    });
  }
  progress(`validate-hostile: ${label}, tei-edition validate as shipped`);
  const shipped = await teiEditionTimed(['validate', file, '--no-schematron', '--format', 'json']);
  return {
    depth,
    closed,
    inProcessMs,
    freshProcessMs,
    messages,
    ...(jingMs === undefined ? {} : { jingMs, jingExit }),
    shippedMs: shipped.ms,
    shippedExit: shipped.code,
  };
}

function growth(rows: readonly Row[], i: number, key: 'inProcessMs' | 'freshProcessMs' | 'jingMs'): string {
  const previous = rows[i - 1];
  const row = rows[i]!;
  const now = row[key];
  const before = previous?.[key];
  if (previous === undefined || now === undefined || before === undefined) return '';
  return ` (×${(now / before).toFixed(1)} for ×${(row.depth / previous.depth).toFixed(1)} depth)`;
}

function report(rows: readonly Row[]): string[] {
  const lines: string[] = [];
  for (const closed of [true, false]) {
    const set = rows.filter((r) => r.closed === closed);
    lines.push(
      closed ? 'N nested <hi>, valid (expected: no message):' : 'N nested <hi>, never closed (expected: one well-formedness error):',
    );
    set.forEach((r, i) => {
      const jing =
        r.jingMs === undefined ? 'jing not installed' : `jing ${formatMs(r.jingMs)}${growth(set, i, 'jingMs')}, exit ${String(r.jingExit)}`;
      lines.push(
        `  ${r.depth.toLocaleString('en-US').padStart(7)}: engine ${formatMs(r.inProcessMs)} in process${growth(set, i, 'inProcessMs')}, ${formatMs(r.freshProcessMs)} in a fresh process${growth(set, i, 'freshProcessMs')}, ${r.messages} message(s); ${jing}`,
        `           tei-edition validate as shipped (depth limit): ${formatMs(r.shippedMs)}, exit ${String(r.shippedExit)}`,
      );
    });
  }
  return lines;
}

export const validateHostileSection: BenchSection = {
  name: 'validate-hostile',
  describe:
    'validation time against nesting depth (10k to 100k nested elements): the engine without its depth limit, jing, and the shipped command',
  run: async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tei-edition-bench-deep-'));
    try {
      const jing = jingInstalled();
      const rows: Row[] = [];
      for (const closed of [true, false])
        for (const depth of DEPTHS) rows.push(await measure(dir, depth, closed, ctx.runs, jing, ctx.progress));
      const figures: { [key: string]: Json } = {
        rows: rows.map((r) => ({
          depth: r.depth,
          closed: r.closed,
          inProcessMs: round(r.inProcessMs),
          freshProcessMs: round(r.freshProcessMs),
          messages: r.messages,
          jingMs: r.jingMs === undefined ? null : round(r.jingMs),
          shippedMs: round(r.shippedMs),
          shippedExit: r.shippedExit,
        })),
      };
      return { lines: report(rows), figures };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
