/**
 * The RELAX NG engine on small schemas, in memory: what it accepts, what it refuses and how it
 * says so, recovery after an error, schema simplification (include, externalRef, nested grammars)
 * and schema errors with positions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../../../src/validate/relaxng/compile-schema.js';
import { SchemaError } from '../../../src/validate/relaxng/rng-tree.js';
import { validateDocument } from '../../../src/validate/relaxng/validate-document.js';

const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

function compile(files: Record<string, string>, main = '/s/main.rng') {
  return compileSchema(main, (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`no such file ${path}`);
    return text;
  });
}

function errors(schema: string, xml: string): string[] {
  const grammar = compile({ '/s/main.rng': schema });
  return validateDocument(xml, { file: 'doc.xml', grammar }).messages.map((m) => `${m.position.line}:${m.position.column} ${m.message}`);
}

const letter = `<grammar ${RNG} ns="urn:x">
  <start><ref name="letter"/></start>
  <define name="letter"><element name="letter">
    <attribute name="when"><data type="date"/></attribute>
    <optional><attribute name="lang"><choice><value>fr</value><value>de</value></choice></attribute></optional>
    <element name="opener"><text/></element>
    <oneOrMore><ref name="p"/></oneOrMore>
    <optional><element name="closer"><text/></element></optional>
  </element></define>
  <define name="p"><element name="p"><mixed><zeroOrMore><element name="hi"><text/></element></zeroOrMore></mixed></element></define>
</grammar>`;

test('a valid document gives no message', () => {
  assert.deepEqual(
    errors(
      letter,
      '<letter xmlns="urn:x" when="1917-11-01" lang="fr"><opener>Cher</opener><p>Un <hi>mot</hi>.</p><closer>L.</closer></letter>',
    ),
    [],
  );
});

test('an element out of place: what was found and what was expected, after the start tag (as jing)', () => {
  assert.deepEqual(errors(letter, '<letter xmlns="urn:x" when="1917-11-01"><opener/>\n<p>a</p><bogus/></letter>'), [
    '2:17 element "bogus" not allowed anywhere; expected the element end-tag or element "closer" or "p"',
  ]);
});

test('missing required element and attribute, bad attribute value', () => {
  assert.deepEqual(errors(letter, '<letter xmlns="urn:x"><opener/></letter>'), [
    '1:23 element "letter" missing required attribute "when"',
    '1:41 element "letter" incomplete; missing required element "p"',
  ]);
  assert.deepEqual(errors(letter, '<letter xmlns="urn:x" when="1917-13-01" lang="en"><opener/><p/></letter>'), [
    '1:51 value of attribute "when" is invalid: found "1917-13-01"; must be a date (YYYY-MM-DD)',
    '1:51 value of attribute "lang" is invalid: found "en"; must be equal to "de" or "fr"',
  ]);
});

test('recovery: each error is reported once, the following ones still are', () => {
  // Exactly what jing 20220510 prints for this document.
  assert.deepEqual(
    errors(letter, '<letter xmlns="urn:x" when="1917-11-01"><opener/><p><q>x</q></p>\n<p foo="1">y</p><p>z<hi><b/></hi></p></letter>'),
    [
      '1:56 element "q" not allowed anywhere; expected the element end-tag, text or element "hi"',
      '2:12 found attribute "foo", but no attributes allowed here',
      '2:29 element "b" not allowed anywhere; expected the element end-tag or text',
    ],
  );
});

test('text where only elements are allowed is reported on each line that has some', () => {
  assert.deepEqual(errors(letter, '<letter xmlns="urn:x" when="1917-11-01"><opener/>stray\n  text\n<p/></letter>'), [
    '1:55 text not allowed here; expected element "p"',
    '2:7 text not allowed here; expected element "p"',
  ]);
});

test('interleave, lists, data except, namespaces and name classes', () => {
  const schema = `<grammar ${RNG}><start><element><name ns="urn:x">r</name>
    <interleave><element name="a" ns="urn:x"><list><oneOrMore><data type="integer"/></oneOrMore></list></element>
    <element name="b" ns="urn:x"><data type="token"><except><value>no</value></except></data></element></interleave>
    <zeroOrMore><element><anyName><except><nsName ns="urn:x"/></except></anyName><empty/></element></zeroOrMore>
  </element></start></grammar>`;
  assert.deepEqual(errors(schema, '<r xmlns="urn:x"><b>yes</b><a> 1 2  3 </a><y:z xmlns:y="urn:y"/></r>'), []);
  const bad = errors(schema, '<r xmlns="urn:x"><a>1 two</a><b>no</b></r>');
  assert.equal(bad.length, 2);
  assert.match(bad[0] ?? '', /character content of element "a" invalid: found "1 two"; must be an integer/);
  assert.match(bad[1] ?? '', /character content of element "b" invalid/);
});

test('include with overrides, externalRef, nested grammar with parentRef', () => {
  const grammar = compile({
    '/s/main.rng': `<grammar ${RNG}><include href="base.rng"><define name="inline"><element name="em"><text/></element></define></include>
      <define name="extra"><externalRef href="sub/note.rng"/></define></grammar>`,
    '/s/base.rng': `<grammar ${RNG}><start><element name="doc"><zeroOrMore><choice><ref name="inline"/><ref name="extra"/></choice></zeroOrMore></element></start>
      <define name="inline"><element name="hi"><text/></element></define></grammar>`,
    '/s/sub/note.rng': `<grammar ${RNG}><start><element name="note"><grammar><start><element name="inner"><parentRef name="body"/></element></start></grammar></element></start>
      <define name="body"><text/></define></grammar>`,
  });
  const check = (xml: string) => validateDocument(xml, { file: 'd.xml', grammar }).messages.map((m) => m.message);
  assert.deepEqual(check('<doc><em>a</em><note><inner>b</inner></note></doc>'), []);
  assert.deepEqual(check('<doc><hi>overridden away</hi></doc>'), [
    'element "hi" not allowed anywhere; expected the element end-tag or element "em" or "note"',
  ]);
});

/** Compiles, with a bound on file reads so that a loop the compiler misses fails the test instead of hanging it. */
function compileError(files: Record<string, string>, main = '/s/main.rng'): string {
  let reads = 0;
  try {
    compileSchema(main, (path) => {
      reads += 1;
      if (reads > 50) throw new Error(`read ${reads} files: the inclusion loop was not detected`);
      const text = files[path];
      if (text === undefined) throw new Error(`no such file ${path}`);
      return text;
    });
    return 'compiled';
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    return `${e.file}:${e.line}:${e.column} ${e.message}`;
  }
}

