/**
 * Every TEI document the toolkit writes is read back by a strict XML parser (saxes: XML 1.0
 * well-formedness, namespaces, legal characters) before it is written, so a bug in a writer
 * becomes an error on the source rather than a silent file that no XML tool can open.
 */
import { NamespaceParser } from './namespace-parser.js';

export interface WellFormednessError {
  /** saxes's message, without its position prefix. */
  readonly message: string;
  /** Where the parser stopped, in the XML text (1-based; columns in UTF-16 units, as saxes counts). */
  readonly line: number;
  readonly column: number;
}

/** The XML text in pieces (streamed to the parser: no joined copy is needed); the first error, if any. */
export function checkWellFormed(chunks: Iterable<string>): WellFormednessError | undefined {
  // The parser validate uses: linear in the nesting (saxes alone walks every open element per prefix).
  const parser = new NamespaceParser();
  let found: WellFormednessError | undefined;
  parser.on('error', (error) => {
    found ??= {
      message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /u, '').replace(/\.$/u, ''),
      line: parser.line,
      column: parser.column + 1,
    };
  });
  for (const chunk of chunks) {
    parser.write(chunk);
    if (found) return found;
  }
  parser.close();
  return found;
}
