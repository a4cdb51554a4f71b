/**
 * Which characters XML 1.0 can hold (§2.2, production Char): everything but the C0 controls
 * other than tab, line feed and carriage return, the surrogates, and U+FFFE and U+FFFF. The
 * C1 controls and DEL are legal but discouraged (§2.2, note): the writer spells them as
 * character references, so that they are seen.
 */

/** A character the writer cannot copy as it is (markup, a carriage return, a control, a lone surrogate). */
export const needsEscaping = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** The same, for an attribute value (where also `"`, tab and line feed must be spelled out). */
export const needsEscapingInAttribute = /["&<>\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** Characters XML 1.0 cannot hold at all, not even as a character reference. */
export const notXmlCharacter = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** Control characters a raw transcription should not hold: C0 (but tab and line feed), DEL, C1, and U+FFFE/U+FFFF. */
export const strayControl = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF]/gu;

export function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** `U+0001`, `U+FFFE`, `U+1F600`. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The xml:id of a character's declaration in charDecl (`char-U0001`), pointed at by `g/@ref`. */
export function characterId(codePoint: number): string {
  return `char-U${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The code point an id made by characterId stands for. */
export function codePointOfId(id: string): number | undefined {
  const m = /^char-U([0-9A-F]{4,6})$/u.exec(id);
  return m ? Number.parseInt(m[1] as string, 16) : undefined;
}

const c0Names = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];

/** `U+0001 START OF HEADING`; the Unicode name alias of a C0 control, else what kind of character it is. */
export function describeCodePoint(codePoint: number): string {
  const label = codePointLabel(codePoint);
  if (codePoint < 0x20) return `${label} ${c0Names[codePoint] ?? ''}`;
  if (codePoint === 0x7f) return `${label} DELETE`;
  if (codePoint >= 0x80 && codePoint <= 0x9f) return `${label}, a C1 control character`;
  if (codePoint === 0xfffe || codePoint === 0xffff) return `${label}, a noncharacter`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `${label}, a lone surrogate`;
  return label;
}
