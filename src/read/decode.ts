/**
 * Stage 1: bytes → text. Accepts UTF-8 (with or without BOM); recognises Windows-1252/Latin-1
 * and UTF-16 with a byte-order mark (converted, with a warning); rejects empty input, NUL bytes and other binary content.
 * Line ends are normalised to `\n` and the text to Unicode NFC.
 */
import { diagnostic, fatal, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locateByteOffset } from './byte-location.js';

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  readonly messages: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeRawText(bytes: Uint8Array, file: string): DecodedText {
  const messages: Diagnostic[] = [];
  if (bytes.length === 0) {
    throw fatal('input-empty', 'the file is empty; expected a UTF-8 plain-text transcription', { file });
  }
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(2)).replace(/\r\n?/g, '\n').normalize('NFC');
    if (text.trim() === '') throw fatal('input-empty', 'the file contains only white space; expected a plain-text transcription', { file });
    const warning = diagnostic('warning', 'input-encoding', `the file is UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian, with a byte-order mark); read it as such`,
      { file, line: 1, column: 1 }, { hint: 'save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)' });
    return { text, encoding: utf16, messages: [warning] };
  }
  rejectBinary(bytes, file);
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = utf8.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const at = locateByteOffset(body, bad);
    text = windows1252.decode(body);
    encoding = 'windows-1252';
    messages.push(diagnostic('warning', 'input-encoding',
      `the file is not UTF-8 (invalid byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')}); read it as Windows-1252/Latin-1`,
      { file, line: at.line, column: at.column },
      { hint: 'check the accented letters in the output, then save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)' }));
  }
  if (text.trim() === '') {
    throw fatal('input-empty', 'the file contains only white space; expected a plain-text transcription', { file });
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  return { text, encoding, messages };
}

/** Binary content: a NUL byte, or many control characters (other than tab, line feed, carriage return, form feed). */
function rejectBinary(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = locateByteOffset(bytes, nul);
    throw fatal('input-binary', 'the file contains a NUL byte: it looks binary, not a plain-text transcription',
      { file, line: at.line, column: at.column }, 'convert the document to UTF-8 plain text first');
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
  if (controls > 0 && controls / sample > 0.01) {
    const at = locateByteOffset(bytes, firstControl);
    throw fatal('input-binary',
      `the file contains ${controls} control characters in its first ${sample} bytes: it looks binary, not a plain-text transcription`,
      { file, line: at.line, column: at.column }, 'convert the document to UTF-8 plain text first');
  }
}

/** UTF-16 is recognised by its byte-order mark only (without one, its NUL bytes make it look binary). */
function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length - 1;
}
