/**
 * Conformance with jing, the reference RELAX NG validator, on 30 real TEI files from 13 projects
 * (../shared/reference/tei-real/) against the official tei_all.rng: the verdict (valid or not)
 * must agree on every file, and the errors must be on the same lines.
 *
 * The three Casebooks files declare an external DTD: jing stops with a fatal error (the DTD is
 * not there), tei-edition refuses the DOCTYPE (it never fetches a DTD): both say invalid. Their
 * schema errors are then compared on copies with the DOCTYPE removed, as PROVENANCE.md does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { skipWithoutJing } from '../support/jing.js';
import { repoRoot, requireShared, sharedDir, teiAllSchema } from '../support/paths.js';
import { runTeiEdition, tempDir } from '../support/run-cli.js';

const realDir = join(sharedDir, 'reference', 'tei-real');
const withDoctype = (name: string): boolean => name.startsWith('casebooks__');

/** file name → sorted distinct error lines, from jing's `file:line:col: error: …` output. */
function jingErrorLines(files: readonly string[]): Map<string, number[]> {
  const run = spawnSync('jing', [teiAllSchema, ...files], { encoding: 'utf8' });
  const lines = new Map<string, Set<number>>(files.map((f) => [basename(f), new Set()]));
  for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): error:/.exec(line);
    if (m) lines.get(basename(m[1] ?? ''))?.add(Number(m[2]));
  }
  return new Map([...lines].map(([f, set]) => [f, [...set].sort((a, b) => a - b)]));
}

function ourErrorLines(dir: string): { lines: Map<string, number[]>; messages: Diagnostic[]; code: number } {
  const run = runTeiEdition(['validate', dir, '--schema', teiAllSchema, '--format', 'json'], repoRoot);
  const messages = JSON.parse(run.stdout) as Diagnostic[];
  const lines = new Map<string, Set<number>>(readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => [f, new Set()]));
  for (const m of messages) if (m.severity === 'error' && m.position.line !== undefined) lines.get(basename(m.position.file))?.add(m.position.line);
  return { lines: new Map([...lines].map(([f, set]) => [f, [...set].sort((a, b) => a - b)])), messages, code: run.code };
}

test('tei-real: verdicts and error lines agree with jing on all 30 files', { skip: skipWithoutJing() }, () => {
  requireShared(realDir);
  const names = readdirSync(realDir).filter((f) => f.endsWith('.xml')).sort();
  assert.equal(names.length, 30);
  // jing on copies, with the external DOCTYPE removed from the three files that have one.
  const copies = tempDir();
  for (const name of names) {
    const xml = readFileSync(join(realDir, name), 'utf8');
    writeFileSync(join(copies, name), withDoctype(name) ? xml.replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/, (d) => '\n'.repeat(d.split('\n').length - 1)) : xml);
  }
  const jing = jingErrorLines(names.map((n) => join(copies, n)));

  const asIs = ourErrorLines(realDir);
  assert.equal(asIs.code, 1, 'some files are invalid: exit 1');
  const stripped = ourErrorLines(copies);
  const disagreements: string[] = [];
  for (const name of names) {
    const expected = jing.get(name) ?? [];
    const ours = stripped.lines.get(name) ?? [];
    if ((expected.length === 0) !== (ours.length === 0)) disagreements.push(`${name}: jing says ${expected.length === 0 ? 'valid' : 'invalid'}, tei-edition the opposite`);
    else if (expected.join(',') !== ours.join(',')) disagreements.push(`${name}: error lines differ\n  jing:        ${expected.join(' ')}\n  tei-edition: ${ours.join(' ')}`);
    // As is, the same verdict (the Casebooks DOCTYPE is refused where jing fails on the missing DTD).
    const asIsInvalid = (asIs.lines.get(name) ?? []).length > 0 || asIs.messages.some((m) => basename(m.position.file) === name && m.severity === 'error');
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
