/**
 * The Schematron conformance suite (../shared/reference/schematron-conformance/, David Maus's
 * test cases for ISO Schematron 2016): each case gives documents, one or more schemas and the
 * expected verdict — valid (no failed assert or successful report), invalid, or error (the schema
 * cannot be used). Every schema of a case is compiled as other people's Schematron is (not
 * strict) and run on the primary document; the verdict must be the expected one. For the SVRL
 * cases, expectations about the message text are checked on a minimal SVRL report built from the
 * messages. A case the engine does not support is listed, with the reason, in
 * test/fixtures/schematron-conformance-skips.json; its test asserts that it still fails (so a
 * listed case that passes fails the test: the list must shrink when the engine grows), its name
 * gives the reason, and the summary counts it. Nothing is skipped silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileSchematron } from '../../../src/validate/schematron/compile-schematron.js';
import { runSchematron } from '../../../src/validate/schematron/run-schematron.js';
import { evaluate, parseDocument } from '../../../src/validate/schematron/saxon.js';
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';
import { fixturesDir, requireShared, sharedDir } from '../../support/paths.js';
import { tempDir } from '../../support/run-cli.js';

const suiteDir = join(sharedDir, 'reference', 'schematron-conformance', 'tests');
const skips = JSON.parse(readFileSync(join(fixturesDir, 'schematron-conformance-skips.json'), 'utf8')) as Record<string, string>;
const TESTCASE_NS = 'tag:dmaus@dmaus.name,2019:Schematron:Testsuite';

type Verdict = 'valid' | 'invalid' | 'error';

interface TestCase {
  readonly id: string;
  readonly expect: Verdict;
  readonly documents: readonly { readonly filename: string; readonly xml: string }[];
  readonly schemas: readonly string[];
  /** The phase to run, when the case names one. */
  readonly phase?: string;
  /** XPath tests on the SVRL report (namespace prefix svrl). */
  readonly expectations: readonly string[];
}

async function readCase(path: string): Promise<TestCase> {
  const document = await parseDocument(readFileSync(path, 'utf8'), pathToFileURL(path).href);
  const ns = { t: TESTCASE_NS };
  const one = (xpath: string): string => String(evaluate(xpath, document, ns, {})[0] ?? '');
  const all = (xpath: string): string[] => evaluate(xpath, document, ns, {}).map(String);
  const names = all('/t:testcase/t:documents/*/@filename/string()');
  const texts = all('/t:testcase/t:documents/*/serialize(*)');
  return {
    id: one('/t:testcase/@id/string()'),
    expect: (one('/t:testcase/@expect/string()') || 'valid') as Verdict,
    documents: names.map((filename, i) => ({ filename, xml: texts[i] ?? '' })),
    schemas: all('/t:testcase/t:schemas/*/serialize(.)'),
    ...(one('/t:testcase/t:schemas/@phase/string()') === '' ? {} : { phase: one('/t:testcase/t:schemas/@phase/string()') }),
    expectations: all('/t:testcase/t:expectations/t:expectation/@test/string()'),
  };
}

/** The verdict of one schema on the primary document, and its messages. */
async function verdictOf(schema: string, testCase: TestCase): Promise<{ verdict: Verdict; messages: Diagnostic[] }> {
  const dir = tempDir();
  for (const d of testCase.documents) {
    mkdirSync(join(dir, d.filename, '..'), { recursive: true });
    writeFileSync(join(dir, d.filename), d.xml);
  }
  const schFile = join(dir, 'schema.sch');
  writeFileSync(schFile, schema);
  const compiled = compileSchematron(schema, schFile, {
    strict: false,
    ruleSet: testCase.id,
    ...(testCase.phase === undefined ? {} : { phase: testCase.phase }),
  });
  if (compiled.schematron === undefined) return { verdict: 'error', messages: compiled.messages };
  const primary = testCase.documents[0];
  assert.ok(primary);
  const messages = await runSchematron(compiled.schematron, primary.xml, join(dir, primary.filename));
  if (messages.some((m) => m.rule === 'tei-edition/schematron-runtime')) return { verdict: 'error', messages };
  return { verdict: messages.length > 0 ? 'invalid' : 'valid', messages };
}

/** A minimal SVRL report: one svrl:successful-report or svrl:failed-assert per message, with its text. */
async function svrlOf(messages: readonly Diagnostic[], schema: string): Promise<unknown> {
  const escape = (t: string): string => t.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const reports = /<(?:\w+:)?report\b/u.test(schema) && !/<(?:\w+:)?assert\b/u.test(schema);
  const element = reports ? 'svrl:successful-report' : 'svrl:failed-assert';
  const body = messages.map((m) => `<${element}><svrl:text>${escape(m.message)}</svrl:text></${element}>`).join('');
  return parseDocument(`<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl">${body}</svrl:schematron-output>`, 'urn:svrl');
}

/** What is wrong with the engine's result on a case, or undefined when it passes. */
async function failure(testCase: TestCase): Promise<string | undefined> {
  for (const [i, schema] of testCase.schemas.entries()) {
    const { verdict, messages } = await verdictOf(schema, testCase);
    const said = messages.map((m) => `${m.rule}: ${m.message}`).join('; ');
    if (verdict !== testCase.expect) return `schema ${i + 1}: ${verdict}, expected ${testCase.expect}${said === '' ? '' : ` (${said})`}`;
    const svrl = testCase.expectations.length === 0 ? undefined : await svrlOf(messages, schema);
    for (const expectation of testCase.expectations) {
      const [ok] = evaluate(`boolean(${expectation})`, svrl as never, { svrl: 'http://purl.oclc.org/dsdl/svrl' }, {});
      if (ok !== true) return `schema ${i + 1}: the SVRL expectation ${expectation} does not hold (${said})`;
    }
  }
  return undefined;
}

const files = ['core', 'svrl'].flatMap((group) =>
  readdirSync(join(requireShared(suiteDir), group))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => join(suiteDir, group, f)),
);
const results = { passed: 0, unsupported: 0 };

for (const file of files) {
  const testCase = await readCase(file);
  const reason = skips[testCase.id];
  if (reason === undefined) {
    test(`conformance ${testCase.id} (expect ${testCase.expect})`, async () => {
      assert.equal(await failure(testCase), undefined);
      results.passed += 1;
    });
  } else {
    test(`conformance ${testCase.id}: not supported, and still fails (${reason})`, async () => {
      assert.notEqual(
        await failure(testCase),
        undefined,
        `${testCase.id} passes now: remove it from test/fixtures/schematron-conformance-skips.json`,
      );
      results.unsupported += 1;
    });
  }
}

test('every skip names a case of the suite', async () => {
  const ids = await Promise.all(files.map(async (f) => (await readCase(f)).id));
  assert.deepEqual(
    Object.keys(skips).filter((id) => !ids.includes(id)),
    [],
  );
});

test('summary', (t) => {
  t.diagnostic(
    `Schematron conformance suite: ${files.length} cases, ${results.passed} passed, ${results.unsupported} not supported (listed with the reason of each in test/fixtures/schematron-conformance-skips.json)`,
  );
  assert.equal(results.passed + results.unsupported, files.length);
});
