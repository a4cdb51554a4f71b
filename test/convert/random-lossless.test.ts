/**
 * Property tests on generated texts: every raw line is recovered from the TEI (nothing is lost,
 * whatever the layout), no word is left cut in the reading text; and arbitrary bytes never
 * crash the converter (they give TEI or a fatal message on the file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recoverSourceLines } from '../../src/recover/source-lines.js';
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
    const recovered = recoverSourceLines(result.xml, { notes: sample.endnotes ? 'bracketed-endnotes' : 'none', editorMarker: { marker: '[N.E.]', resp: 'ne' } });
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
