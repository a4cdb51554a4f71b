/**
 * The magazine article (columns profile) re-laid out: both texts re-wrapped at other column
 * widths, interleaved as the PDF extraction interleaves them (introduction part 1, speech part 1,
 * the speech's title and footnotes 1–2, introduction part 2, speech part 2, footnote 3), with
 * artefact blank lines scattered, even inside cut words. The converter must find the same texts,
 * heading, paragraphs, notes and words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceConfig } from '../../src/lib/config/types.js';
import { seededRandom } from '../../bench/corpus/prng.js';
import { PARAGRAPH_END_RATIO } from '../../src/convert/layout/columns.js';
import { convertText } from '../support/convert-text.js';
import { readingSummary, sourceText } from '../support/rewrap.js';
import { rawText, sampleSource } from '../support/sample-edition.js';
import { all, first, type El } from '../support/xml-query.js';

const source = sampleSource('coalition');
const { corrections: _corrections, ...withoutCorrections } = source;
const settings: Partial<SourceConfig> = withoutCorrections;
const base = convertText(rawText(source), settings);

/** Source text of each paragraph of a division (notes replaced by their call). */
function paragraphsOf(div: El): string[] {
  return all(div, 'p')
    .filter((p) => p.parent === div)
    .map((p) =>
      sourceText(p, (note) => ` (${note.attrs.n})`)
        .replace(/\s+/gu, ' ')
        .trim(),
    );
}

function noteBodies(tei: El): Map<string, string> {
  return new Map(
    all(first(tei, 'body'), 'note').map((n) => [
      n.attrs.n ?? '',
      sourceText(n, () => '')
        .replace(/\s+/gu, ' ')
        .trim(),
    ]),
  );
}

/**
 * Greedy wrap where every line but the last is full enough not to look like a paragraph end, and
 * the last is clearly short (a word moves down if needed), as a typesetter's column would be.
 */
function wrapColumn(text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && [...`${line} ${word}`].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  const last = lines[lines.length - 1] as string;
  if (lines.length > 1 && [...last].length > width * 0.7) {
    // Move the last word down (with the punctuation that French sets after a space, « ! », « ? »).
    let cut = last.lastIndexOf(' ');
    if (cut > 0 && /^[!?;:»]+$/u.test(last.slice(cut + 1))) cut = last.lastIndexOf(' ', cut - 1);
    if (cut > 0) lines.splice(lines.length - 1, 1, last.slice(0, cut), last.slice(cut + 1));
  }
  return lines;
}

function scatterBlanks(lines: string[], random: ReturnType<typeof seededRandom>): string[] {
  return lines.flatMap((l, i) => (i > 0 && random.chance(0.15) ? ['', l] : [l]));
}

for (const [wide, narrow, seed] of [
  [96, 46, 1],
  [84, 40, 2],
  [110, 52, 3],
] as const) {
  test(`002 re-laid out at ${wide} and ${narrow} columns: same texts, heading, paragraphs, notes and words`, () => {
    const [intro, speech] = all(first(base.tei, 'body'), 'div') as [El, El];
    const introParas = paragraphsOf(intro);
    const speechParas = paragraphsOf(speech);
    const title = sourceText(first(speech, 'head'), (note) => ` (${note.attrs.n})`)
      .replace(/\s+/gu, ' ')
      .trim();
    const notes = noteBodies(base.tei);
    const random = seededRandom(seed);
    const column = (paragraphs: string[], width: number) =>
      paragraphs.map((p, i) => {
        const lines = wrapColumn(p, width);
        return i === 0 ? [` ${lines[0]}`, ...lines.slice(1)] : lines;
      });
    const introLines = column(introParas, wide);
    const speechLines = column(speechParas, narrow);
    const half = (xs: string[][]) => Math.ceil(xs.length / 2);
    const noteLines = (n: string) => wrapColumn(`(${n}) ${notes.get(n) ?? ''}`, narrow);
    const speechPart2 = speechLines.slice(half(speechLines)).flat();
    speechPart2[0] = ` ${(speechPart2[0] ?? '').trimStart()}`;
    const raw = [
      ...introLines.slice(0, half(introLines)).flat(),
      ...speechLines.slice(0, half(speechLines)).flat(),
      ...wrapColumn(title, Math.round(narrow * PARAGRAPH_END_RATIO) - 8),
      '',
      ...noteLines('1'),
      ...noteLines('2'),
      '',
      ...introLines.slice(half(introLines)).flat(),
      ...speechPart2,
      '',
      ...noteLines('3'),
    ];
    const variant = convertText(`${scatterBlanks(raw, random).join('\n')}\n`, settings);
    assert.deepEqual(
      variant.messages.filter((m) => m.severity === 'error'),
      [],
    );
    assert.deepEqual(readingSummary(variant.tei), readingSummary(base.tei));
    assert.deepEqual(
      all(first(variant.tei, 'body'), 'div').map((d) => d.attrs.type),
      ['introduction', 'speech'],
    );
  });
}
