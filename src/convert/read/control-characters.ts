/**
 * Stray control characters in a text file (a byte left by an OCR engine or a word processor):
 * not enough to call the file binary, but worth a look. Each is reported at its line and column
 * (code points, in the decoded text), saying what the TEI does with it:
 *  - C0 controls (but tab and line feed) and U+FFFE/U+FFFF, which XML 1.0 cannot hold, become
 *    `<g ref="#char-U…"/>` declared in the header's charDecl (TEI P5 §5.2), so nothing is lost;
 *  - DEL and the C1 controls are legal XML and kept, written as character references;
 *  - form feed and vertical tab at the start or end of a line are white space, dropped with the
 *    line's other leading and trailing spaces (as the line splitter does).
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { characterId, describeCodePoint, isXmlCharacter } from '../../lib/xml/xml-characters.js';

/** Messages beyond this many are summed up in one. */
export const MAX_REPORTED_CONTROLS = 20;

const strayControl = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/gu;
const strayControlTest = new RegExp(strayControl.source, 'u');

export function strayControlMessages(lines: readonly string[], file: string): Diagnostic[] {
  const messages: Diagnostic[] = [];
  let count = 0;
  lines.forEach((text, i) => {
    if (count > MAX_REPORTED_CONTROLS || !strayControlTest.test(text)) return;
    for (const match of text.matchAll(strayControl)) {
      count += 1;
      const position = { file, line: i + 1, column: [...text.slice(0, match.index)].length + 1 };
      if (count > MAX_REPORTED_CONTROLS) {
        messages.push(diagnostic('warning', 'input-control-character', 'more control characters follow (not listed one by one)', position));
        return;
      }
      messages.push(describe(text, match.index, match[0], position));
    }
  });
  return messages;
}

function describe(line: string, index: number, c: string, position: { file: string; line: number; column: number }): Diagnostic {
  const codePoint = c.codePointAt(0) ?? 0;
  const what = describeCodePoint(codePoint);
  if (/\s/u.test(c) && atLineEdge(line, index)) {
    return diagnostic(
      'warning',
      'input-control-character',
      `found the control character ${what} at the edge of a line: it counts as white space and is dropped, like the line's indentation`,
      position,
    );
  }
  if (!isXmlCharacter(codePoint)) {
    return diagnostic(
      'warning',
      'input-control-character',
      `found ${what}, which XML 1.0 cannot hold: the TEI records it as <g ref="#${characterId(codePoint)}"/>, declared in the header's charDecl`,
      position,
      { hint: 'a stray character from OCR or a word processor? delete it from the raw text if it is not in the source' },
    );
  }
  return diagnostic(
    'warning',
    'input-control-character',
    `found the control character ${what}: kept, written as the character reference &#x${codePoint.toString(16).toUpperCase()};`,
    position,
    {
      hint:
        codePoint >= 0x80
          ? 'in a UTF-8 file, a C1 control is usually a character decoded with the wrong encoding (’ as U+0092): check the line'
          : 'delete it from the raw text if it is not in the source',
    },
  );
}

/** Only white space between the character and the start or the end of its line. */
function atLineEdge(line: string, index: number): boolean {
  return /^[\s\u00a0]*$/u.test(line.slice(0, index)) || /^[\s\u00a0]*$/u.test(line.slice(index + 1));
}
