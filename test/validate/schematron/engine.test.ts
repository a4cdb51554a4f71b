/**
 * The in-process Schematron engine on small schemas: ISO semantics (first matching rule, assert
 * and report, lets at three levels, value-of, name, diagnostics, roles), positions, doc() over
 * the files beside the document (read once per run), runtime errors, and the XPath rewriting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSchematron, type CompiledSchematron } from '../../../src/validate/schematron/compile-schematron.js';
import { batchExpression, batchParams, runSchematron, runSchematronBatch } from '../../../src/validate/schematron/run-schematron.js';
import { evaluate, parseDocument } from '../../../src/validate/schematron/saxon.js';
import { functionLets } from '../../../src/validate/schematron/environment.js';
import { readSchema } from '../../../src/validate/schematron/read-schema.js';
import { readSchTree } from '../../../src/validate/schematron/sch-tree.js';
import { isInlineFunction, referencedVariables, rewriteXPath } from '../../../src/validate/schematron/xpath-text.js';
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';

const TEI = 'http://www.tei-c.org/ns/1.0';

function schema(body: string): string {
  return `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <ns prefix="tei" uri="${TEI}"/>
${body}
</schema>`;
}

function compile(body: string, file = 'test.sch'): CompiledSchematron {
  const { schematron, messages } = compileSchematron(schema(body), file);
  assert.deepEqual(messages, []);
  assert.ok(schematron);
  return schematron;
}

function tei(body: string): string {
  return `<TEI xmlns="${TEI}">\n<text>\n<body>\n${body}\n</body>\n</text>\n</TEI>\n`;
}

function brief(messages: readonly Diagnostic[]): string[] {
  return messages.map(
    (m) => `${m.position.line}:${m.position.column} ${m.severity} ${m.rule} ${m.message}${m.hint === undefined ? '' : ` | ${m.hint}`}`,
  );
}

test('within a pattern, a node is handled by the first rule whose context matches; another pattern sees it again', async () => {
  const s = compile(`  <pattern>
    <rule context="tei:p[@n]"><report id="numbered" test="true()">numbered <value-of select="@n"/></report></rule>
    <rule context="tei:p"><report id="plain" test="true()">plain</report></rule>
  </pattern>
  <pattern>
    <rule context="tei:p"><assert id="has-text" role="warning" test="normalize-space()">empty &lt;<name/>&gt;</assert></rule>
  </pattern>`);
  const messages = await runSchematron(s, tei('<p n="1">a</p>\n<p>b</p>\n<p n="2"/>'), 'doc.xml');
  assert.deepEqual(brief(messages), [
    '4:1 error tei-edition/numbered numbered 1',
    '5:1 error tei-edition/plain plain',
    '6:1 error tei-edition/numbered numbered 2',
    '6:1 warning tei-edition/has-text empty <p>',
  ]);
});

test('lets at schema, pattern and rule level; current(); name with a path; diagnostics as the hint; roles', async () => {
  const s = compile(`  <let name="limit" value="2"/>
  <let name="twice" value="function($x as xs:integer) as xs:integer { $x * 2 }"/>
  <pattern>
    <let name="count" value="count(//tei:p)"/>
    <rule context="tei:p">
      <let name="words" value="count(tokenize(normalize-space(current())))"/>
      <assert id="short" role="info" test="$words le $limit" diagnostics="how">&lt;<name path=".."/>&gt;/<name/> has <value-of select="$words"/> words of <value-of select="$twice($count)"/> allowed</assert>
    </rule>
  </pattern>
  <diagnostics><diagnostic id="how">cut it after word <value-of select="$limit"/></diagnostic></diagnostics>`);
  const messages = await runSchematron(s, tei('<p>un deux trois</p>\n<p>un</p>'), 'doc.xml');
  assert.deepEqual(brief(messages), ['4:1 info tei-edition/short <body>/p has 3 words of 4 allowed | cut it after word 2']);
});

test('positions: an attribute points at its element, a text at its parent, the document at the root; columns count code points', async () => {
  const s = compile(`  <pattern><rule context="@when"><report id="when" test="true()">when</report></rule></pattern>
  <pattern><rule context="tei:hi/text()"><report id="text" test="true()">text</report></rule></pattern>
  <pattern><rule context="/"><report id="document" test="true()">document</report></rule></pattern>`);
  const xml = `<?xml version="1.0"?>\r\n<TEI xmlns="${TEI}"><text><body>\r\n<p>𝔄𝔅 <date when="1917">x</date> <hi>y</hi></p><p><date when="1918">z</date></p>\r\n</body></text></TEI>`;
  const messages = await runSchematron(s, xml, 'doc.xml');
  assert.deepEqual(
    messages.map((m) => [m.rule, m.position.line, m.position.column, m.position.xpath]),
    [
      ['tei-edition/document', 2, 1, '/TEI'],
      ['tei-edition/when', 3, 7, '/TEI/text[1]/body[1]/p[1]/date[1]'],
      ['tei-edition/text', 3, 34, '/TEI/text[1]/body[1]/p[1]/hi[1]'],
      ['tei-edition/when', 3, 51, '/TEI/text[1]/body[1]/p[2]/date[1]'],
    ],
  );
});

test('doc(): files beside the document, read once per compiled schema; doc-available() for a missing one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-schematron-'));
  try {
    const register = join(dir, 'persons.xml');
    writeFileSync(register, `<TEI xmlns="${TEI}"><text><body><listPerson><person xml:id="a"/></listPerson></body></text></TEI>`);
    const body = `  <pattern>
    <rule context="tei:persName[@ref]">
      <let name="file" value="resolve-uri(substring-before(@ref, '#'), base-uri(.))"/>
      <assert id="found" test="doc-available($file) and exists(id(substring-after(@ref, '#'), doc($file)))"><value-of select="@ref"/> not found</assert>
    </rule>
  </pattern>`;
    const s = compile(body);
    const doc = tei(
      '<p><persName ref="persons.xml#a">A</persName> <persName ref="persons.xml#b">B</persName> <persName ref="missing.xml#a">C</persName></p>',
    );
    const expected = ['4:47 error tei-edition/found persons.xml#b not found', '4:90 error tei-edition/found missing.xml#a not found'];
    assert.deepEqual(brief(await runSchematron(s, doc, join(dir, 'one.xml'))), expected);
    // The register changes on disk: the same compiled schema (one run) keeps what it read.
    writeFileSync(register, `<TEI xmlns="${TEI}"><text><body><listPerson><person xml:id="b"/></listPerson></body></text></TEI>`);
    assert.deepEqual(brief(await runSchematron(s, doc, join(dir, 'two.xml'))), expected);
    // A new run reads it again.
    assert.deepEqual(brief(await runSchematron(compile(body), doc, join(dir, 'three.xml'))), [
      '4:4 error tei-edition/found persons.xml#a not found',
      ...expected.slice(1),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a relative doc() URI resolves against the schema file, as for XSLT compiled from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tei-edition-schematron-'));
  try {
    writeFileSync(join(dir, 'codes.xml'), '<codes><code>ok</code></codes>');
    const s = compile(
      `  <pattern><rule context="tei:p"><assert id="code" test="normalize-space() = doc('codes.xml')//code">unknown code</assert></rule></pattern>`,
      join(dir, 'rules.sch'),
    );
    assert.deepEqual(brief(await runSchematron(s, tei('<p>ok</p>\n<p>ko</p>'), join(tmpdir(), 'elsewhere.xml'))), [
      '5:1 error tei-edition/code unknown code',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a dynamic error: one message naming the pattern; the other patterns still run', async () => {
  const s =
    compile(`  <pattern id="arithmetic"><rule context="tei:p"><assert id="number" test="xs:integer(.) gt 0">not positive</assert></rule></pattern>
  <pattern id="text"><rule context="tei:p"><assert id="short" test="string-length() lt 3">long</assert></rule></pattern>`);
  const messages = await runSchematron(s, tei('<p>12</p>\n<p>abc</p>'), 'doc.xml');
  assert.deepEqual(
    messages.map((m) => [m.rule, m.position.line]),
    [
      ['tei-edition/schematron-runtime', undefined],
      ['tei-edition/short', 5],
    ],
  );
  assert.match(messages[0]?.message ?? '', /pattern “arithmetic” \(test\.sch\) could not be evaluated on this document: .*FORG0001/u);
});

test('rewriting: doc(), doc-available() and current() calls, not names, variables, literals or comments', () => {
  const E = 'Q{urn:x-tei-edition:schematron}';
  assert.equal(rewriteXPath("doc('a.xml')//x"), `$${E}doc('a.xml')//x`);
  assert.equal(rewriteXPath('fn:doc-available ($u) and current()/@n'), `$${E}doc-available ($u) and ($${E}current)/@n`);
  assert.equal(
    rewriteXPath(`$doc(1), 'doc(x)', "current()", (: doc(x) :) tei:doc, doc, tei:doc(), x/doc-x(1)`),
    `$doc(1), 'doc(x)', "current()", (: doc(x) :) tei:doc, doc, tei:doc(), x/doc-x(1)`,
  );
});

test('inline-function lets are made once per run; a let that reads the document is not', () => {
  const text = schema(`  <let name="root-name" value="name(/*)"/>
  <let name="f" value="function($x) { $x + 1 }"/>
  <let name="g" value="function($x as xs:integer) as xs:integer { $f($x) * 2 }"/>
  <let name="h" value="function($x) { $x || $root-name }"/>
  <let name="not-only" value="function($x) { $x }(1)"/>`);
  const tree = readSchTree(text, 't.sch');
  assert.ok(tree.root);
  const { model } = readSchema(tree.root, 't.sch');
  assert.ok(model);
  assert.deepEqual(
    functionLets(model).map((l) => l.name),
    ['f', 'g'],
  );
  assert.equal(isInlineFunction('function($a as map(*)) as xs:string { "}" }'), true);
  assert.deepEqual([...referencedVariables("$a + $b:c + '$d' (: $e :)")], ['a', 'b:c']);
});

test('a batch is one evaluation (its expression compiles: no fallback to one evaluation per document) and gives each document its messages', async () => {
  const s = compile(`  <pattern><rule context="tei:p"><assert id="has-text" test="normalize-space()">empty</assert></rule></pattern>`);
  const documents = [
    await parseDocument(tei('<p/>'), 'file:///a.xml'),
    await parseDocument(tei('<p>x</p>'), 'file:///b.xml'),
    await parseDocument(tei('<p/><p/>'), 'file:///c.xml'),
  ];
  const items = evaluate(batchExpression(s), documents[0]!, s.namespaces, { ...s.environment.params(), ...batchParams(s, documents) });
  assert.deepEqual(
    items.filter((item) => typeof item === 'number'),
    [1, 4, 0, 3, 8, 0, 0],
  );
  const found = await runSchematronBatch(s, [
    { xml: tei('<p/>'), file: 'a.xml' },
    { xml: tei('<p>x</p>'), file: 'b.xml' },
    { xml: tei('<p/><p/>'), file: 'c.xml' },
  ]);
  assert.deepEqual(
    found.map((messages) => messages.map((m) => `${m.position.file}:${m.position.line}:${m.position.column}`)),
    [['a.xml:4:1'], [], ['c.xml:4:1', 'c.xml:4:5']],
  );
});
