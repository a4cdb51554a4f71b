/**
 * Conformance with jing, the reference RELAX NG validator, on 30 real TEI files from 13 projects
 * (../shared/reference/tei-real/) against the official tei_all.rng: the verdict (valid or not)
 * must agree on every file, and the errors must be on the same lines.
 *
 * The exceptions are data, each with its reason, in test/fixtures/jing-conformance-exceptions.json:
 * the files compared without their DOCTYPE (the three Casebooks files declare an external DTD:
 * jing stops with a fatal error, tei-edition refuses the DOCTYPE; both say invalid), and, per
 * schema and file, how many lines only jing reports. An entry that no longer holds fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../../src/lib/diagnostics/diagnostic.js';
import { skipWithoutJing } from '../support/jing.js';
import { fixturesDir, repoRoot, requireShared, sharedDir, teiAllSchema } from '../support/paths.js';
import { runTeiEdition, tempDir } from '../support/run-cli.js';

const realDir = join(sharedDir, 'reference', 'tei-real');
interface Exceptions {
  /** file → why it is compared on a copy without its DOCTYPE. */
  readonly withoutDoctype: Readonly<Record<string, string>>;
  /** schema → file → how many lines only jing reports, and why. */
  readonly onlyJingReports: Readonly<Record<string, Readonly<Record<string, { readonly lines: number; readonly reason: string }>>>>;
}
const exceptionsFile = join(fixturesDir, 'jing-conformance-exceptions.json');
const exceptions = JSON.parse(readFileSync(exceptionsFile, 'utf8')) as Exceptions;
const withDoctype = (name: string): boolean => Object.hasOwn(exceptions.withoutDoctype, name);

test('the exceptions: each entry names a file of tei-real and gives a reason; exactly the files with a DOCTYPE are compared without it', () => {
  const names = realFileNames();
  const entries = [
    ...Object.entries(exceptions.withoutDoctype),
    ...Object.values(exceptions.onlyJingReports).flatMap((files) => Object.entries(files).map(([file, e]) => [file, e.reason] as const)),
  ];
  for (const [file, reason] of entries) {
    assert.ok(names.includes(file), `${exceptionsFile}: ${file} is not in tei-real`);
    assert.ok(reason.length > 20, `${file}: a reason`);
  }
  assert.deepEqual(
    names.filter((n) => /<!DOCTYPE/u.test(readFileSync(join(realDir, n), 'utf8'))),
    Object.keys(exceptions.withoutDoctype).sort(),
  );
});

/** file name → sorted distinct error lines, from jing's `file:line:col: error: …` output. */
function jingErrorLines(files: readonly string[], schema = teiAllSchema): Map<string, number[]> {
  const run = spawnSync('jing', [schema, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = new Map<string, Set<number>>(files.map((f) => [basename(f), new Set()]));
  for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): error:/.exec(line);
    if (m) lines.get(basename(m[1] ?? ''))?.add(Number(m[2]));
  }
  return new Map([...lines].map(([f, set]) => [f, [...set].sort((a, b) => a - b)]));
}

function ourErrorLines(dir: string, schema = teiAllSchema): { lines: Map<string, number[]>; messages: Diagnostic[]; code: number } {
  const run = runTeiEdition(['validate', dir, '--schema', schema, '--no-schematron', '--format', 'json'], repoRoot);
  const messages = JSON.parse(run.stdout) as Diagnostic[];
  const lines = new Map<string, Set<number>>(
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => [f, new Set()]),
  );
  for (const m of messages)
    if (m.severity === 'error' && m.position.line !== undefined) lines.get(basename(m.position.file))?.add(m.position.line);
  return { lines: new Map([...lines].map(([f, set]) => [f, [...set].sort((a, b) => a - b)])), messages, code: run.code };
}

/** The 30 files, with the external DOCTYPE of the three Casebooks files removed (the line count kept). */
function copiesWithoutDoctype(names: readonly string[]): string {
  const copies = tempDir();
  for (const name of names) {
    const xml = readFileSync(join(realDir, name), 'utf8');
    writeFileSync(
      join(copies, name),
      withDoctype(name) ? xml.replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/, (d) => '\n'.repeat(d.split('\n').length - 1)) : xml,
    );
  }
  return copies;
}

