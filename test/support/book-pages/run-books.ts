/**
 * Converts each generated book in process, with the config its style needs, and scores it. A
 * conversion that throws is a score of its own (the converter must never throw), not a crash of
 * the run.
 */
import type { EditionConfig } from '../../../src/lib/config/types.js';
import type { Diagnostic } from '../../../src/lib/diagnostics/diagnostic.js';
import type { Lexicon } from '../../../src/lib/lexicon/lexicon.js';
import { convertSource } from '../../../src/convert/convert-source.js';
import { testEdition, testSource } from '../convert-text.js';
import type { GeneratedBook } from './corpus.js';
import { scoreBook, type BookScore } from './score.js';

export interface BookRun {
  readonly book: GeneratedBook;
  readonly xml?: string;
  readonly messages: readonly Diagnostic[];
  readonly score: BookScore;
  /** The conversion's time, for the bench (the test does not look at it). */
  readonly ms: number;
  /** The exception the converter threw, if it did. */
  readonly thrown?: string;
}

export function convertBook(book: GeneratedBook, lexicon?: Lexicon, edition: EditionConfig['edition'] = testEdition): BookRun {
  const source = testSource({ id: book.name.replace(/[^\w-]/gu, '-'), raw: `${book.name}.txt`, ...book.source });
  const start = performance.now();
  let xml: string | undefined;
  let messages: readonly Diagnostic[] = [];
  let thrown: string | undefined;
  try {
    const result = convertSource({ bytes: book.bytes, file: `${book.name}.txt`, source, edition, ...(lexicon ? { lexicon } : {}) });
    xml = result.xml;
    messages = result.messages;
  } catch (error) {
    thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const ms = performance.now() - start;
  const score = scoreBook(xml, messages, book.expected);
  return {
    book,
    ...(xml === undefined ? {} : { xml }),
    messages,
    score: thrown ? { ...score, failures: [`threw ${thrown}`, ...score.failures] } : score,
    ms,
    ...(thrown ? { thrown } : {}),
  };
}