test('an externalRef that refers back to a file being read is a schema error with the chain (not an endless compilation)', () => {
  const self = `<grammar ${RNG}>\n<start><element name="x"><optional><externalRef href="main.rng"/></optional></element></start></grammar>`;
  assert.equal(
    compileError({ '/s/main.rng': self }),
    '/s/main.rng:2:36 recursive inclusion: <externalRef href="main.rng"> refers back to "main.rng", which is being read (main.rng → main.rng); a schema file may not include itself, directly or through other files',
  );
  const chain = {
    '/s/main.rng': `<element name="a" ${RNG}><optional><externalRef href="sub/b.rng"/></optional></element>`,
    '/s/sub/b.rng': `<element name="b" ${RNG}>\n  <zeroOrMore><externalRef href="c.rng"/></zeroOrMore></element>`,
    '/s/sub/c.rng': `<grammar ${RNG}><start><ref name="c"/></start>\n<define name="c"><element name="c">\n<externalRef href="../main.rng"/></element></define></grammar>`,
  };
  assert.equal(
    compileError(chain),
    '/s/sub/c.rng:3:1 recursive inclusion: <externalRef href="../main.rng"> refers back to "main.rng", which is being read (main.rng → sub/b.rng → sub/c.rng → main.rng); a schema file may not include itself, directly or through other files',
  );
  const throughInclude = {
    '/s/main.rng': `<grammar ${RNG}><include href="lib.rng"/><start><ref name="d"/></start></grammar>`,
    '/s/lib.rng': `<grammar ${RNG}><define name="d"><element name="d"><externalRef href="main.rng"/></element></define></grammar>`,
  };
  assert.match(
    compileError(throughInclude),
    /^\/s\/lib\.rng:1:\d+ recursive inclusion: <externalRef href="main\.rng"> .*\(main\.rng → lib\.rng → main\.rng\)/,
  );
  const includeLoop = { '/s/main.rng': `<grammar ${RNG}><include href="main.rng"/><start><empty/></start></grammar>` };
  assert.match(
    compileError(includeLoop),
    /^\/s\/main\.rng:1:\d+ recursive inclusion: <include href="main\.rng"> refers back to "main\.rng"/,
  );
});

