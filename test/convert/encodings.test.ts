/**
 * Input that is not UTF-8: Windows-1252 as WHATWG defines it (bytes 0x80–0x9F are ’ “ ” – … œ €,
 * not C1 controls), line by line when a file mixes the two encodings, with positions that stay
 * right for every later message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRawText } from '../../src/convert/read/decode.js';
import { decodeWindows1252 } from '../../src/convert/read/windows-1252.js';
import { convertText } from '../support/convert-text.js';

/** Windows-1252 bytes of a string (only the characters these tests use). */
function cp1252(text: string): number[] {
  const high: Record<string, number> = { '’': 0x92, œ: 0x9c, '–': 0x96, '…': 0x85, '€': 0x80, '“': 0x93, '”': 0x94, Œ: 0x8c, Ÿ: 0x9f };
  return [...text].map((c) => high[c] ?? (c.codePointAt(0) as number));
}

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

test('Windows-1252 bytes 0x80–0x9F are the typographic characters, not C1 controls (WHATWG index-windows-1252)', () => {
  const all = decodeWindows1252(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i)));
  assert.equal(all, '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džÿ'.replace('ÿ', 'Ÿ'));
  assert.equal(decodeWindows1252(new Uint8Array([0x41, 0xe9, 0xff, 0xa0])), 'Aéÿ\u00a0');
});

test('a Windows-1252 file: its apostrophes, ligatures, dashes and ellipses are right in the TEI, with one warning at the first invalid byte', () => {
  const raw = new Uint8Array([...cp1252('L’œuvre – déjà…\n'), ...cp1252('Une autre ligne, l’été.\n')]);
  const result = convertText(raw);
  assert.ok(result.xml, result.printed);
  assert.ok(result.xml.includes('L’œuvre – déjà…'), result.xml);
  assert.ok(result.xml.includes('l’été.'));
  assert.doesNotMatch(result.xml, /[\u0080-\u009f]|&#x[89][0-9A-F];/u);
  const warnings = result.messages.filter((m) => m.rule === 'tei-edition/input-encoding');
  assert.deepEqual(
    warnings.map((m) => [m.position.line, m.position.column]),
    [[1, 2]],
    result.printed,
  );
  assert.match(warnings[0]?.message ?? '', /invalid byte 0x92.*Windows-1252/u);
  assert.ok(!result.messages.some((m) => m.rule === 'tei-edition/input-control-character'), result.printed);
});

test('a file mixing UTF-8 and Windows-1252 lines is decoded line by line, with a warning per Windows-1252 passage', () => {
  const bytes = new Uint8Array([
    ...utf8('Première ligne en UTF-8, déjà.\n'), // 1
    ...cp1252('Deuxième l’œuvre,\n'), // 2 (1252: è is 0xe8)
    ...cp1252('troisième – aussi\n'), // 3
    ...utf8('plain ascii line\n'), // 4 (either)
    ...utf8('Cinquième en UTF-8 : « ça ».\n'), // 5
    ...cp1252('Sixième… fin\n'), // 6
  ]);
  const decoded = decodeRawText(bytes, 'mixed.txt');
  assert.equal(decoded.encoding, 'utf-8+windows-1252');
  assert.deepEqual(decoded.lines, [
    'Première ligne en UTF-8, déjà.',
    'Deuxième l’œuvre,',
    'troisième – aussi',
    'plain ascii line',
    'Cinquième en UTF-8 : « ça ».',
    'Sixième… fin',
  ]);
  const warnings = decoded.messages.filter((m) => m.rule === 'tei-edition/input-encoding');
  assert.deepEqual(
    warnings.map((m) => [m.position.line, m.position.column]),
    [
      [2, 6],
      [6, 5],
    ],
  );
  assert.match(warnings[0]?.message ?? '', /^lines 2–3 are not UTF-8 \(invalid byte 0xe8\)/u);
  assert.match(warnings[1]?.message ?? '', /^line 6 is not UTF-8 \(invalid byte 0xe8\)/u);
});

test('positions after a Windows-1252 line stay right: a later message points at the right line and column (code points)', () => {
  const bytes = new Uint8Array([
    ...utf8('Début « ok » déjà.\r\n'),
    ...cp1252('L’été – puis\r\n'),
    ...utf8('Encore é, ’ et\u0001ici.\r\n'),
    ...cp1252('Œuvre\u0007…\r\n'),
  ]);
  const result = convertText(bytes);
  assert.ok(result.xml, result.printed);
  const controls = result.messages.filter((m) => m.rule === 'tei-edition/input-control-character');
  assert.deepEqual(
    controls.map((m) => [m.position.line, m.position.column]),
    [
      [3, 15],
      [4, 6],
    ],
    result.printed,
  );
  assert.ok(result.xml.includes('Encore é, ’ et<g ref="#char-U0001"/>ici.'));
  assert.ok(result.xml.includes('Œuvre<g ref="#char-U0007"/>…'));
});

test('a Windows-1252 file with old Mac line ends (CR) counts its lines as the text will', () => {
  const bytes = new Uint8Array([...utf8('Ligne un\rLigne deux\r'), ...cp1252('L’affaire\r')]);
  const decoded = decodeRawText(bytes, 'cr.txt');
  assert.deepEqual(decoded.lines, ['Ligne un', 'Ligne deux', 'L’affaire']);
  assert.deepEqual(
    decoded.messages.map((m) => [m.position.line, m.position.column]),
    [[3, 2]],
  );
});

test('UTF-8 that is not well-formed in subtle ways (overlong, surrogate, beyond U+10FFFF, truncated) is taken for Windows-1252 on its line only', () => {
  for (const bad of [
    [0xc0, 0xaf],
    [0xe0, 0x80, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x80],
  ]) {
    const bytes = new Uint8Array([...utf8('Première ligne, déjà.\n'), 0x41, ...bad, 0x42, 0x0a, ...utf8('Troisième.\n')]);
    const decoded = decodeRawText(bytes, 'subtle.txt');
    const lines = decoded.lines;
    assert.equal(lines[0], 'Première ligne, déjà.');
    assert.equal(lines[1], decodeWindows1252(new Uint8Array([0x41, ...bad, 0x42])).normalize('NFC'));
    assert.equal(lines[2], 'Troisième.');
    assert.deepEqual(
      decoded.messages.filter((m) => m.rule === 'tei-edition/input-encoding').map((m) => [m.position.line, m.position.column]),
      [[2, 2]],
      `bytes ${bad.join(' ')}`,
    );
  }
});

test('lines are split at CRLF, CR and LF, and normalised to NFC, as the whole text would be, without trailing spaces and tabs unless they are the whole line (random texts)', () => {
  const alphabet = ['a', 'é', 'e\u0301', '\u0301', 'œ', ' ', '\t', ' ', '\r', '\n', '\r\n', '\u2028', 'x'];
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 500; n++) {
    let text = 'z';
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    const whole = text
      .replace(/\r\n?/gu, '\n')
      .normalize('NFC')
      .split('\n')
      .map((line) => (/^[ \t]*$/u.test(line) ? line : line.replace(/[ \t]+$/u, '')));
    if (whole.length > 1 && whole[whole.length - 1] === '') whole.pop();
    assert.deepEqual(decodeRawText(new TextEncoder().encode(text), 't.txt').lines, whole, JSON.stringify(text));
  }
});
