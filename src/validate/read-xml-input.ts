/**
 * Bytes of a file to validate → XML text, or a clear message on why it cannot be XML: too large,
 * empty, binary, not UTF-8 (or UTF-16 with a byte-order mark), declaring another encoding, not
 * starting with markup. Also the DOCTYPE policy: a DTD is never read and entities are never
 * expanded (no XXE, no entity-expansion bomb), so a DOCTYPE that declares or fetches anything
 * is refused with a message instead of being half-honoured.
 */
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { locateByteOffset } from '../lib/io/byte-location.js';
import type { Oversize } from '../lib/io/read-file-within.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type XmlInput =
  { readonly text: string; readonly messages: Diagnostic[] } | { readonly text?: undefined; readonly messages: Diagnostic[] };

function refuse(
  rule: 'file-too-large' | 'xml-empty' | 'not-xml' | 'xml-encoding' | 'doctype-refused',
  message: string,
  position: { file: string; line?: number; column?: number },
  hint?: string,
): XmlInput {
  return { messages: [diagnostic('error', rule, message, position, { fatal: true, ...(hint === undefined ? {} : { hint }) })] };
}

function size(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** `oversize`: the file was not read whole because it is over the limit (readFileWithin). */
export function decodeXmlInput(bytes: Uint8Array, file: string, maxBytes: number = DEFAULT_MAX_BYTES, oversize?: Oversize): XmlInput {
  const found = oversize ?? (bytes.length > maxBytes ? { bytes: bytes.length, atLeast: false } : undefined);
  if (found !== undefined) {
    const what = found.atLeast
      ? `the file grew past the limit of ${size(maxBytes)} while it was read`
      : `the file is ${size(found.bytes)}, over the limit of ${size(maxBytes)}`;
    return refuse('file-too-large', what, { file }, 'raise the limit with --max-size <MB> if the file is meant to be this large');
  }
  if (bytes.length === 0) return refuse('xml-empty', 'the file is empty; expected a TEI XML document', { file });
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const at = locateByteOffset(bytes, nul);
      return refuse('not-xml', 'the file contains a NUL byte: it is binary, not XML', { file, line: at.line, column: at.column });
    }
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = utf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const at = locateByteOffset(body, bad);
      return refuse(
        'xml-encoding',
        `the file is not UTF-8: invalid byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')}; expected UTF-8 (or UTF-16 with a byte-order mark)`,
        { file, line: at.line, column: at.column },
        'save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)',
      );
    }
  }
  const start = text.search(/\S/);
  if (start < 0) return refuse('xml-empty', 'the file contains only white space; expected a TEI XML document', { file });
  if (text[start] !== '<') {
    const line = text.slice(0, start).split('\n').length;
    const shown = text.slice(start, start + 20).split('\n')[0] ?? '';
    return refuse('not-xml', `not XML: the file starts with "${shown}"; expected an XML declaration or a start tag`, {
      file,
      line,
      column: 1,
    });
  }
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?(8|16)$/i.test(declared)) {
    return refuse(
      'xml-encoding',
      `the XML declaration says encoding="${declared}"; expected UTF-8`,
      { file, line: 1, column: 1 },
      'convert the file to UTF-8 and change the declaration to encoding="UTF-8"',
    );
  }
  return { text, messages: [] };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

/**
 * A DOCTYPE with an internal subset (entity declarations) or an external DTD is refused: the
 * document's meaning would depend on declarations the validator does not read. A bare
 * `<!DOCTYPE TEI>` is harmless and accepted.
 */
export function refuseDoctype(file: string, text: string): (doctype: string) => Diagnostic | undefined {
  return (doctype) => {
    const external = /\b(SYSTEM|PUBLIC)\s+(?:"[^"]*"\s*)?["']([^"']*)["']/.exec(doctype);
    const declaresEntities = /<!ENTITY/.test(doctype);
    if (!external && !declaresEntities) return undefined;
    const what = declaresEntities
      ? `declares entities${external ? ` and refers to the external DTD "${external[2] ?? ''}"` : ''}`
      : `refers to the external DTD "${external?.[2] ?? ''}"`;
    const offset = Math.max(0, text.indexOf('<!DOCTYPE'));
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = [...(before[before.length - 1] ?? '')].length + 1;
    return diagnostic(
      'error',
      'doctype-refused',
      `the DOCTYPE ${what}; DTDs and entity declarations are never read or expanded (protection against external-entity (XXE) and entity-expansion attacks)`,
      { file, line, column },
      { fatal: true, hint: 'remove the DOCTYPE declaration and replace entity references with the characters they stand for' },
    );
  };
}
