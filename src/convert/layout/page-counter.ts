/**
 * Page numbers for `pb/@n`: from the config's first page when known, else counted from 1 (the
 * header then says the numbering is the transcription's); a printed number (running head) resets
 * the count.
 */
import type { PageBreakMark } from './types.js';

export class PageCounter {
  private current: number;
  private firstNumber: number;
  private started = false;

  constructor(firstPage: number | null | undefined) {
    this.current = firstPage ?? 1;
    this.firstNumber = this.current;
  }

  /** The first page carries this printed number (a running head before any text). */
  setCurrent(printed: number | undefined): void {
    if (printed === undefined) return;
    this.current = printed;
    if (!this.started) this.firstNumber = printed;
  }

  first(atLine: number): PageBreakMark {
    return { n: String(this.firstNumber), atLine };
  }

  next(atLine: number, printed?: number): PageBreakMark {
    this.started = true;
    this.current = printed ?? this.current + 1;
    return { n: String(this.current), atLine };
  }
}
