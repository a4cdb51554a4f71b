/**
 * Stage 1: bytes → text, as its lines. Accepts UTF-8 (with or without BOM); reads a file that is
 * not UTF-8 as Windows-1252, line by line when only some lines are (a pasted passage), with a
 * warning per passage; UTF-16 with a byte-order mark (converted, with a warning); rejects empty
 * input, NUL bytes and other binary content. CRLF, CR and LF all end a line; each line is in
 * Unicode NFC. Stray control characters are reported where they are (the TEI writer records them).
 *
 * Each line is decoded on its own, into a string of its own: a line of Latin-1 characters then
 * takes one byte a character (V8), where one string for the whole text takes two as soon as one
 * character of it is beyond Latin-1 (a single ’ or œ), and nothing holds the whole text.
 */
import { isUtf8 } from 'node:buffer';
import { diagnostic, fatal, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { locateByteOffset } from '../../lib/io/byte-location.js';
import { strayControlMessages } from './control-characters.js';
import { decodeWindows1252 } from './windows-1252.js';

export interface DecodedText {
  /** The lines, without their line ends and trailing spaces and tabs (a line of spaces only is kept); a final line end does not open an empty line. */
  readonly lines: readonly string[];
  /** `utf-8+windows-1252`: some lines were not UTF-8 and were read as Windows-1252. */
  readonly encoding: 'utf-8' | 'windows-1252' | 'utf-8+windows-1252' | 'utf-16le' | 'utf-16be';
  readonly messages: Diagnostic[];
}

export function decodeRawText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) {
    throw fatal('input-empty', 'the file is empty; expected a UTF-8 plain-text transcription', { file });
  }
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) {
    const lines = finish(splitText(new TextDecoder(utf16).decode(bytes.subarray(2))), file);
    const warning = diagnostic(
      'warning',
      'input-encoding',
      `the file is UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian, with a byte-order mark); read it as such`,
      { file, line: 1, column: 1 },
      { hint: 'save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)' },
    );
    return { lines, encoding: utf16, messages: [warning, ...strayControlMessages(lines, file)] };
  }
  rejectBinary(bytes, file);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const decoded = decodeUtf8OrWindows1252(body, file);
  const lines = finish(decoded.lines, file);
  return { lines, encoding: decoded.encoding, messages: [...decoded.messages, ...strayControlMessages(lines, file)] };
}

/** NFC line by line (a line end is a starter: composing line by line is composing the whole), and a final line end opens no line. */
function finish(lines: string[], file: string): string[] {
  if (lines.every((line) => line.trim() === ''))
    throw fatal('input-empty', 'the file contains only white space; expected a plain-text transcription', { file });
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/[^\x00-\x7f]/u.test(line)) lines[i] = line.normalize('NFC');
  }
  return lines;
}

function splitText(text: string): string[] {
  return text.split(/\r\n?|\n/u);
}

/**
 * Binary content: a NUL byte, or many control characters (other than tab, line feed, carriage
 * return, form feed) — more than 1% of the first 64 KiB, and at least 16 of them. A few stray
 * controls in a text are not binary: they are reported one by one and kept.
 */
function rejectBinary(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = locateByteOffset(bytes, nul);
    throw fatal(
      'input-binary',
      'the file contains a NUL byte: it looks binary, not a plain-text transcription',
      { file, line: at.line, column: at.column },
      'convert the document to UTF-8 plain text first',
    );
  }
  let controls = 0;
  let firstControl = -1;
  const sample = Math.min(bytes.length, 65536);
  for (let i = 0; i < sample; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls += 1;
      if (firstControl < 0) firstControl = i;
    }
  }
  if (controls >= 16 && controls / sample > 0.01) {
    const at = locateByteOffset(bytes, firstControl);
    throw fatal(
      'input-binary',
      `the file contains ${controls} control characters in its first ${sample} bytes: it looks binary, not a plain-text transcription`,
      { file, line: at.line, column: at.column },
      'convert the document to UTF-8 plain text first',
    );
  }
}

/** UTF-16 is recognised by its byte-order mark only (without one, its NUL bytes make it look binary). */
function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

// ---------------------------------------------------------------- UTF-8, else Windows-1252 by passage

