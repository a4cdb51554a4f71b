import { relative } from 'node:path';
import type { CliIO } from './cli-io.js';

/** Paths in messages are relative to the working directory when inside it. */
export function display(io: CliIO, path: string): string {
  const rel = relative(io.cwd, path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}
