/**
 * Portability: schemas/tei-edition.sch run by SchXslt on Saxon-HE (the usual way TEI projects
 * run Schematron) gives the same verdict and the same failed rules, on the same elements, as the
 * toolkit's engine, on every file of test/fixtures/schematron/ (pass.xml, fail.xml and the
 * registers beside them) and on the sample edition converted by `convert`. Compared per file:
 * the sorted list of (rule id, role, element), SVRL's location of an attribute or text taken as
 * its element's, as the engine reports them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSchematron, type CompiledSchematron } from '../../../src/validate/schematron/compile-schematron.js';
import { runSchematron } from '../../../src/validate/schematron/run-schematron.js';
import { evaluate, parseDocument } from '../../../src/validate/schematron/saxon.js';
import { loadValidationSetup } from '../../../src/validate/validation-setup.js';
import { fixturesDir, repoRoot, requireShared, sharedDir, teiAllSchema } from '../../support/paths.js';
import { runTeiEdition, sampleEditionCopy, tempDir } from '../../support/run-cli.js';
import { compileWithSchxslt, runSchxslt } from './schxslt.js';
import { skipWithoutSaxon } from './schxslt.js';

const schFile = join(repoRoot, 'schemas', 'tei-edition.sch');
const skip = skipWithoutSaxon();

function ourSchema(): CompiledSchematron {
  const { schematron, messages } = compileSchematron(readFileSync(schFile, 'utf8'), schFile);
  assert.deepEqual(messages, []);
  assert.ok(schematron);
  return schematron;
}

/** `rule-id role /TEI/text[1]/body[1]/p[2]` per finding, sorted. */
async function ours(schematron: CompiledSchematron, folder: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const messages = await runSchematron(schematron, readFileSync(join(folder, name), 'utf8'), join(folder, name));
    found.set(name, messages.map((m) => `${m.rule.replace(/^tei-edition\//u, '')} ${m.severity} ${m.position.xpath ?? ''}`).sort());
  }
  return found;
}

/** SVRL's location → the engine's element path: no index on the root, an attribute's or a text's element. */
function elementPath(location: string): string {
  return location.replace(/\/(?:@[^/]+|text\(\)(?:\[\d+\])?)$/u, '').replace(/^\/([^/[]+)\[1\]/u, '/$1');
}

async function theirs(folder: string, work: string, schema = schFile): Promise<Map<string, string[]>> {
  const xsl = join(work, 'tei-edition.xsl');
  compileWithSchxslt(schema, xsl);
  const svrl = await runSchxslt(xsl, folder, join(work, 'svrl'));
  return new Map([...svrl].map(([name, findings]) => [name, findings.map((f) => `${f.id} ${f.role} ${elementPath(f.location)}`).sort()]));
}

/** Every fixture file in one folder: `<rule>__pass.xml`, `<rule>__fail.xml`, and the registers (the same in every folder). */
function flatFixtures(): string {
  const folder = join(tempDir(), 'fixtures');
  mkdirSync(folder);
  const root = join(fixturesDir, 'schematron');
  for (const rule of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, rule)).filter((f) => f.endsWith('.xml'))) {
      cpSync(join(root, rule, file), join(folder, file === 'pass.xml' || file === 'fail.xml' ? `${rule}__${file}` : file));
    }
  }
  return folder;
}

test('tei-edition.sch on SchXslt and on the engine: the same failed rules on the same elements, on every fixture', { skip }, async () => {
  const folder = flatFixtures();
  const expected = await theirs(folder, tempDir());
  const found = await ours(ourSchema(), folder);
  assert.deepEqual([...found.keys()], [...expected.keys()]);
  for (const [name, list] of found) assert.deepEqual(list, expected.get(name), `${name}: the engine and SchXslt differ`);
  const failing = [...found].filter(([name]) => name.endsWith('__fail.xml'));
  assert.ok(failing.length >= 9 && failing.every(([, list]) => list.length > 0), 'every fail.xml fails, in both');
  assert.ok(
    [...found].filter(([name]) => name.endsWith('__pass.xml')).every(([, list]) => list.length === 0),
    'every pass.xml passes, in both',
  );
});

test(
  'tei-edition.sch on SchXslt and on the engine: the same verdict on the converted sample edition (texts and registers)',
  { skip },
  async () => {
    const edition = sampleEditionCopy();
    const convert = runTeiEdition(['convert'], edition);
    assert.equal(convert.code, 0, convert.stderr);
    const folder = join(tempDir(), 'tei');
    mkdirSync(folder);
    for (const file of readdirSync(join(edition, 'tei')).filter((f) => f.endsWith('.xml')))
      cpSync(join(edition, 'tei', file), join(folder, file));
    const expected = await theirs(folder, tempDir());
    const found = await ours(ourSchema(), folder);
    assert.ok(found.size >= 7, `texts and registers: ${[...found.keys()].join(', ')}`);
    assert.deepEqual(found, expected);
  },
);

/** The Schematron embedded in tei_all.rng as a .sch file for SchXslt: every sch:ns, sch:let and sch:pattern, in order. */
async function teiAllEmbeddedSch(path: string): Promise<void> {
  const rng = await parseDocument(readFileSync(requireShared(teiAllSchema), 'utf8'), 'urn:tei_all');
  const parts = evaluate(
    "//sch:*[local-name() = ('ns', 'let', 'pattern')][not(ancestor::sch:*)] ! serialize(.)",
    rng,
    { sch: 'http://purl.oclc.org/dsdl/schematron' },
    {},
  ).map(String);
  writeFileSync(path, `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">\n${parts.join('\n')}\n</schema>\n`);
}

test(
  "tei_all.rng's embedded Schematron on SchXslt and on the engine: the same findings on the same elements, on every real TEI file",
  { skip },
  async () => {
    const work = tempDir();
    const folder = join(work, 'real');
    mkdirSync(folder);
    const realDir = join(sharedDir, 'reference', 'tei-real');
    // The Casebooks files declare an external DTD (refused by validate, missing for Saxon): compared without it.
    for (const name of readdirSync(requireShared(realDir)).filter((f) => f.endsWith('.xml'))) {
      writeFileSync(join(folder, name), readFileSync(join(realDir, name), 'utf8').replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/u, ''));
    }
    const sch = join(work, 'tei_all.sch');
    await teiAllEmbeddedSch(sch);
    const expected = await theirs(folder, work, sch);
    const { setup } = await loadValidationSetup({ schema: teiAllSchema, schematron: null });
    const schematron = setup?.schematrons[0];
    assert.ok(schematron);
    const found = new Map<string, string[]>();
    for (const name of [...expected.keys()]) {
      const messages = await runSchematron(schematron, readFileSync(join(folder, name), 'utf8'), join(folder, name));
      found.set(name, messages.map((m) => m.position.xpath ?? '').sort());
    }
    const theirPlaces = new Map([...expected].map(([name, list]) => [name, list.map((l) => l.slice(l.lastIndexOf(' ') + 1)).sort()]));
    assert.equal(found.size, 30);
    assert.deepEqual(found, theirPlaces);
  },
);