interface Passage {
  readonly start: number;
  readonly end: number;
  readonly encoding: 'utf-8' | 'windows-1252';
  /** Windows-1252 passages: the first invalid byte, its line, and the last line that is not UTF-8. */
  readonly invalid?: { readonly offset: number; readonly line: number; readonly lineStart: number; readonly lastLine: number };
}

function decodeUtf8OrWindows1252(
  body: Uint8Array,
  file: string,
): { lines: string[]; encoding: DecodedText['encoding']; messages: Diagnostic[] } {
  if (isUtf8(body)) return { lines: decodeLines(body, 0, body.length, 'utf-8', []), encoding: 'utf-8', messages: [] };
  const passages = splitPassages(body);
  const lines: string[] = [];
  for (const p of passages) decodeLines(body, p.start, p.end, p.encoding, lines);
  const foreign = passages.filter((p) => p.encoding === 'windows-1252');
  const mixed = passages.some((p) => p.encoding === 'utf-8' && !isAscii(body, p.start, p.end));
  const messages = mixed ? foreign.map((p) => passageWarning(body, p, file)) : [wholeFileWarning(body, foreign[0] as Passage, file)];
  return { lines, encoding: mixed ? 'utf-8+windows-1252' : 'windows-1252', messages };
}

/**
 * The lines of bytes [start, end) (which begins at a line start), each decoded into a string of
 * its own, appended to `out`. When the text ends with a line end, an empty last piece follows
 * (as `split` gives; `finish` drops it).
 */
function decodeLines(bytes: Uint8Array, start: number, end: number, encoding: 'utf-8' | 'windows-1252', out: string[]): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decode =
    encoding === 'utf-8'
      ? (from: number, to: number) => buffer.toString('utf8', from, to)
      : (from: number, to: number) => decodeWindows1252(bytes.subarray(from, to));
  const cr = buffer.indexOf(0x0d, start);
  const crs = cr >= 0 && cr < end;
  let lineStart = start;
  while (lineStart < end) {
    const lineEnd = nextLineEnd(buffer, lineStart, end, crs);
    out.push(decode(lineStart, contentEnd(buffer, lineStart, lineEnd)));
    if (lineEnd === end) return out;
    lineStart = lineEnd + (buffer[lineEnd] === 0x0d && buffer[lineEnd + 1] === 0x0a ? 2 : 1);
  }
  if (end === bytes.length) out.push('');
  return out;
}

/**
 * Trailing spaces and tabs are not decoded (the line stage drops them anyway, and a line of its
 * own then needs no substring of it: 32 bytes less a line); a line of spaces only is kept whole,
 * since it is not a blank line (it separates sections).
 */
function contentEnd(buffer: Buffer, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > lineStart && (buffer[end - 1] === 0x20 || buffer[end - 1] === 0x09)) end -= 1;
  return end === lineStart ? lineEnd : end;
}

/** Where the line starting at `from` ends (its CR or LF), or `end`. */
function nextLineEnd(buffer: Buffer, from: number, end: number, crs: boolean): number {
  if (!crs) {
    const lf = buffer.indexOf(0x0a, from);
    return lf < 0 || lf >= end ? end : lf;
  }
  for (let i = from; i < end; i++) {
    const b = buffer[i];
    if (b === 0x0a || b === 0x0d) return i;
  }
  return end;
}

/**
 * Lines that are valid UTF-8 are read as UTF-8, the others as Windows-1252; lines of ASCII
 * read the same either way and go with the passage they are in. (A line end is never inside a
 * UTF-8 sequence, so a line is judged on its own.)
 */
function splitPassages(body: Uint8Array): Passage[] {
  const passages: Passage[] = [];
  const lines = new LineCounter(body);
  let pos = 0;
  while (pos < body.length) {
    const bad = firstInvalidUtf8(body, pos, body.length);
    if (bad === body.length) {
      passages.push({ start: pos, end: body.length, encoding: 'utf-8' });
      break;
    }
    const lineStart = lines.startOfLine(bad, pos);
    if (lineStart > pos) passages.push({ start: pos, end: lineStart, encoding: 'utf-8' });
    const line = lines.lineAt(bad);
    let end = lineStart;
    let lastLine = line;
    for (let cursor = lineStart; cursor < body.length;) {
      const next = lines.nextLineStart(cursor);
      if (firstInvalidUtf8(body, cursor, next) < next) {
        end = next;
        lastLine = lines.lineAt(cursor);
      } else if (!isAscii(body, cursor, next)) break;
      cursor = next;
    }
    passages.push({ start: lineStart, end, encoding: 'windows-1252', invalid: { offset: bad, line, lineStart, lastLine } });
    pos = end;
  }
  return passages;
}

