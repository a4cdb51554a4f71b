/**
 * Schematron embedded in a RELAX NG schema (sch:ns and sch:pattern inside the grammar, as TEI's
 * ODD-generated schemas carry them): `validate --schema file.rng` runs them, as oXygen does,
 * unless --no-schematron. A pattern the engine cannot run is one warning naming it; the others
 * run. tei_all.rng: every one of its patterns compiles, and what they report on the real TEI
 * files of ../shared/reference/tei-real/ is a golden file (the same as SchXslt reports, see the
 * portability test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';
import { loadValidationSetup } from '../../../src/validate/validation-setup.js';
import { validateFiles } from '../../../src/validate/validate-file.js';
import { assertGolden } from '../../support/golden.js';
import { fixturesDir, requireShared, sharedDir, teiAllSchema } from '../../support/paths.js';
import { runTeiEdition, tempDir } from '../../support/run-cli.js';

const realDir = join(sharedDir, 'reference', 'tei-real');

/** A grammar for <doc> with <p> children, carrying two patterns (one broken when `broken`). */
function grammarWithRules(broken: boolean): string {
  return `<?xml version="1.0"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <start>
    <element name="doc"><zeroOrMore><element name="p"><optional><attribute name="n"/></optional><text/></element></zeroOrMore></element>
    <sch:ns prefix="x" uri="urn:x"/>
  </start>
  <sch:pattern id="p-has-text">
    <sch:rule context="p"><sch:assert test="normalize-space()" role="nonfatal">&lt;<sch:name/>&gt; is empty: expected some text</sch:assert></sch:rule>
  </sch:pattern>
  <define name="unused"><element name="q"><empty/></element>
    <sch:pattern id="p-numbered">
      <sch:rule context="p[@n]"><sch:report test="${broken ? 'x:no-such-function(.)' : '@n = preceding-sibling::p/@n'}">n="<sch:value-of select="@n"/>" repeats an earlier p</sch:report></sch:rule>
    </sch:pattern>
  </define>
</grammar>
`;
}

/** The message lines of a text report (not the summary line). */
function reported(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '' && !l.startsWith('validate: '));
}

function folderWith(broken: boolean): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'rules.rng'), grammarWithRules(broken));
  writeFileSync(join(dir, 'doc.xml'), '<doc>\n  <p n="1">a</p>\n  <p n="1"/>\n</doc>\n');
  return dir;
}

test('--schema file.rng runs the rules embedded in it, wherever they sit in the grammar; rule ids are <schema name>/<pattern id>', () => {
  const run = runTeiEdition(['validate', 'doc.xml', '--schema', 'rules.rng'], folderWith(false));
  assert.equal(run.code, 1);
  assert.deepEqual(reported(run.stdout + run.stderr), [
    'doc.xml:3:3  error  n="1" repeats an earlier p  rules/p-numbered',
    'doc.xml:3:3  warning  <p> is empty: expected some text  rules/p-has-text',
  ]);
});

test('--no-schematron turns the embedded rules off', () => {
  const run = runTeiEdition(['validate', 'doc.xml', '--schema', 'rules.rng', '--no-schematron'], folderWith(false));
  assert.equal(run.code, 0);
  assert.deepEqual(reported(run.stdout + run.stderr), []);
});

test('a pattern the engine cannot run is reported once, by its id, at the pattern; the other patterns run', () => {
  const run = runTeiEdition(['validate', 'doc.xml', '--schema', 'rules.rng'], folderWith(true));
  assert.equal(run.code, 0);
  const lines = reported(run.stdout + run.stderr);
  assert.equal(lines.length, 2, run.stdout);
  assert.match(lines[0] ?? '', /^doc\.xml:3:3 {2}warning {2}<p> is empty: expected some text {2}rules\/p-has-text$/u);
  assert.match(
    lines[1] ?? '',
    /^rules\.rng:11:5 {2}warning {2}the Schematron pattern “p-numbered” cannot be run by this engine, so its rules are not checked: @test “x:no-such-function\(\.\)” is not a valid XPath 3\.1 expression here: .+\(line 12, column 33\) {2}tei-edition\/schematron-unsupported$/u,
  );
});

test('tei_all.rng: every embedded pattern compiles (none left out)', async () => {
  const { setup, messages } = await loadValidationSetup({ schema: requireShared(teiAllSchema), schematron: null });
  assert.deepEqual(messages, []);
  const patterns = setup?.schematrons[0]?.patterns ?? [];
  const inSchemaText =
    readFileSync(teiAllSchema, 'utf8').match(
      /<(?:sch:)?pattern\b[^>]*xmlns(?::sch)?="http:\/\/purl\.oclc\.org\/dsdl\/schematron"|<sch:pattern\b/gu,
    ) ?? [];
  assert.equal(patterns.length, inSchemaText.length);
  assert.equal(patterns.length, 93);
});

test("tei_all.rng's embedded rules on the real TEI files: messages per file and rule (golden)", async () => {
  const { setup } = await loadValidationSetup({ schema: teiAllSchema, schematron: null });
  assert.ok(setup);
  const names = readdirSync(requireShared(realDir))
    .filter((f) => f.endsWith('.xml'))
    .sort();
  // The Casebooks files declare an external DTD, which validate refuses: their rules run on the text without the DOCTYPE.
  const withoutDoctype = (text: string): string =>
    text.replace(/<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>/u, (d) => '\n'.repeat(d.split('\n').length - 1));
  const files = names.map((name) => ({
    bytes: Buffer.from(withoutDoctype(readFileSync(join(realDir, name), 'utf8'))),
    path: join(realDir, name),
    shown: name,
  }));
  const results = await validateFiles(files, setup);
  const lines = names.map((name, i) => `${name}: ${summary(results[i] ?? [])}`);
  assertGolden(`${lines.join('\n')}\n`, join(fixturesDir, 'schematron-tei-real', 'tei_all-embedded.txt'));
});

/** `3 tei_all/…-rule-9 (error)`, per rule, or `none`. */
function summary(messages: readonly Diagnostic[]): string {
  const fatal = messages.find((m) => m.fatal);
  assert.equal(fatal, undefined, `every file is read and its rules run: ${fatal?.position.file} ${fatal?.message}`);
  const counts = new Map<string, number>();
  for (const m of messages.filter((d) => d.rule.startsWith('tei_all/')))
    counts.set(`${m.rule} (${m.severity})`, (counts.get(`${m.rule} (${m.severity})`) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([rule, n]) => `${n} ${rule}`).join(', ');
}
