/**
 * The real-books corpus: each French prose file of ../shared/reference/tei-real (a bounded
 * slice) laid out in each note style, with its bytes (UTF-8 or Windows-1252, LF or CRLF), the
 * config it is converted with, and the answer it must give. Deterministic from a seed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../../bench/corpus/prng.js';
import type { SourceConfig } from '../../../src/lib/config/types.js';
import { layOutBook, type BookMeasures, type ExpectedBook } from './lay-out.js';
import { readSourceText, type SourceText } from './source-text.js';
import { bookStyles, styleConfig, type BookStyle } from './styles.js';

export const REAL_BOOK_FILES = /^(hurlus|obvil-critique|eltec-fra|sevigne)__.*\.xml$/u;

export type BookEncoding = 'utf-8' | 'utf-8 crlf' | 'windows-1252' | 'windows-1252 crlf';

export interface GeneratedBook {
  /** `<style>/<source file without .xml>`. */
  readonly name: string;
  readonly style: BookStyle;
  readonly file: string;
  readonly encoding: BookEncoding;
  readonly bytes: Uint8Array;
  /** The text as laid out (LF), for messages. */
  readonly text: string;
  readonly source: Partial<SourceConfig>;
  readonly measures: BookMeasures;
  readonly expected: ExpectedBook;
}

export interface CorpusOptions {
  readonly seed: number;
  readonly styles?: readonly BookStyle[];
}

/** The French prose files of `dir`, `words` words of each. */
export function readRealSources(dir: string, words: number): SourceText[] {
  return readdirSync(dir)
    .filter((f) => REAL_BOOK_FILES.test(f))
    .sort()
    .map((f) => readSourceText(join(dir, f), { words, nearNotes: true }));
}

export function generateBooks(sources: readonly SourceText[], options: CorpusOptions): GeneratedBook[] {
  const books: GeneratedBook[] = [];
  for (const style of options.styles ?? bookStyles) {
    sources.forEach((source, i) => {
      const random = seededRandom(hash(`${options.seed}/${style.name}/${source.file}`));
      const heads = style.runningHeads === 'always' || (style.runningHeads === 'alternate' && i % 2 === 1);
      const laid = layOutBook(source, style, random, heads);
      const wanted = random.pick<BookEncoding>(['utf-8', 'utf-8', 'utf-8 crlf', 'windows-1252', 'windows-1252 crlf']);
      const { bytes, encoding } = encoded(laid.text, wanted);
      const config = styleConfig(style, laid.measures.runningHeads);
      const overrides =
        style.config === 'parenthesised-footnotes-with-overrides'
          ? lineRanges(laid.noteLines).map((lines) => ({ lines, role: 'notes' as const }))
          : [];
      books.push({
        name: `${style.name}/${source.file.replace(/\.xml$/u, '')}`,
        style,
        file: source.file,
        encoding,
        bytes,
        text: laid.text,
        source: {
          title: source.title,
          ...config,
          ...(overrides.length > 0 ? { layout: { ...(config.layout ?? { profile: 'prose' }), overrides } } : {}),
        },
        measures: laid.measures,
        expected: laid.expected,
      });
    });
  }
  return books;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `[3, 4, 5, 9]` → `['3-5', '9']`. */
function lineRanges(lines: readonly number[]): string[] {
  const out: string[] = [];
  let start: number | undefined;
  let end = 0;
  for (const n of lines) {
    if (start !== undefined && n === end + 1) {
      end = n;
      continue;
    }
    if (start !== undefined) out.push(start === end ? `${start}` : `${start}-${end}`);
    start = n;
    end = n;
  }
  if (start !== undefined) out.push(start === end ? `${start}` : `${start}-${end}`);
  return out;
}

const cp1252High: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** The text in the wanted encoding; Windows-1252 only when every character has a byte there (else UTF-8, same line ends). */
function encoded(text: string, wanted: BookEncoding): { bytes: Uint8Array; encoding: BookEncoding } {
  const crlf = wanted.endsWith('crlf');
  const lines = crlf ? text.replace(/\n/gu, '\r\n') : text;
  if (wanted.startsWith('windows-1252')) {
    const bytes: number[] = [];
    for (const ch of lines) {
      const code = ch.codePointAt(0) ?? 0;
      const byte = cp1252High[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
      if (byte === undefined) return { bytes: new TextEncoder().encode(lines), encoding: crlf ? 'utf-8 crlf' : 'utf-8' };
      bytes.push(byte);
    }
    return { bytes: Uint8Array.from(bytes), encoding: wanted };
  }
  return { bytes: new TextEncoder().encode(lines), encoding: wanted };
}