function wholeFileWarning(body: Uint8Array, first: Passage, file: string): Diagnostic {
  const invalid = first.invalid as NonNullable<Passage['invalid']>;
  return diagnostic(
    'warning',
    'input-encoding',
    `the file is not UTF-8 (invalid byte ${hexByte(body[invalid.offset])}); read it as Windows-1252/Latin-1`,
    { file, line: invalid.line, column: windows1252Column(body, invalid) },
    { hint: 'check the accented letters in the output, then save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)' },
  );
}

function passageWarning(body: Uint8Array, passage: Passage, file: string): Diagnostic {
  const invalid = passage.invalid as NonNullable<Passage['invalid']>;
  const lines = invalid.lastLine === invalid.line ? `line ${invalid.line} is` : `lines ${invalid.line}–${invalid.lastLine} are`;
  return diagnostic(
    'warning',
    'input-encoding',
    `${lines} not UTF-8 (invalid byte ${hexByte(body[invalid.offset])}), unlike the rest of the file; read ${invalid.lastLine === invalid.line ? 'it' : 'them'} as Windows-1252`,
    { file, line: invalid.line, column: windows1252Column(body, invalid) },
    {
      hint: 'the file mixes two encodings (a pasted passage?): check the accented letters of these lines, then save the whole file as UTF-8',
    },
  );
}

/** Column of the invalid byte in the decoded text: the line is read as Windows-1252 (then NFC), code points counted. */
function windows1252Column(body: Uint8Array, invalid: NonNullable<Passage['invalid']>): number {
  return [...decodeWindows1252(body.subarray(invalid.lineStart, invalid.offset)).normalize('NFC')].length + 1;
}

function hexByte(b: number | undefined): string {
  return `0x${(b ?? 0).toString(16).padStart(2, '0')}`;
}

function isAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
  return true;
}

/** Line numbers of byte offsets, counted as the text's line ends will be (CRLF, CR or LF), moving forward. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Uint8Array) {}

  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.offset; i < target; i++) {
      const b = this.bytes[i];
      if (b === 0x0a || (b === 0x0d && this.bytes[i + 1] !== 0x0a)) this.line += 1;
    }
    this.offset = target;
    return this.line;
  }

  /** Where the line holding `offset` starts (not before `floor`). */
  startOfLine(offset: number, floor: number): number {
    let i = offset;
    while (i > floor && this.bytes[i - 1] !== 0x0a && this.bytes[i - 1] !== 0x0d) i -= 1;
    return i;
  }

  /** Where the line after the one starting at `start` starts (its line end included). */
  nextLineStart(start: number): number {
    for (let i = start; i < this.bytes.length; i++) {
      const b = this.bytes[i];
      if (b === 0x0a) return i + 1;
      if (b === 0x0d) return this.bytes[i + 1] === 0x0a ? i + 2 : i + 1;
    }
    return this.bytes.length;
  }
}

/** The first byte in [from, to) where well-formed UTF-8 (Unicode Table 3-7) stops; `to` if none. */
export function firstInvalidUtf8(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const [need, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, 0xbf]
        : b === 0xe0
          ? [2, 0xa0, 0xbf]
          : b === 0xed
            ? [2, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [2, 0x80, 0xbf]
              : b === 0xf0
                ? [3, 0x90, 0xbf]
                : b >= 0xf1 && b <= 0xf3
                  ? [3, 0x80, 0xbf]
                  : b === 0xf4
                    ? [3, 0x80, 0x8f]
                    : [0, 0, 0];
    if (need === 0 || i + need >= to) return i;
    const second = bytes[i + 1] ?? 0;
    if (second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return to;
}
