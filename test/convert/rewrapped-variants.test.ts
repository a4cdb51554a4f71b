/**
 * The same texts re-wrapped at other widths and page lengths (with other words cut at line ends)
 * give the same paragraphs, notes and words: the converter reads the layout, not the line lengths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frenchLexicon } from '../../src/lib/lexicon/lexicon.js';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { convertText } from '../support/convert-text.js';
import { rawText, sampleSource } from '../support/sample-edition.js';
import { readingSummary, sourceText, sourceUnits, wrapUnits } from '../support/rewrap.js';
import { all, first, text, type El } from '../support/xml-query.js';

const lexicon = frenchLexicon();

function withoutCorrections(source: SourceConfig): Partial<SourceConfig> {
  // Corrections name a source line; on other lines they would not be found. Both sides go without.
  const { corrections: _ignored, ...rest } = source;
  return rest;
}

/** The endnotes section as the source prints it: heading, legend, `[n]. …` bodies, editor's marker. */
function endnotesSection(tei: El, source: SourceConfig, width: number): string[] {
  const notes = all(first(tei, 'body'), 'note');
  if (notes.length === 0) return [];
  const quotes = all(first(tei, 'teiHeader'), 'q').map((q) => text(q));
  const lines = ['', ' ', '', ...quotes.flatMap((q) => [q, ''])];
  for (const note of notes) {
    const paragraphs = all(note, 'p').length > 0 ? all(note, 'p') : [note];
    paragraphs.forEach((p, i) => {
      let body = sourceText(p, () => '')
        .replace(/\s+/gu, ' ')
        .trim();
      if (i === 0) body = `[${note.attrs.n}]. ${body}`;
      if (i === paragraphs.length - 1 && note.attrs.resp && source.notes?.editorMarker) body = `${body} ${source.notes.editorMarker}`;
      lines.push(...wrapUnits([{ kind: 'para', text: body }], { width, pageLines: 1000, hyphenate: false, lexicon }), '');
    });
  }
  return lines;
}

for (const idPart of ['membres-du-parti', 'lettre-au-comite']) {
  const source = sampleSource(idPart);
  const base = convertText(rawText(source), withoutCorrections(source));
  const expected = readingSummary(base.tei);
  const units = sourceUnits(base.tei, (note) => (note.attrs.anchored === 'false' ? '' : ` [${note.attrs.n}]`));

  for (const width of [44, 61, 95]) {
    for (const pageLines of [12, 31]) {
      test(`${idPart} re-wrapped at ${width} columns, ${pageLines} lines a page: same paragraphs, notes and words`, () => {
        const body = wrapUnits(units, { width, pageLines, hyphenate: true, lexicon });
        const raw = [...body, ...endnotesSection(base.tei, source, width)].join('\n');
        const variant = convertText(`${raw}\n`, withoutCorrections(source));
        assert.deepEqual(
          variant.messages.filter((m) => m.severity === 'error'),
          [],
        );
        const actual = readingSummary(variant.tei);
        assert.deepEqual(actual.blocks, expected.blocks);
        assert.deepEqual(actual.notes, expected.notes);
        const gaps = raw.split('\n\n\n\n').length - 1;
        assert.equal(all(first(variant.tei, 'text'), 'pb').length, gaps + 1, 'a pb per page gap, plus the first page');
        assert.ok(
          body.some((l) => /\p{L}-$/u.test(l)),
          'the variant cuts words at line ends',
        );
      });
    }
  }
}
