/**
 * What a path is when it is not a regular file or a folder, in words for messages: reading a
 * FIFO waits for a writer that may never come, reading a device such as /dev/zero never ends.
 */

/** The part of `fs.Stats` (or `BigIntStats`) that tells what kind of file it is. */
export interface FileTypeTests {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}

/** `undefined` for a regular file or a folder; otherwise what it is, e.g. "a FIFO (named pipe)". */
export function specialFileKind(info: FileTypeTests): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}
