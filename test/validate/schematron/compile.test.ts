/**
 * compileSchematron: a schema the engine cannot run gives messages on the .sch file, at the
 * element concerned (line and column of its start tag), and no compiled schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchematron } from '../../../src/validate/schematron/compile-schematron.js';
import { formatDiagnostic } from '../../../src/lib/diagnostics/format.js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';

/** A schema with `body` as its patterns (line 4 is the first line of `body`). */
function schema(body: string, binding = 'xslt3'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="${SCH}" queryBinding="${binding}">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
${body}
</schema>
`;
}

function messagesOf(text: string): string[] {
  const { schematron, messages } = compileSchematron(text, 'schemas/bad.sch');
  if (messages.some((m) => m.severity === 'error')) assert.equal(schematron, undefined, 'no schema is compiled when there are errors');
  return messages.map(formatDiagnostic);
}

test('a valid schema compiles without messages', () => {
  const { schematron, messages } = compileSchematron(
    schema(`  <pattern><rule context="tei:p"><assert id="p-text" test="normalize-space()">empty</assert></rule></pattern>`),
    'ok.sch',
  );
  assert.deepEqual(messages, []);
  assert.deepEqual(schematron?.ruleIds, ['p-text']);
});

test('an invalid XPath in a test: one error on the assert, with its line and column', () => {
  const text = schema(`  <pattern>
    <rule context="tei:p">
      <assert id="broken" test="count(tei:note) &gt;">never</assert>
    </rule>
  </pattern>`);
  const messages = messagesOf(text);
  assert.equal(messages.length, 1);
  assert.match(
    messages[0] ?? '',
    /^schemas\/bad\.sch:6:7 {2}error {2}@test “count\(tei:note\) >” is not a valid XPath 3\.1 expression here: .+ {2}tei-edition\/schematron-schema$/u,
  );
});

test('bad XPath anywhere: context, let, value-of, an unknown prefix, an undeclared variable, an unknown function', () => {
  const text = schema(`  <let name="ok" value="1"/>
  <let name="broken-let" value="(("/>
  <pattern>
    <rule context="tei:p[">
      <assert id="a" test="true()">x</assert>
    </rule>
    <rule context="tei:div">
      <assert id="b" test="$nowhere">x <value-of select="foo:bar"/></assert>
      <report id="c" test="no-such-function()">x</report>
    </rule>
  </pattern>`);
  const lines = messagesOf(text).map((m) => m.replace(/ is not a valid XPath.*$/u, ''));
  assert.deepEqual(lines, [
    'schemas/bad.sch:5:3  error  the value of $broken-let',
    'schemas/bad.sch:7:5  error  @context “tei:p[”',
    'schemas/bad.sch:11:7  error  @test “$nowhere”',
    'schemas/bad.sch:11:40  error  @select',
    'schemas/bad.sch:12:7  error  @test “no-such-function()”',
  ]);
});

test('missing ids, tests and contexts, an unknown role, a duplicate id: one message each', () => {
  const text = schema(`  <pattern>
    <rule context="tei:p">
      <assert test="true()">no id</assert>
      <assert id="x" role="fatal" test="true()">unknown role</assert>
      <report id="x" test="false()">the same id</report>
      <assert id="y">no test</assert>
    </rule>
    <rule>
      <assert id="z" test="true()">no context</assert>
    </rule>
  </pattern>`);
  assert.deepEqual(messagesOf(text), [
    'schemas/bad.sch:6:7  error  <assert> has no @id: every assert and report needs an id: it is the rule id of its messages (tei-edition/<id>)  tei-edition/schematron-schema',
    'schemas/bad.sch:7:7  error  @role="fatal" is not a role this toolkit knows; expected one of error, warning, info (the severity of the message)  tei-edition/schematron-schema',
    'schemas/bad.sch:8:7  error  the id “x” is used twice; ids must be unique in the schema  tei-edition/schematron-schema',
    'schemas/bad.sch:9:7  error  <assert> has no @test: an assert needs an XPath test  tei-edition/schematron-schema',
    'schemas/bad.sch:11:5  error  <rule> has no @context: a rule needs the pattern of the nodes it applies to  tei-edition/schematron-schema',
  ]);
});

test('a query binding other than xslt2/xslt3, and what the engine does not support', () => {
  const text = schema(
    `  <include href="other.sch"/>
  <xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="f"/>
  <pattern abstract="true" id="abstract"><rule context="tei:p"><assert id="a" test="true()">x</assert></rule></pattern>`,
    'xslt',
  );
  const lines = messagesOf(text).map((m) => m.replace(/ {2}tei-edition\/schematron-schema$/u, ''));
  assert.deepEqual(
    lines.map((l) => l.slice(0, l.indexOf('  error'))),
    ['schemas/bad.sch:2:1', 'schemas/bad.sch:5:3', 'schemas/bad.sch:4:3', 'schemas/bad.sch:6:3'],
  );
  assert.match(lines[0] ?? '', /@queryBinding="xslt"; expected queryBinding="xslt3" or "xslt2"/u);
  assert.match(lines[1] ?? '', /xsl:function|<function> \(namespace http:\/\/www\.w3\.org\/1999\/XSL\/Transform\) is not supported/u);
  assert.match(lines[2] ?? '', /<include> is not supported/u);
  assert.match(lines[3] ?? '', /abstract patterns/u);
});

test('a schema that is not well-formed, or not Schematron: one error', () => {
  assert.deepEqual(
    messagesOf('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">\n  <pattern>\n</schema>\n').map((m) =>
      m.slice(0, m.indexOf('  error')),
    ),
    ['schemas/bad.sch:3:10'],
  );
  assert.match(
    messagesOf('<schema xmlns="http://example.org/">\n</schema>\n')[0] ?? '',
    /^schemas\/bad\.sch:1:1 {2}error {2}the root element is <schema> in namespace “http:\/\/example\.org\/”; expected <schema> in http:\/\/purl\.oclc\.org\/dsdl\/schematron/u,
  );
});

test('the pre-ISO namespace http://purl.oclc.org/dml/schematron is refused, naming the ISO one, at the root', () => {
  const text =
    '<?xml version="1.0"?>\n<!-- old -->\n  <schema xmlns="http://purl.oclc.org/dml/schematron" queryBinding="xslt3"><pattern/></schema>\n';
  assert.deepEqual(messagesOf(text), [
    'schemas/bad.sch:3:3  error  the root element is <schema> in namespace “http://purl.oclc.org/dml/schematron”; expected <schema> in http://purl.oclc.org/dsdl/schematron (ISO Schematron)  tei-edition/schematron-schema',
  ]);
});

test("other people's Schematron (not strict): no ids needed (rule, then pattern id, then pattern-<n>), any role, XPath 1.0 binding", () => {
  const text = `<schema xmlns="${SCH}">
  <pattern id="p1"><rule context="p"><assert test="true()" role="nonfatal">a</assert></rule></pattern>
  <pattern><rule id="r2" context="p"><report test="true()" role="Fatal">b</report></rule><rule context="q"><report id="own" test="true()" role="whatever">c</report></rule></pattern>
  <pattern><rule context="p"><report test="true()">d</report></rule></pattern>
</schema>`;
  const { schematron, messages } = compileSchematron(text, 'rules.sch', { strict: false, ruleSet: 'rules' });
  assert.deepEqual(messages, []);
  assert.deepEqual(
    schematron?.checks.map((c) => [c.rule, c.role]),
    [
      ['rules/p1', 'warning'],
      ['rules/r2', 'error'],
      ['rules/own', 'error'],
      ['rules/pattern-3', 'error'],
    ],
  );
});

test('@diagnostics must name a diagnostic', () => {
  const text = schema(`  <pattern><rule context="tei:p"><assert id="a" test="true()" diagnostics="d1 d2">x</assert></rule></pattern>
  <diagnostics><diagnostic id="d1">first</diagnostic></diagnostics>`);
  assert.deepEqual(messagesOf(text), [
    'schemas/bad.sch:4:34  error  @diagnostics refers to “d2”, which is not the id of a <diagnostic>  tei-edition/schematron-schema',
  ]);
});

test('phases: @defaultPhase chooses the patterns and adds its lets; an unknown phase is an error; lets declared twice are errors', () => {
  const phased = `<schema xmlns="${SCH}" defaultPhase="short">
  <let name="limit" value="10"/>
  <phase id="short"><let name="limit" value="2"/><active pattern="length"/></phase>
  <pattern id="length"><rule context="p"><assert test="string-length() le $limit">long</assert></rule></pattern>
  <pattern id="other"><rule context="p"><report test="true()">other</report></rule></pattern>
</schema>`;
  const run = compileSchematron(phased, 'rules.sch', { strict: false, ruleSet: 'rules' });
  assert.deepEqual(run.messages, []);
  assert.deepEqual(
    run.schematron?.patterns.map((p) => p.name),
    ['length'],
  );
  assert.deepEqual(
    compileSchematron(phased, 'rules.sch', { strict: false, ruleSet: 'rules', phase: '#ALL' }).schematron?.patterns.map((p) => p.name),
    ['length', 'other'],
  );
  assert.match(
    compileSchematron(phased, 'rules.sch', { strict: false, ruleSet: 'rules', phase: 'long' }).messages.map(formatDiagnostic).join('\n'),
    /^rules\.sch:1:1 {2}error {2}the phase “long” is not declared; expected the id of a <phase> \(declared: short\), #ALL or #DEFAULT/u,
  );
  const twice = `<schema xmlns="${SCH}">
  <let name="a" value="1"/>
  <pattern><let name="a" value="2"/><rule context="p"><let name="b" value="1"/><let name="b" value="2"/><assert test="true()"/></rule></pattern>
</schema>`;
  assert.deepEqual(compileSchematron(twice, 'rules.sch', { strict: false, ruleSet: 'rules' }).messages.map(formatDiagnostic), [
    'rules.sch:3:80  error  the variable $b is declared twice in the same <rule>  tei-edition/schematron-schema',
    'rules.sch:3:12  error  the variable $a is declared twice: schema- and pattern-level lets are global, so their names must be unique in the schema  tei-edition/schematron-schema',
  ]);
});