test('a file referred to from several places (not a loop) is compiled once', () => {
  let reads = 0;
  const files: Record<string, string> = {
    '/s/main.rng': `<element name="doc" ${RNG}><externalRef href="l1.rng"/><externalRef href="l1.rng"/></element>`,
  };
  // Each level refers to the next one twice: compiled without a cache, 2^10 compilations.
  for (let i = 1; i <= 10; i++)
    files[`/s/l${i}.rng`] =
      i === 10
        ? `<element name="leaf" ${RNG}><empty/></element>`
        : `<group ${RNG}><externalRef href="l${i + 1}.rng"/><externalRef href="l${i + 1}.rng"/></group>`;
  const grammar = compileSchema('/s/main.rng', (path) => {
    reads += 1;
    return files[path] ?? '';
  });
  assert.ok(reads <= 2 * 11, `${reads} reads`);
  assert.equal(validateDocument(`<doc>${'<leaf/>'.repeat(2 ** 10)}</doc>`, { file: 'd.xml', grammar }).messages.length, 0);
  assert.equal(validateDocument(`<doc>${'<leaf/>'.repeat(2 ** 10 - 1)}</doc>`, { file: 'd.xml', grammar }).messages.length, 1);
});

test('schema errors carry the schema file, line and column', () => {
  const broken = (schema: string): string => {
    try {
      compile({ '/s/main.rng': schema });
      return 'compiled';
    } catch (e) {
      assert.ok(e instanceof SchemaError);
      return `${e.file}:${e.line} ${e.message}`;
    }
  };
  assert.equal(
    broken(`<grammar ${RNG}>\n<start><ref name="nope"/></start></grammar>`),
    '/s/main.rng:2 reference to undefined pattern "nope"',
  );
  assert.equal(
    broken(
      `<grammar ${RNG}><start>\n<element name="a"><data type="date"><param name="colour">red</param></data></element></start></grammar>`,
    ),
    '/s/main.rng:2 facet "colour" not supported',
  );
  assert.equal(
    broken(`<grammar ${RNG}><start><ref name="a"/></start>\n<define name="a"><choice><text/><ref name="a"/></choice></define></grammar>`),
    '/s/main.rng:2 bad recursive reference to pattern "a" (recursion must go through an element)',
  );
  assert.match(broken('<grammar'), /^\/s\/main\.rng:1 schema is not well-formed XML/);
});

test('well-formedness errors are fatal, with line and column', () => {
  const grammar = compile({ '/s/main.rng': letter });
  const outcome = validateDocument('<letter xmlns="urn:x">\n  <opener>a</closer>', { file: 'doc.xml', grammar });
  assert.equal(outcome.wellFormed, false);
  const last = outcome.messages[outcome.messages.length - 1];
  assert.equal(last?.rule, 'tei-edition/well-formed');
  assert.equal(last?.fatal, true);
  assert.equal(last?.position.line, 2);
  assert.match(last?.message ?? '', /^not well-formed XML: unexpected end tag <\/closer>: it does not match the element opened last/);
});

test('ID-typed attributes must be unique, IDREFs must match an ID', () => {
  const schema = `<grammar ${RNG}><start><element name="r"><zeroOrMore><element name="e">
    <optional><attribute name="xml:id"><data type="ID"/></attribute></optional>
    <optional><attribute name="ref"><data type="IDREF"/></attribute></optional></element></zeroOrMore></element></start></grammar>`;
  // jing prints the same positions (and a second message for the first occurrence).
  assert.deepEqual(errors(schema, '<r><e xml:id="a"/><e ref="a"/>\n<e xml:id="a"/><e ref="b"/></r>'), [
    '2:16 ID "a" has already been defined (first at line 1)',
    '2:28 IDREF "b" without matching ID',
  ]);
});
