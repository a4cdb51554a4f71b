/**
 * Offsets into a register's text → 1-based line and column, columns in Unicode code points like
 * every message of the toolkit. (The same rule as `lineColumnLocator` in src/config; kept here so
 * that the registers do not depend on the config module.)
 */

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Line breaks are `\n`, `\r\n` or a lone `\r`. */
export function textLocator(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const start = Math.min(starts[low] ?? 0, offset);
    return { line: low + 1, column: [...text.slice(start, offset)].length + 1 };
  };
}

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