function realFileNames(): string[] {
  requireShared(realDir);
  return readdirSync(realDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

test('tei-real: verdicts and error lines agree with jing on all 30 files', { skip: skipWithoutJing() }, () => {
  const names = realFileNames();
  assert.equal(names.length, 30);
  const copies = copiesWithoutDoctype(names);
  const jing = jingErrorLines(names.map((n) => join(copies, n)));

  const asIs = ourErrorLines(realDir);
  assert.equal(asIs.code, 1, 'some files are invalid: exit 1');
  const stripped = ourErrorLines(copies);
  const disagreements: string[] = [];
  for (const name of names) {
    const expected = jing.get(name) ?? [];
    const ours = stripped.lines.get(name) ?? [];
    if ((expected.length === 0) !== (ours.length === 0))
      disagreements.push(`${name}: jing says ${expected.length === 0 ? 'valid' : 'invalid'}, tei-edition the opposite`);
    else if (expected.join(',') !== ours.join(','))
      disagreements.push(`${name}: error lines differ\n  jing:        ${expected.join(' ')}\n  tei-edition: ${ours.join(' ')}`);
    // As is, the same verdict (the Casebooks DOCTYPE is refused where jing fails on the missing DTD).
    const asIsInvalid =
      (asIs.lines.get(name) ?? []).length > 0 || asIs.messages.some((m) => basename(m.position.file) === name && m.severity === 'error');
    if (asIsInvalid !== (expected.length > 0 || withDoctype(name))) disagreements.push(`${name}: as-is verdict differs`);
  }
  assert.deepEqual(disagreements, []);
  const valid = names.filter((n) => (jing.get(n) ?? []).length === 0);
  assert.equal(valid.length, 18, 'PROVENANCE.md: 18 valid, 12 invalid');
  for (const name of names.filter(withDoctype)) {
    const refusal = asIs.messages.find((m) => basename(m.position.file) === name);
    assert.equal(refusal?.rule, 'tei-edition/doctype-refused');
    assert.match(refusal?.message ?? '', /external DTD "\.\.\/schema\/entities\.dtd"/);
  }
});

/**
 * Two more schemas on the same files: tei_lite.rng (thousands of errors: a hard test of recovery)
 * and tei_all 4.11.0 with `tei_`-prefixed define names. Verdicts agree on every file; every line
 * tei-edition reports, jing reports too; the only lines jing reports in addition repeat jing's
 * previous message unchanged: jing re-issues its last message at the end tag of each child of an
 * element it does not know (its matcher fails there without setting a new message), which
 * tei-edition does not imitate.
 */
for (const schemaName of ['tei_lite.rng', 'tei_all_4.11.0_prefixed.rng']) {
  test(
    `tei-real against ${schemaName}: same verdicts and lines as jing, apart from jing's repeated messages`,
    { skip: skipWithoutJing() },
    () => {
      const schema = requireShared(join(sharedDir, 'reference', schemaName));
      const names = realFileNames();
      const copies = copiesWithoutDoctype(names);
      const run = spawnSync('jing', [schema, ...names.map((n) => join(copies, n))], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const ours = ourErrorLines(copies, schema).lines;
      const problems: string[] = [];
      const onlyJing = new Map<string, Set<number>>();
      const previous = new Map<string, string>();
      const jingLines = new Map<string, Set<number>>(names.map((n) => [n, new Set()]));
      for (const line of run.stdout.split('\n')) {
        const m = /^(.*?):(\d+):(\d+): error: (.*)$/.exec(line);
        if (!m) continue;
        const file = basename(m[1] ?? '');
        const at = Number(m[2]);
        jingLines.get(file)?.add(at);
        const repeated = previous.get(file) === m[4];
        if (!(ours.get(file) ?? []).includes(at)) {
          onlyJing.set(file, (onlyJing.get(file) ?? new Set()).add(at));
          // The listed reason, checked: each of these lines repeats jing's message before it.
          if (!repeated) problems.push(`${file}:${at}: only jing reports an error here: ${m[4]?.slice(0, 100) ?? ''}`);
        }
        previous.set(file, m[4] ?? '');
      }
      for (const name of names) {
        const theirs = jingLines.get(name) ?? new Set<number>();
        for (const at of ours.get(name) ?? []) if (!theirs.has(at)) problems.push(`${name}:${at}: only tei-edition reports an error here`);
        if ((theirs.size === 0) !== ((ours.get(name) ?? []).length === 0)) problems.push(`${name}: the verdicts differ`);
      }
      assert.deepEqual(problems.slice(0, 20), []);
      const listed = Object.fromEntries(Object.entries(exceptions.onlyJingReports[schemaName] ?? {}).map(([file, e]) => [file, e.lines]));
      const found = Object.fromEntries([...onlyJing].sort(([a], [b]) => a.localeCompare(b)).map(([file, lines]) => [file, lines.size]));
      assert.deepEqual(
        found,
        listed,
        `lines only jing reports, per file, against ${schemaName}: update ${exceptionsFile} (an entry that no longer holds is removed)`,
      );
    },
  );
}
