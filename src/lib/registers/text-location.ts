/**
 * fast-xml-parser's validator positions → offsets (the line/column of messages is computed by
 * `src/lib/diagnostics/location.ts`, the toolkit's one locator).
 */
/**
 * fast-xml-parser's XMLValidator reports a line (lines split at `\n` or `\r\n`) and a column in
 * UTF-16 units; this turns them back into an offset, so that the column can be counted again in
 * code points.
 */
export function offsetOfValidatorPosition(text: string, line: number, column: number): number {
  let start = 0;
  const breaks = /\r?\n/g;
  for (let l = 1; l < line; l += 1) {
    const found = breaks.exec(text);
    if (found === null) break;
    start = found.index + found[0].length;
  }
  return Math.min(text.length, start + Math.max(0, column - 1));
}
