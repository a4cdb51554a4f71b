/**
 * Reading an input the user named (config, raw text, register, schema): only a regular file, and
 * never more than a bound. A FIFO would wait for a writer forever and /dev/zero never ends, so
 * what is not a regular file is refused before any read (NotARegularFile, whose message says what
 * it is); a file over the bound is refused from its size.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NotARegularFile, readFileWithin } from './read-file-within.js';
import { specialFileKind } from './file-kind.js';

/** Far above any config, transcription or register; a bound, not a policy (validate has --max-size). */
export const INPUT_FILE_BOUND = 1024 * 1024 * 1024;

/** A folder is refused as the system refuses it (EISDIR), so that callers say "a directory". */
function folderError(path: string): Error {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', path });
}

export async function readInputFile(path: string, maxBytes: number = INPUT_FILE_BOUND): Promise<Uint8Array> {
  if ((await stat(path)).isDirectory()) throw folderError(path);
  const read = await readFileWithin(path, maxBytes);
  if (read.oversize)
    throw new Error(`it is ${read.oversize.atLeast ? 'at least ' : ''}${read.oversize.bytes} bytes, over the limit of ${maxBytes} bytes`);
  return read.bytes;
}

/** The same, synchronously, as UTF-8 text (the RELAX NG compiler reads its files so). */
export function readInputFileSync(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const kind = specialFileKind(info);
    if (info.isDirectory()) throw folderError(path);
    if (kind !== undefined) throw new NotARegularFile(kind);
    if (info.size > INPUT_FILE_BOUND) throw new Error(`it is ${info.size} bytes, over the limit of ${INPUT_FILE_BOUND} bytes`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** What was found where a readable file was expected, for a message's "found …": no file, a directory, or why it cannot be read. */
export function foundInsteadOfFile(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  if (code === 'ENOENT') return `no file at ${path}`;
  if (code === 'EISDIR') return `a directory at ${path}`;
  return `${path}, which cannot be read (${code ?? (error instanceof Error ? error.message.replace(/; expected .*$/u, '') : String(error))})`;
}
