/**
 * A JSON parser (RFC 8259) that remembers where every value and every key starts, so that a
 * message about `sources[1].layout.profile` can point at its line and column. JSON.parse gives
 * neither positions for values nor a useful account of a syntax error, and this is small enough
 * not to be worth a dependency.
 *
 * Offsets (UTF-16 indices) are kept while parsing and turned into line:column only when asked,
 * counting columns in code points (as vfile-location does).
 */

import { toPointer } from './json-path.js';
import { lineColumnLocator, type LineColumn } from '../diagnostics/location.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** 1-based; the column counts Unicode code points. */

export type { LineColumn };
export { lineColumnLocator };

export interface JsonPositions {
  /** Where the value at this JSON Pointer starts (`''` is the whole document). */
  value(pointer: string): LineColumn | undefined;
  /** Where the key of the object member at this pointer starts (its opening quote). */
  key(pointer: string): LineColumn | undefined;
}

export interface JsonSyntaxError extends LineColumn {
  /** What is at the error position, e.g. `"}"`, `end of file`, `a line break`. */
  readonly found: string;
  readonly expected: string;
  readonly hint?: string;
}

export type JsonParseResult =
  | { readonly ok: true; readonly value: JsonValue; readonly positions: JsonPositions }
  | { readonly ok: false; readonly error: JsonSyntaxError };

export function parseJsonWithPositions(text: string): JsonParseResult {
  const locate = lineColumnLocator(text);
  const parser = new Parser(text);
  try {
    const value = parser.document();
    const positions: JsonPositions = {
      value: (pointer) => at(parser.values.get(pointer)),
      key: (pointer) => at(parser.keys.get(pointer)),
    };
    return { ok: true, value, positions };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const { offset, found, expected, hint } = error;
    return { ok: false, error: { ...locate(offset), found, expected, ...(hint === undefined ? {} : { hint }) } };
  }

  function at(offset: number | undefined): LineColumn | undefined {
    return offset === undefined ? undefined : locate(offset);
  }
}

/** Thrown inside the parser only; parseJsonWithPositions turns it into a result. */
class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    readonly found: string,
    readonly expected: string,
    readonly hint?: string,
  ) {
    super(`found ${found}, expected ${expected}`);
  }
}

/** Deep enough for any config; shallow enough that a hostile file cannot overflow the stack. */
const maxDepth = 256;
const aValue = 'a value (string, number, object, array, true, false or null)';

class Parser {
  readonly values = new Map<string, number>();
  readonly keys = new Map<string, number>();
  private i: number;

  constructor(private readonly text: string) {
    this.i = text.startsWith('\uFEFF') ? 1 : 0;
  }

  document(): JsonValue {
    this.skipSpace();
    const value = this.value('', 0);
    this.skipSpace();
    if (this.i < this.text.length) this.fail('the end of the file', this.hintAt());
    return value;
  }

  private value(pointer: string, depth: number): JsonValue {
    if (depth > maxDepth) throw new SyntaxFailure(this.i, `nesting deeper than ${maxDepth} levels`, 'a flatter document');
    this.values.set(pointer, this.i);
    const c = this.peek();
    if (c === '{') return this.object(pointer, depth);
    if (c === '[') return this.array(pointer, depth);
    if (c === '"') return this.string();
    if (c === '-' || isDigit(c)) return this.number();
    if (c === 't') return this.word('true', true);
    if (c === 'f') return this.word('false', false);
    if (c === 'n') return this.word('null', null);
    return this.fail(aValue, this.hintAt());
  }

