/**
 * The edition's Schematron rules (schemas/tei-edition.sch), each against its fixture folder
 * test/fixtures/schematron/<id>/: pass.xml gives no message at all; fail.xml gives messages of
 * that rule only, compared with expected.messages.txt (UPDATE=1 rewrites it). Every assert and
 * report of the schema has a folder, and every folder a rule. The sample edition, converted in
 * memory, gives no message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileSchematron, type CompiledSchematron } from '../../../src/validate/schematron/compile-schematron.js';
import { runSchematron } from '../../../src/validate/schematron/run-schematron.js';
import { formatDiagnostic } from '../../../src/lib/diagnostics/format.js';
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';
import { registerFiles } from '../../../src/lib/registers/register-files.js';
import { assertGolden } from '../../support/golden.js';
import { fixturesDir, repoRoot } from '../../support/paths.js';
import { convertSample, sampleConfig } from '../../support/sample-edition.js';

const schFile = join(repoRoot, 'schemas', 'tei-edition.sch');
const folders = join(fixturesDir, 'schematron');

function compileEditionSchema(): CompiledSchematron {
  const { schematron, messages } = compileSchematron(readFileSync(schFile, 'utf8'), 'schemas/tei-edition.sch');
  if (schematron === undefined || messages.length > 0)
    throw new Error(`schemas/tei-edition.sch does not compile:\n${messages.map(formatDiagnostic).join('\n')}`);
  return schematron;
}

const schematron = compileEditionSchema();

function repoPath(path: string): string {
  return relative(repoRoot, path).split(sep).join('/');
}

/** Runs the rules on a file as the CLI would (absolute path), messages naming it relative to the repository. */
async function validate(path: string, xml = readFileSync(path, 'utf8')): Promise<Diagnostic[]> {
  const messages = await runSchematron(schematron, xml, path);
  return messages.map((m) => ({ ...m, position: { ...m.position, file: repoPath(path) } }));
}

/** The ids of the asserts and reports, read from the .sch text itself. */
function idsInSchemaText(): string[] {
  const text = readFileSync(schFile, 'utf8').replace(/<!--[\s\S]*?-->/gu, '');
  return [...text.matchAll(/<(?:assert|report)\b[^>]*\bid="([^"]+)"/gu)].map((m) => m[1] ?? '');
}

test('the schema compiles without messages; its rule ids are the ids of its asserts and reports', () => {
  assert.deepEqual(schematron.ruleIds, idsInSchemaText());
  assert.ok(schematron.ruleIds.length >= 9);
});

test('every rule of the schema has a fixture folder, and every folder a rule', () => {
  const existing = readdirSync(folders, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const id of idsInSchemaText()) {
    for (const file of ['pass.xml', 'fail.xml'])
      assert.ok(existsSync(join(folders, id, file)), `rule ${id}: test/fixtures/schematron/${id}/${file} is missing`);
  }
  assert.deepEqual(existing, [...idsInSchemaText()].sort(), 'fixture folders and rule ids differ');
});

for (const id of idsInSchemaText()) {
  const folder = join(folders, id);
  if (!existsSync(folder)) continue;

  test(`${id}: pass.xml gives no message`, async () => {
    const messages = await validate(join(folder, 'pass.xml'));
    assert.deepEqual(messages.map(formatDiagnostic), []);
  });

  test(`${id}: fail.xml gives the expected messages of this rule`, async () => {
    const messages = await validate(join(folder, 'fail.xml'));
    assert.ok(messages.length > 0, 'fail.xml gives no message');
    assert.deepEqual([...new Set(messages.map((m) => m.rule))], [`tei-edition/${id}`], 'fail.xml gives messages of other rules');
    for (const m of messages)
      assert.ok(
        m.position.line !== undefined && m.position.column !== undefined && m.position.xpath?.startsWith('/TEI'),
        formatDiagnostic(m),
      );
    assertGolden(messages.map((m) => `${formatDiagnostic(m)}\n`).join(''), join(folder, 'expected.messages.txt'));
  });
}

test('the sample edition (three texts converted in memory, four registers) gives no message', async () => {
  for (const source of sampleConfig().sources) {
    const { xml } = convertSample(source);
    assert.ok(xml !== undefined, `${source.id} converts`);
    const messages = await validate(join(repoRoot, 'tei', `${source.id}.xml`), xml);
    assert.deepEqual(messages.map(formatDiagnostic), [], source.id);
  }
  for (const { defaultPath } of registerFiles) {
    assert.deepEqual((await validate(join(repoRoot, defaultPath))).map(formatDiagnostic), [], defaultPath);
  }
});

test('the sample text whose moved endnote holds <pb n="4"/> before page 1 is fine', async () => {
  const source = sampleConfig().sources.find((s) => s.id.startsWith('1917-10-01'));
  const xml = source === undefined ? undefined : convertSample(source).xml;
  assert.ok(xml?.includes('<pb n="4"/>') && xml.indexOf('<pb n="4"/>') < xml.indexOf('<pb n="1"/>'), 'the sample still has the case');
  assert.deepEqual(await validate(join(repoRoot, 'tei', 'letter.xml'), xml), []);
});
