/**
 * Offsets → 1-based line and column for messages (after vfile-location): work with offsets, turn
 * them into positions only when reporting. Columns count Unicode code points, as editors do.
 */

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Line breaks are `\n`, `\r\n` or a lone `\r`, as editors count them; a leading BOM is not a column. */
export function lineColumnLocator(text: string): (offset: number) => LineColumn {
  const starts = [text.startsWith('\uFEFF') ? 1 : 0];
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
