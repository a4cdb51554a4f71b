/**
 * Generality: raw Tesseract OCR of Barbusse, Le Feu (../shared/reference/raw-fr/, not written
 * by us): running heads become <fw> and the printed page number the next <pb n>; noise lines are
 * kept and reported, never dropped; every line is recoverable; the TEI is valid; no crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoverSourceLines } from '../support/source-lines.js';
import { convertText } from '../support/convert-text.js';
import { jingValidate, skipWithoutJing } from '../support/jing.js';
import { sharedDir, teiAllSchema } from '../support/paths.js';
import { all, first, text } from '../support/xml-query.js';

const folder = join(sharedDir, 'reference', 'raw-fr');
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const ocr = { layout: { profile: 'prose' as const, runningHeads: ['LE FEU'], ocr: true } };

test('the reference OCR excerpts are there', () => assert.equal(files.length, 2));

for (const name of files) {
  const raw = readFileSync(join(folder, name), 'utf8');
  const result = convertText(raw, ocr);

  test(`${name}: converted, every line recovered, noise reported with positions`, () => {
    assert.ok(result.xml, result.printed);
    const recovered = recoverSourceLines(result.xml, { notes: 'none' });
    raw
      .normalize('NFC')
      .split('\n')
      .forEach((line, i) => {
        const want = line.replace(/\s+/gu, ' ').trim();
        if (want !== '') assert.equal(recovered.lines.get(i + 1), want, `line ${i + 1}`);
      });
    const noise = all(result.tei, 'fw').filter((f) => f.attrs.type === 'noise');
    const warnings = result.messages.filter((m) => m.rule === 'tei-edition/ocr-noise');
    assert.ok(noise.length > 5, 'noise lines are set apart');
    assert.equal(warnings.length, noise.length, 'each noise line is reported');
    for (const w of warnings) assert.ok((w.position.line ?? 0) > 0);
  });

  test(`${name}: valid against tei_all`, (t) => {
    const skip = skipWithoutJing();
    if (skip) return t.skip(skip);
    assert.deepEqual(jingValidate(teiAllSchema, { 'ocr.xml': result.xml ?? '' }), []);
  });
}

test('running head “168 LE FEU 10” becomes <fw type="header"> and the page is numbered 168', () => {
  const name = files.find((f) => f.includes('off300000')) as string;
  const { tei } = convertText(readFileSync(join(folder, name), 'utf8'), ocr);
  const heads = all(tei, 'fw')
    .filter((f) => f.attrs.type === 'header')
    .map((f) => text(f));
  assert.ok(heads.includes('168 LE FEU 10'));
  const pb = all(first(tei, 'body'), 'pb').find((p) => p.attrs.n === '168');
  assert.ok(pb, 'pb n="168"');
  const siblings = pb.parent?.children ?? [];
  const next = siblings[siblings.indexOf(pb) + 1];
  assert.ok(
    next !== undefined && typeof next !== 'string' && next.name === 'fw' && text(next) === '168 LE FEU 10',
    'the running head follows its pb',
  );
});
