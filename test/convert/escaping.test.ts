/**
 * Raw text is text: whatever characters the transcription holds, the TEI is well-formed (a
 * strict parser reads it back) and its text reads exactly as the raw file did — `&amp;` stays
 * the five characters `&amp;`, `&eacute;` is not an entity. Characters XML 1.0 cannot hold
 * (C0 controls other than tab and line feed, U+FFFE, U+FFFF) are recorded as `g`, declared in
 * the header's `charDecl` (TEI P5 §5.2), and recovered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { recoverSourceLines } from '../support/source-lines.js';
import { convertText, testEdition, testSource } from '../support/convert-text.js';
import { convertSource } from '../../src/convert/convert-source.js';
import { checkWellFormed } from '../../src/lib/xml/check-well-formed.js';

/** A strict reading of the TEI (saxes): the decoded text of every element with that name inside `within` (the body's `text` by default). */
function strictTexts(xml: string, name: string, within = 'text'): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const found: string[] = [];
  const stack: { name: string; text: string }[] = [];
  parser.on('opentag', (tag) => stack.push({ name: tag.local, text: '' }));
  parser.on('text', (t) => {
    for (const open of stack) open.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el?.name === name && stack.some((s) => s.name === within)) found.push(el.text);
  });
  parser.write(xml).close();
  return found;
}

const nothingLost = { notes: 'none' } as const;

test('entity-like text in the raw file is written as text: `&eacute;` stays eight characters, `&amp;` five, and the TEI is well-formed', () => {
  const line = 'Le caf&eacute; et&nbsp;ici, AT&T; et &amp; puis <b> fin ]]> "x" \'y\'.';
  const result = convertText(`${line}\n`);
  assert.ok(result.xml, result.printed);
  const [p] = strictTexts(result.xml, 'p');
  assert.equal(p, line);
  assert.ok(
    result.xml.includes('caf&amp;eacute; et&amp;nbsp;ici, AT&amp;T; et &amp;amp; puis &lt;b&gt; fin ]]&gt;'),
    'escaped once, every `&`',
  );
  assert.equal(recoverSourceLines(result.xml, nothingLost).lines.get(1), line);
});

test('config text with `&x;` or markup goes into the header as text', () => {
  const title = 'Titre &x; et <i>ital</i> & “c”';
  const result = convertSource({
    bytes: new TextEncoder().encode('Un texte.\n'),
    file: 'test.txt',
    source: testSource({ title, bibl: { text: 'Source &amp; <b>' } }),
    edition: { ...testEdition, title: 'Édition &nbsp;', licence: { name: 'CC &copy;', url: 'https://example.org/?a=1&b="2"' } },
  });
  assert.ok(result.xml, result.messages.map(formatDiagnostic).join('\n'));
  assert.deepEqual(strictTexts(result.xml, 'title', 'titleStmt'), [title]);
  assert.ok(strictTexts(result.xml, 'bibl', 'sourceDesc').includes('Source &amp; <b>'));
  assert.ok(strictTexts(result.xml, 'licence', 'availability').includes('CC &copy;'));
  assert.ok(result.xml.includes('target="https://example.org/?a=1&amp;b=&quot;2&quot;"'));
});

test('a stray control character is recorded as g, declared in charDecl, reported at its line and column, and recovered', () => {
  const raw = 'Première ligne du texte,\ndeuxième\u0001ligne avec\u0007deux.\n';
  const result = convertText(raw);
  assert.ok(result.xml, result.printed);
  assert.ok(!result.messages.some((m) => m.rule === 'tei-edition/input-binary'), result.printed);
  const warnings = result.messages.filter((m) => m.rule === 'tei-edition/input-control-character');
  assert.deepEqual(
    warnings.map((m) => [m.severity, m.position.line, m.position.column]),
    [
      ['warning', 2, 9],
      ['warning', 2, 20],
    ],
  );
  assert.match(warnings[0]?.message ?? '', /U\+0001/u);
  assert.ok(result.xml.includes('deuxième<g ref="#char-U0001"/>ligne avec<g ref="#char-U0007"/>deux.'), result.xml);
  assert.match(result.xml, /<charDecl>\s*<char xml:id="char-U0001">[\s\S]*<char xml:id="char-U0007">[\s\S]*<\/charDecl>/u);
  strictTexts(result.xml, 'p');
  const recovered = recoverSourceLines(result.xml, nothingLost);
  assert.equal(recovered.lines.get(2), 'deuxième\u0001ligne avec\u0007deux.');
});

test('noncharacters U+FFFE and U+FFFF are recorded as g; C1 controls (legal in XML 1.0) are kept, as character references, with a warning', () => {
  const raw = 'Un \uFFFE et un \uFFFF, puis \u0085 et \u0092 ici.\n';
  const result = convertText(raw);
  assert.ok(result.xml, result.printed);
  assert.ok(result.xml.includes('Un <g ref="#char-UFFFE"/> et un <g ref="#char-UFFFF"/>, puis &#x85; et &#x92; ici.'), result.xml);
  assert.equal(result.messages.filter((m) => m.rule === 'tei-edition/input-control-character').length, 4, result.printed);
  assert.deepEqual(strictTexts(result.xml, 'p'), ['Un  et un , puis \u0085 et \u0092 ici.']);
  assert.equal(recoverSourceLines(result.xml, nothingLost).lines.get(1), raw.trim());
});

test('real binaries are still rejected: a NUL byte, or many control characters', () => {
  const nul = convertText(new Uint8Array([0x41, 0x42, 0x0a, 0x43, 0x00, 0x44]));
  assert.equal(nul.xml, undefined);
  assert.match(nul.printed, /test\.txt:2:2 .*NUL byte.*input-binary/u);
  const noisy = new Uint8Array(4000);
  for (let i = 0; i < noisy.length; i++) noisy[i] = i % 20 === 0 ? 0x01 + (i % 7) : 0x61;
  const binary = convertText(noisy);
  assert.equal(binary.xml, undefined);
  assert.match(binary.printed, /input-binary/u);
});

test('an attribute value XML cannot hold is an internal error on the source, not a silent bad file', () => {
  const result = convertSource({
    bytes: new TextEncoder().encode('Un texte.\n'),
    file: 'raw/a.txt',
    source: testSource(),
    edition: { ...testEdition, editors: [{ id: 'ed\u0001', name: 'Éditeur' }] },
  });
  assert.equal(result.xml, undefined);
  const error = result.messages.find((m) => m.rule === 'tei-edition/internal-malformed-tei');
  assert.ok(error, result.messages.map(formatDiagnostic).join('\n'));
  assert.equal(error.fatal, true);
  assert.equal(error.position.file, 'raw/a.txt');
  assert.match(error.message, /U\+0001/u);
});

test('checkWellFormed reads the chunks with a strict parser and says where it stopped', () => {
  assert.equal(checkWellFormed(['<?xml version="1.0"?>\n', '<a>x &amp; ', 'y</a>\n']), undefined);
  const entity = checkWellFormed(['<?xml version="1.0"?>\n<a>', 'caf&eacute;</a>']);
  assert.ok(entity);
  assert.equal(entity.line, 2);
  assert.match(entity.message, /undefined entity/u);
  assert.ok(checkWellFormed(['<a>\u0001</a>']));
  assert.ok(checkWellFormed(['<a><b></a>']));
});
