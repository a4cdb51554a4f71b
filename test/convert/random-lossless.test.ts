/**
 * Property tests on generated texts: every raw line is recovered from the TEI (nothing is lost,
 * whatever the layout), no word is left cut in the reading text; texts drawn from all of
 * Unicode (markup characters, entity-like text, controls, noncharacters, astral characters)
 * give well-formed TEI that reads as the raw file did; and arbitrary bytes never crash the
 * converter (they give TEI or a fatal message on the file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { recoverSourceLines } from '../support/source-lines.js';
import { checkWellFormed } from '../../src/lib/xml/check-well-formed.js';
import { convertText } from '../support/convert-text.js';
import { prng, randomText } from '../support/random-text.js';

const SEEDS = 150;

test(`${SEEDS} generated texts: every source line is recovered from the TEI`, () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const sample = randomText(seed);
    const result = convertText(sample.text, {
      layout: { profile: sample.profile },
      notes: sample.endnotes ? { convention: 'bracketed-endnotes', editorMarker: '[N.E.]', editorResp: 'ne' } : { convention: 'none' },
      responsibilities: [{ id: 'ne', resp: 'notes', name: 'N. E.' }],
    });
    assert.ok(result.xml, `seed ${seed}: ${result.printed}`);
    const recovered = recoverSourceLines(result.xml, {
      notes: sample.endnotes ? 'bracketed-endnotes' : 'none',
      editorMarker: { marker: '[N.E.]', resp: 'ne' },
    });
    const quotes = new Set(recovered.headerQuotes);
    sample.text.split(/\r?\n/u).forEach((line, i) => {
      const want = line.replace(/\s+/gu, ' ').trim();
      const got = recovered.lines.get(i + 1);
      if (want === '') assert.equal(got, undefined, `seed ${seed}, line ${i + 1}: blank line has text`);
      else if (!(got === undefined && quotes.has(want))) assert.equal(got, want, `seed ${seed}, line ${i + 1}`);
    });
    assert.deepEqual(recovered.strayHyphens, [], `seed ${seed}: a word is left cut`);
  }
});

test('arbitrary bytes never crash the converter', () => {
  const r = prng(42);
  for (let i = 0; i < 200; i++) {
    const length = Math.floor(r() * 400);
    const bytes = new Uint8Array(length);
    for (let k = 0; k < length; k++) bytes[k] = r() < 0.7 ? 32 + Math.floor(r() * 95) : Math.floor(r() * 256);
    const result = convertText(bytes);
    assert.ok(result.xml !== undefined || result.messages.some((m) => m.fatal), `input ${i}: neither TEI nor a fatal message`);
  }
});

// ---------------------------------------------------------------- all of Unicode

/**
 * Pieces a transcription may hold that XML treats specially, or that XML 1.0 cannot hold at all.
 * A lone surrogate cannot be in a file: the raw text is bytes, and UTF-8 has no encoding for
 * one (the encoder writes U+FFFD, which is what the file then holds and the TEI must give back).
 */
const awkward = [
  '&',
  '<',
  '>',
  ']]>',
  '"',
  "'",
  '&amp;',
  '&eacute;',
  '&nbsp;',
  '&#233;',
  '&#x1;',
  '&x',
  '<b>',
  '</p>',
  '<!--',
  '-->',
  '<?pi?>',
  '<![CDATA[',
  'AT&T;',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0080',
  '\u0085',
  '\u0092',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
  '\uFFFD',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\u2028',
  '\u00A0',
  '\u0301',
  'e\u0301',
  '\u{1F600}',
  '\u{10FFFF}',
  '\u{E0001}',
  '\u{1D11E}',
  '\u{20000}',
  '\uFDD0',
  '\t',
];

function randomCodePoint(r: () => number): string {
  const range = r();
  // Mostly the BMP, with astral planes and the surrogate gap (skipped) in the draw too.
  let codePoint = range < 0.6 ? 0x20 + Math.floor(r() * (0xfffe - 0x20)) : 0x10000 + Math.floor(r() * 0x100000);
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0x41;
  return String.fromCodePoint(codePoint);
}

function randomUnicodeText(seed: number): string {
  const r = prng(seed);
  const lines: string[] = [];
  const count = 1 + Math.floor(r() * 14);
  let controls = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && r() < 0.25) lines.push('');
    let line = '';
    const pieces = 1 + Math.floor(r() * 12);
    for (let k = 0; k < pieces; k++) {
      const draw = r();
      let piece = draw < 0.35 ? (awkward[Math.floor(r() * awkward.length)] as string) : draw < 0.7 ? randomCodePoint(r) : 'mot';
      // Few controls, so that the file is not taken for binary (16 or more in a short file).
      if (/[\x00-\x08\x0B-\x1F]/u.test(piece) && ++controls > 12) piece = 'x';
      line += piece + (r() < 0.5 ? ' ' : '');
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** What the strict parser reads: the text of every element of the body, and that it read to the end. */
function readsStrictly(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.write(xml).close();
}

const UNICODE_SEEDS = 300;

test(`${UNICODE_SEEDS} texts drawn from all of Unicode: the TEI is well-formed and every line reads back exactly`, () => {
  let controlsSeen = 0;
  for (let seed = 1; seed <= UNICODE_SEEDS; seed++) {
    const text = randomUnicodeText(seed);
    const bytes = new TextEncoder().encode(text);
    const result = convertText(bytes);
    assert.ok(result.xml, `seed ${seed}: ${result.printed}`);
    assert.equal(checkWellFormed([result.xml]), undefined, `seed ${seed}: not well-formed`);
    assert.doesNotThrow(() => readsStrictly(result.xml as string), `seed ${seed}`);
    if (result.xml.includes('<g ref=')) controlsSeen += 1;
    // The file as it is on disk (a lone surrogate was written as U+FFFD), its line ends and NFC as the converter reads it.
    const held = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/u, '')
      .normalize('NFC');
    const recovered = recoverSourceLines(result.xml, { notes: 'none' });
    held.split('\n').forEach((line, i) => {
      const want = line.replace(/\s+/gu, ' ').trim();
      const got = recovered.lines.get(i + 1);
      if (want === '') assert.equal(got, undefined, `seed ${seed}, line ${i + 1}: blank line has text`);
      else assert.equal(got, want, `seed ${seed}, line ${i + 1}`);
    });
  }
  assert.ok(controlsSeen > UNICODE_SEEDS / 4, `only ${controlsSeen} texts held a character XML cannot hold`);
});
