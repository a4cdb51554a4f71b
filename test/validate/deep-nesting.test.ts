/**
 * Deeply nested documents (issue 14, item 8): the work per element does not grow with the depth
 * (shown by counting operations, never by timing), a document far deeper than any real TEI gets
 * the right verdict without a stack overflow, and the default depth limit stops a hostile file
 * with a message that states the limit and the depth found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { compileSchema } from '../../src/validate/relaxng/compile-schema.js';
import { DEFAULT_MAX_ELEMENT_DEPTH, validateDocument } from '../../src/validate/relaxng/validate-document.js';
import { NamespaceParser } from '../../src/lib/xml/namespace-parser.js';
import { repoRoot } from '../support/paths.js';

const TEI = 'http://www.tei-c.org/ns/1.0';
const header =
  '<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>';

function nestedTei(depth: number, inner = 'x'): string {
  return `<TEI xmlns="${TEI}">${header}<text><body><p>${'<hi>'.repeat(depth)}${inner}${'</hi>'.repeat(depth)}</p></body></text></TEI>\n`;
}

/** Nested elements, each declaring a prefix of its own (the worst case for namespace bookkeeping). */
function nestedDeclarations(depth: number): string {
  let xml = '<r xmlns="urn:r">';
  for (let i = 0; i < depth; i++) xml += `<p${i}:e xmlns:p${i}="urn:${i}" p0:a="v">`;
  for (let i = depth - 1; i >= 0; i--) xml += `</p${i}:e>`;
  return `${xml}</r>`;
}

/** Parses and counts how often an open element's namespace declarations (`tag.ns`) are read. */
function countNamespaceReads(parser: SaxesParser<{ xmlns: true; position: true }>, xml: string): { reads: number; elements: number } {
  let reads = 0;
  let elements = 0;
  parser.on('opentag', (tag: SaxesTagNS) => {
    elements += 1;
    const ns = tag.ns;
    Object.defineProperty(tag, 'ns', { get: () => ((reads += 1), ns) });
  });
  parser.write(xml).close();
  return { reads, elements };
}

test('prefix resolution reads a bounded number of declarations per element, however deep (saxes alone reads all ancestors)', () => {
  for (const xml of [nestedTei(4_000), nestedDeclarations(4_000)]) {
    const ours = countNamespaceReads(new NamespaceParser(), xml);
    assert.ok(ours.reads <= 3 * ours.elements, `${ours.reads} reads for ${ours.elements} elements`);
    const plain = countNamespaceReads(new SaxesParser({ xmlns: true, position: true }), xml);
    assert.ok(
      plain.reads > 1_000 * plain.elements,
      `saxes's own resolution walks the open elements (${plain.reads} reads): the reason for NamespaceParser`,
    );
  }
});

test('NamespaceParser resolves prefixes as saxes does: inner declarations win, closed elements stop counting', () => {
  const xml = '<a xmlns="urn:1" xmlns:p="urn:p1"><p:b xmlns:p="urn:p2"><c p:x="1"/></p:b><p:d p:y="2"/><e xmlns=""/></a>';
  const seen = (parser: SaxesParser<{ xmlns: true; position: true }>): string[] => {
    const out: string[] = [];
    parser.on('opentag', (tag: SaxesTagNS) => {
      const attributes = Object.values(tag.attributes).filter((a) => a.uri !== 'http://www.w3.org/2000/xmlns/');
      out.push(`{${tag.uri}}${tag.local}${attributes.map((a) => ` {${a.uri}}${a.local}`).join('')}`);
    });
    parser.write(xml).close();
    return out;
  };
  const expected = ['{urn:1}a', '{urn:p2}b', '{urn:1}c {urn:p2}x', '{urn:p1}d {urn:p1}y', '{}e'];
  assert.deepEqual(seen(new NamespaceParser()), expected);
  assert.deepEqual(seen(new SaxesParser({ xmlns: true, position: true })), expected);
  assert.throws(() => new NamespaceParser().write('<a><q:b/></a>').close(), /unbound namespace prefix: "q"/);
});

const teiGrammar = compileSchema(join(repoRoot, 'schemas', 'tei-edition.rng'), (path) => readFileSync(path, 'utf8'));

test('the RELAX NG matcher makes as many new patterns per level at 4,000 deep as at 2,000 (linear, counted)', () => {
  const patternsFor = (depth: number): number => {
    const before = teiGrammar.builder.size;
    const outcome = validateDocument(nestedTei(depth, `<hi>y</hi>${'<hi>'.repeat(depth % 7)}z${'</hi>'.repeat(depth % 7)}`), {
      file: 'deep.xml',
      grammar: teiGrammar,
      maxDepth: Infinity,
    });
    assert.deepEqual(outcome.messages, []);
    return teiGrammar.builder.size - before;
  };
  patternsFor(1_000); // the patterns every document needs, made once
  const small = patternsFor(2_000);
  const large = patternsFor(4_000);
  assert.ok(large <= 2.2 * small, `${small} new patterns at 2,000 deep, ${large} at 4,000`);
});

test('100,000 nested elements: well-formed, or the well-formedness error at the end; no stack overflow', () => {
  const deep = 100_000;
  const fine = validateDocument(`<a>${'<b>'.repeat(deep)}${'</b>'.repeat(deep)}</a>`, { file: 'deep.xml', maxDepth: Infinity });
  assert.deepEqual(fine, { messages: [], wellFormed: true });
  const unclosed = validateDocument(`<a>${'<b>'.repeat(deep)}`, { file: 'deep.xml', maxDepth: Infinity });
  assert.equal(unclosed.wellFormed, false);
  assert.match(unclosed.messages[0]?.message ?? '', /^not well-formed XML: unclosed tag: b/);
});

test('20,000 nested <hi> against the TEI schema: valid, and an error deep inside is found where it is', () => {
  assert.deepEqual(validateDocument(nestedTei(20_000), { file: 'deep.xml', grammar: teiGrammar, maxDepth: Infinity }).messages, []);
  const wrong = validateDocument(nestedTei(20_000, '<bogus/>'), { file: 'deep.xml', grammar: teiGrammar, maxDepth: Infinity });
  assert.equal(wrong.messages.length, 1);
  assert.match(wrong.messages[0]?.message ?? '', /^element "bogus" not allowed anywhere/);
  assert.equal(
    wrong.messages[0]?.position.column,
    header.length + 20_000 * 4 + `<TEI xmlns="${TEI}"><text><body><p>`.length + '<bogus/>'.length + 1,
  );
});

test('the default depth limit: one fatal message with the limit and the depth found, nothing read beyond', () => {
  const outcome = validateDocument(nestedTei(100_000), { file: 'deep.xml', grammar: teiGrammar });
  assert.equal(outcome.wellFormed, false);
  assert.equal(outcome.messages.length, 1);
  const message = outcome.messages[0]!;
  assert.equal(message.rule, 'tei-edition/element-depth');
  assert.equal(message.fatal, true);
  assert.equal(DEFAULT_MAX_ELEMENT_DEPTH, 5_000);
  assert.equal(
    message.message,
    'element "hi" is nested 5,001 deep, over the limit of 5,000 nested elements; the file is not checked further',
  );
  assert.deepEqual(
    validateDocument(nestedTei(DEFAULT_MAX_ELEMENT_DEPTH - 4), { file: 'ok.xml', grammar: teiGrammar }).messages,
    [],
    'TEI, text, body, p and the <hi>s: exactly at the limit',
  );
});
