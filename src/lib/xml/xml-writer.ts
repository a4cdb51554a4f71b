/**
 * The TEI writer's XML syntax: a small streaming writer. Elements are written in document
 * order (writing into an element closes the children still open in it), so nothing is built
 * but the output, in UTF-8 chunks of about 64 K characters: no DOM, and a byte a character for
 * most text (a JavaScript string of French text takes two). Every text and attribute value passes through one escaping function:
 * `&`, `<`, `>` always become references, whatever follows them (raw text is text, and
 * `&amp;` in a transcription stays five characters); a character XML 1.0 cannot hold becomes
 * `<g ref="#char-U…"/>` in text (the caller declares it, TEI P5 §5.2) and an error in an
 * attribute value.
 */
import { characterId, describeCodePoint, needsEscaping, needsEscapingInAttribute, notXmlCharacter } from './xml-characters.js';

/** A bug in a writer (an attribute value XML cannot hold, an element written to after it was closed). */
export class MalformedXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedXmlError';
  }
}

export interface XmlElementWriter {
  /** Appends a child element; a child still open in this element is closed first. */
  ele(name: string, attributes?: Readonly<Record<string, string>>): XmlElementWriter;
  /** Appends text (escaped). */
  txt(text: string): XmlElementWriter;
}

const CHUNK_CHARS = 1 << 16;

class ElementWriter implements XmlElementWriter {
  /** The start tag is written up to its attributes; `>` or `/>` is still to come. */
  startOpen = true;

  constructor(
    private readonly writer: XmlWriter,
    readonly name: string,
    readonly level: number,
  ) {}

  ele(name: string, attributes: Readonly<Record<string, string>> = {}): XmlElementWriter {
    this.writer.enter(this);
    return this.writer.start(name, attributes, this.level + 1);
  }

  txt(text: string): XmlElementWriter {
    this.writer.enter(this);
    this.writer.text(text);
    return this;
  }
}

export class XmlWriter {
  private readonly chunks: Uint8Array[] = [];
  private pieces: string[] = [];
  private size = 0;
  private readonly open: ElementWriter[] = [];
  /** Code points written as `g` (XML cannot hold them), in the order first met. */
  readonly undeclaredCharacters = new Set<number>();
  /** The document node: elements (and, in a fragment, text) at the top. */
  readonly document: XmlElementWriter;

  constructor(options: { declaration?: boolean } = {}) {
    if (options.declaration) this.chunks.push(utf8('<?xml version="1.0" encoding="UTF-8"?>\n'));
    const top = new ElementWriter(this, '#document', -1);
    top.startOpen = false;
    this.document = top;
  }

  /** Reserves a place inside `el`, after what is written so far, for text known only at the end (`fill`). */
  reserve(el: XmlElementWriter): number {
    if (!(el instanceof ElementWriter)) throw new MalformedXmlError('not an element of this writer');
    this.enter(el);
    this.flush();
    this.chunks.push(new Uint8Array(0));
    return this.chunks.length - 1;
  }

  fill(slot: number, text: string): void {
    this.chunks[slot] = utf8(text);
  }

  /** Closes what is open; the document in UTF-8 chunks (each ends between two characters). */
  end(): Uint8Array[] {
    this.closeAll(0);
    this.flush();
    return this.chunks;
  }

  /** @internal Makes `el` the innermost open element, closing its open descendants. */
  enter(el: ElementWriter): void {
    if (el.level >= 0 && this.open[el.level] !== el) throw new MalformedXmlError(`<${el.name}> is written to after it was closed`);
    this.closeAll(el.level + 1);
    if (el.startOpen) {
      this.emit('>');
      el.startOpen = false;
    }
  }

  /** @internal */
  start(name: string, attributes: Readonly<Record<string, string>>, level: number): ElementWriter {
    let tag = `<${name}`;
    for (const [key, value] of Object.entries(attributes)) tag += ` ${key}="${escapeAttribute(value, key, name)}"`;
    this.emit(tag);
    const el = new ElementWriter(this, name, level);
    this.open.push(el);
    return el;
  }

  /** @internal */
  text(text: string): void {
    if (text !== '') this.emit(this.escapeText(text));
  }

  private escapeText(text: string): string {
    if (!needsEscaping.test(text)) return text;
    return text.replace(textSpecials, (c) => {
      const replaced = references[c];
      if (replaced !== undefined) return replaced;
      const codePoint = c.codePointAt(0) ?? 0;
      if (!notXmlCharacter.test(c)) return characterReference(codePoint);
      this.undeclaredCharacters.add(codePoint);
      return `<g ref="#${characterId(codePoint)}"/>`;
    });
  }

  private closeAll(level: number): void {
    while (this.open.length > level) {
      const el = this.open.pop() as ElementWriter;
      this.emit(el.startOpen ? '/>' : `</${el.name}>`);
      el.startOpen = false;
    }
  }

  private emit(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  /** A few thousand pieces at a time become UTF-8 bytes: no tree of string concatenations is kept. */
  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(utf8(this.pieces.join('')));
    this.pieces = [];
    this.size = 0;
  }
}

const references: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const textSpecials = new RegExp(needsEscaping.source, 'gu');
const attributeSpecials = new RegExp(needsEscapingInAttribute.source, 'gu');

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

function characterReference(codePoint: number): string {
  return `&#x${codePoint.toString(16).toUpperCase()};`;
}

/** An attribute value between double quotes, read back exactly (tab and line feed too, which a parser would normalise). */
export function escapeAttribute(value: string, attribute = 'an attribute', element = 'an element'): string {
  if (!needsEscapingInAttribute.test(value)) return value;
  return value.replace(attributeSpecials, (c) => {
    const replaced = references[c];
    if (replaced !== undefined) return replaced;
    const codePoint = c.codePointAt(0) ?? 0;
    if (notXmlCharacter.test(c))
      throw new MalformedXmlError(`@${attribute} of <${element}> would hold ${describeCodePoint(codePoint)}, which XML 1.0 cannot hold`);
    return characterReference(codePoint);
  });
}

/** Text content with only the markup characters escaped (for fixed templates, e.g. `init`'s files): `&`, `<`, `>`. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>]/gu, (c) => references[c] ?? c);
}