  private object(pointer: string, depth: number): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    this.i += 1;
    this.skipSpace();
    if (this.peek() === '}') {
      this.i += 1;
      return result;
    }
    if (this.peek() !== '"') this.fail('a key in double quotes or "}"', this.hintAt());
    for (;;) {
      const keyOffset = this.i;
      const key = this.string();
      const member = pointer + toPointer([key]);
      this.keys.set(member, keyOffset);
      this.skipSpace();
      if (this.peek() !== ':') this.fail('":" after the key');
      this.i += 1;
      this.skipSpace();
      // defineProperty, not assignment: a key `__proto__` must be a plain (unknown) key.
      Object.defineProperty(result, key, { value: this.value(member, depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.peek() === '}') {
        this.i += 1;
        return result;
      }
      if (this.peek() !== ',') this.fail('"," or "}"', this.peek() === '"' ? 'a comma is missing before this key' : this.hintAt());
      this.i += 1;
      this.skipSpace();
      if (this.peek() === '}') this.fail('a key in double quotes', 'JSON does not allow a comma after the last member');
      if (this.peek() !== '"') this.fail('a key in double quotes', this.hintAt());
    }
  }

  private array(pointer: string, depth: number): JsonValue[] {
    const result: JsonValue[] = [];
    this.i += 1;
    this.skipSpace();
    if (this.peek() === ']') {
      this.i += 1;
      return result;
    }
    for (;;) {
      result.push(this.value(`${pointer}/${result.length}`, depth + 1));
      this.skipSpace();
      if (this.peek() === ']') {
        this.i += 1;
        return result;
      }
      if (this.peek() !== ',') this.fail('"," or "]"', this.hintAt());
      this.i += 1;
      this.skipSpace();
      if (this.peek() === ']') this.fail(aValue, 'JSON does not allow a comma after the last item');
    }
  }

  private string(): string {
    this.i += 1;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('a closing quote (")');
      if (c === '"') {
        this.i += 1;
        return out;
      }
      if (c === '\\') out += this.escape();
      else if (c < ' ')
        this.fail(
          c === '\n' || c === '\r'
            ? 'a closing quote (") before the end of the line'
            : 'an escape such as \\t instead of a control character',
        );
      else {
        out += c;
        this.i += 1;
      }
    }
  }

  private escape(): string {
    const c = this.text[this.i + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && c in simple) {
      this.i += 2;
      return simple[c] ?? '';
    }
    if (c === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
      this.i += 6;
      return String.fromCharCode(parseInt(this.text.slice(this.i - 4, this.i), 16));
    }
    return this.fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits');
  }

  private number(): number {
    const start = this.i;
    if (this.peek() === '-') this.i += 1;
    if (!isDigit(this.peek())) this.fail('a digit');
    if (this.peek() === '0') this.i += 1;
    else this.digits();
    if (this.peek() === '.') {
      this.i += 1;
      if (!isDigit(this.peek())) this.fail('a digit after the decimal point');
      this.digits();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i += 1;
      if (this.peek() === '+' || this.peek() === '-') this.i += 1;
      if (!isDigit(this.peek())) this.fail('a digit in the exponent');
      this.digits();
    }
    return Number(this.text.slice(start, this.i));
  }

  private digits(): void {
    while (isDigit(this.peek())) this.i += 1;
  }

  private word<T extends boolean | null>(word: string, value: T): T {
    if (this.text.startsWith(word, this.i) && !/[A-Za-z0-9_$]/.test(this.text[this.i + word.length] ?? '')) {
      this.i += word.length;
      return value;
    }
    return this.fail(aValue, this.hintAt());
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.peek() ?? '')) this.i += 1;
  }

  private peek(): string | undefined {
    return this.text[this.i];
  }

  /** The usual slips from JavaScript habits, named so that the message says how to fix them. */
  private hintAt(): string | undefined {
    const c = this.peek();
    if (c === '/') return 'JSON does not allow comments';
    if (c === "'") return 'JSON strings and keys use double quotes';
    if (c !== undefined && /[A-Za-z_$]/.test(c)) return 'strings and keys must be in double quotes';
    return undefined;
  }

  private fail(expected: string, hint?: string): never {
    throw new SyntaxFailure(this.i, this.found(), expected, hint);
  }

  /** A string or a bare word is shown whole (`True`, `undefined`), anything else by its first code point. */
  private found(): string {
    if (this.i >= this.text.length) return 'end of file';
    const c = this.text.codePointAt(this.i) ?? 0;
    if (c === 10 || c === 13) return 'a line break';
    if (c < 32) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    if (c === 34) return `the string ${this.match(stringToken) ?? '"'}`;
    return JSON.stringify(this.match(bareWord) ?? String.fromCodePoint(c));
  }

  private match(sticky: RegExp): string | undefined {
    sticky.lastIndex = this.i;
    return sticky.exec(this.text)?.[0];
  }
}

/** For messages only: a string as written, up to 40 characters, without crossing a line. */
const stringToken = /"(?:[^"\\\n\r]|\\.){0,40}"?/y;
const bareWord = /[A-Za-z0-9_$]{1,40}/y;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
