/**
 * Characters of the raw text that XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF) are written
 * as `<g ref="#char-U0001"/>`, each pointing to a declaration in `encodingDesc/charDecl`: TEI P5
 * §5.2 (Markup Constructs for Representation of Characters and Glyphs), `g` for a character that
 * cannot be given as it is, `char` to say what it is. The code point is a local property
 * (§5.2.1), which is how `src/recover` gives the character back.
 */
import { characterId, codePointLabel, describeCodePoint } from '../../lib/xml/xml-characters.js';
import { close, element } from './write-body.js';
import { XmlWriter } from '../../lib/xml/xml-writer.js';

/** The property name under which a declaration gives its code point (`U+0001`). */
export const CODE_POINT_PROPERTY = 'code-point';

/** The `charDecl` element (with the line feed and indentation before it), or '' when no character needs one. */
export function characterDeclaration(codePoints: Iterable<number>, depth: number): string {
  const sorted = [...codePoints].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const writer = new XmlWriter();
  const decl = element(writer.document, 'charDecl', {}, depth);
  for (const codePoint of sorted) {
    const char = element(decl, 'char', { 'xml:id': characterId(codePoint) }, depth + 1);
    element(char, 'localProp', { name: CODE_POINT_PROPERTY, value: codePointLabel(codePoint) }, depth + 2);
    element(char, 'desc', {}, depth + 2).txt(
      `${describeCodePoint(codePoint)}: a character of the raw transcription that XML 1.0 cannot hold; each g pointing here stands for one.`,
    );
    close(char, depth + 1);
  }
  close(decl, depth);
  return Buffer.concat(writer.end()).toString('utf8');
}
