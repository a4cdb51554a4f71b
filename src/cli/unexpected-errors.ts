/**
 * The one place where an exception that escaped a command becomes a message: a file-system error
 * (an output folder that cannot be written, a full disk, a name too long…) is one line with the
 * path and what went wrong; anything else is an internal error. Never a stack trace, unless
 * TEI_EDITION_DEBUG is set (for reporting a bug).
 */
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { CliIO } from './cli-io.js';
import { display } from './display-path.js';
import { finalPath } from '../lib/io/output-folders.js';

/** What each error code means to a user, and what would fix it. */
const FILE_SYSTEM_ERRORS: Readonly<Record<string, { readonly what: string; readonly hint: string }>> = {
  EACCES: { what: 'permission denied', hint: "check the folder's permissions, or choose another output folder" },
  EPERM: { what: 'operation not permitted', hint: "check the folder's permissions, or choose another output folder" },
  EROFS: { what: 'the file system is read-only', hint: 'choose an output folder on a writable disk' },
  ENOSPC: { what: 'no space left on the device', hint: 'free some space, or choose an output folder on another disk' },
  EDQUOT: { what: 'the disk quota is exceeded', hint: 'free some space, or choose an output folder on another disk' },
  ENAMETOOLONG: { what: 'the file name is too long for the file system', hint: 'use shorter source ids or a shorter output path' },
  ENOTDIR: { what: 'a part of the path is a file, where a folder was expected', hint: 'move the file away, or choose another path' },
  EISDIR: { what: 'it is a folder, where a file was expected', hint: 'move the folder away, or choose another path' },
  EEXIST: { what: 'it already exists', hint: 'move it away, or choose another path' },
  ENOENT: { what: 'no such file or folder', hint: 'check the path' },
  EMFILE: { what: 'too many open files', hint: 'raise the limit of open files (ulimit -n), or run with --jobs 1' },
  EIO: { what: 'an input/output error of the disk', hint: 'check the disk' },
  ELOOP: { what: 'too many levels of symbolic links', hint: 'check the symbolic links on the path' },
};

export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    FILE_SYSTEM_ERRORS[(error as NodeJS.ErrnoException).code as string] !== undefined
  );
}

/** A file-system error as a message on the path it concerns. */
export function fileSystemDiagnostic(error: NodeJS.ErrnoException & { code: string }, io: CliIO, doing = 'cannot write'): Diagnostic {
  const known = FILE_SYSTEM_ERRORS[error.code] ?? { what: error.code, hint: '' };
  const written = (error as { dest?: string }).dest ?? error.path;
  const path = written === undefined ? undefined : finalPath(written);
  const file = path === undefined ? 'tei-edition' : display(io, path);
  return diagnostic(
    'error',
    'file-system',
    `${doing} ${path === undefined ? 'a file' : file}: ${known.what} (${error.code})`,
    { file },
    { fatal: true, ...(known.hint === '' ? {} : { hint: known.hint }) },
  );
}

/** Any other exception: a bug, said as such, with its first line only. */
export function internalErrorDiagnostic(error: unknown, io: CliIO): Diagnostic {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const first = (text.split('\n')[0] ?? '').slice(0, 300);
  const debug = io.env.TEI_EDITION_DEBUG !== undefined && error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : '';
  return diagnostic(
    'error',
    'internal-error',
    `tei-edition failed (a bug; please report it): ${first}${debug}`,
    { file: 'tei-edition' },
    { fatal: true, hint: 'set TEI_EDITION_DEBUG=1 to see where it failed, and include that in the report' },
  );
}
