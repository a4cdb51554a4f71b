import { relative } from 'node:path';
import type { CliIO } from './cli-io.js';
import type { Diagnostic } from '../lib/diagnostics/diagnostic.js';

/** Paths in messages are relative to the working directory when inside it. */
export function display(io: CliIO, path: string): string {
  const rel = relative(io.cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/**
 * A stage's message on an absolute path, shown as the user named the file: the text's `shown`
 * name when the path is one of the edition's texts, else the path as `display` gives it.
 */
export function shownAt(io: CliIO, message: Diagnostic, shownByPath: ReadonlyMap<string, string>): Diagnostic {
  const file = shownByPath.get(message.position.file) ?? display(io, message.position.file);
  return { ...message, position: { ...message.position, file } };
}
