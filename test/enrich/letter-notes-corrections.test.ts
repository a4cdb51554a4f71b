/** Letter parts, notes and corrections on small texts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertText } from '../support/convert-text.js';
import { all, first, text } from '../support/xml-query.js';

test('an address opens a letter (even on the first line of text), a closing formula with a name ends it', () => {
  const { tei } = convertText('Cher ami, je vous écris\nenfin.\n\nSalutations fraternelles, Jean Dupont\n');
  assert.equal(text(first(first(tei, 'opener'), 'salute')), 'Cher ami,');
  assert.equal(text(first(first(tei, 'body'), 'p')).trim(), 'je vous écris\nenfin.');
  assert.equal(text(first(first(tei, 'closer'), 'salute')), 'Salutations fraternelles,');
  assert.equal(text(first(first(tei, 'closer'), 'signed')), 'Jean Dupont');
});

test('a paragraph that merely starts with a noun and a comma is not an address', () => {
  const { tei } = convertText('Les ouvriers, dit-il, sont là.\n\nFin.\n');
  assert.equal(all(tei, 'opener').length, 0);
  assert.equal(all(tei, 'closer').length, 0);
});

test('endnotes: call [n] in the text, legend to the header, [N.E.] to @resp', () => {
  const raw = 'Le texte appelle une note [1] ici.\n\n \n\nNotes\n\nLégende des notes.\n\n[1]. Le corps de la note. [N.E.]\n';
  const { tei, printed } = convertText(raw, {
    notes: { convention: 'bracketed-endnotes', editorMarker: '[N.E.]', editorResp: 'ne' },
    responsibilities: [{ id: 'ne', resp: 'notes', name: 'L’éditeur' }],
  });
  const note = first(first(tei, 'body'), 'note');
  assert.equal(note.attrs.resp, '#ne');
  assert.equal(note.attrs.anchored, undefined);
  assert.equal(text(note).trim(), 'Le corps de la note.');
  assert.deepEqual(
    all(first(tei, 'teiHeader'), 'q').map((q) => text(q)),
    ['Notes', 'Légende des notes.'],
  );
  assert.match(printed, /note 1 moved from line 9 to its call at line 1/u);
});

test('a correction that is not in the text is an error on the config, and so is an ambiguous one', () => {
  const missing = convertText('Une ligne.\n', { corrections: [{ match: 'absent', sic: 'absent', corr: 'présent' }] });
  assert.match(missing.printed, /^edition\.json {2}error {2}corrections\[0\] \(“absent”\): not found in the text/mu);
  const twice = convertText('do re\n\ndo re\n', { corrections: [{ match: 'do re', sic: 'do', corr: 'de' }] });
  assert.match(twice.printed, /found 2 times \(lines 1, 3\); expected one: add "line"/u);
  const chosen = convertText('do re\n\ndo re\n', { corrections: [{ match: 'do re', sic: 'do', corr: 'de', line: 3 }] });
  assert.equal(all(chosen.tei, 'sic').length, 1);
});

test('a footnote call wrapped to the start of a line: no space before the punctuation, source still recoverable', async () => {
  const { recoverSourceLines } = await import('../support/source-lines.js');
  const raw = 'Les gens de Novaia Jizn\n(3), mais qui en est capable ?\n(3) Journal de Gorki.\n';
  const { xml, tei } = convertText(raw, { layout: { profile: 'columns' }, notes: { convention: 'parenthesised-footnotes' } });
  assert.match(xml ?? '', /Jizn<lb n="2" break="no"\/><note n="3" place="foot">/u);
  assert.equal(
    text(first(first(tei, 'body'), 'p'), ['note'])
      .replace(/\s+/gu, ' ')
      .trim(),
    'Les gens de Novaia Jizn, mais qui en est capable ?',
  );
  const lines = recoverSourceLines(xml ?? '', { notes: 'parenthesised-footnotes' }).lines;
  assert.deepEqual(
    [1, 2, 3].map((n) => lines.get(n)),
    ['Les gens de Novaia Jizn', '(3), mais qui en est capable ?', '(3) Journal de Gorki.'],
  );
});

test('a heading whose last line is only its note call is still a heading', () => {
  const raw = [
    ' Premier paragraphe du discours, assez long pour faire',
    'une colonne entière de texte, avec des lignes pleines',
    'comme celles que les journaux composent en colonnes.',
    'Il se termine là.',
    '“Le titre du',
    'discours”',
    '(1)',
    '(1) Une note sur le titre.',
    '',
  ].join('\n');
  const { tei } = convertText(raw, { layout: { profile: 'columns' }, notes: { convention: 'parenthesised-footnotes' } });
  assert.equal(
    text(first(first(tei, 'body'), 'head'), ['note'])
      .replace(/\s+/gu, ' ')
      .trim(),
    '“Le titre du discours”',
  );
});
