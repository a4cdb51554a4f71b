/**
 * Reads a file to validate without ever reading more than the size limit allows: the size is
 * checked before reading (a 3.9 GB file is refused, not loaded), and the read itself stops one
 * byte past the limit, so a file that grows between the check and the read is still cut off.
 * Only regular files are read: the file is opened without waiting (a FIFO does not block) and its
 * kind is checked on the open file, so a path swapped for a FIFO or a device after the folder
 * walk is refused too. This is the only place where validation reads a TEI file.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { specialFileKind } from './file-kind.js';

export interface FileRead {
  /** The file's bytes; empty or cut short when the file is over the limit. */
  readonly bytes: Uint8Array;
  /** Set when the file is over the limit: its size, or (a file that grew while it was read) a lower bound. */
  readonly oversize?: Oversize;
}

export interface Oversize {
  readonly bytes: number;
  /** The file grew while it was read: `bytes` is what was read, the file is at least that large. */
  readonly atLeast: boolean;
}

/** A path that is not a regular file (FIFO, device, socket): refused before any read. */
export class NotARegularFile extends Error {
  constructor(readonly kind: string) {
    super(`it is ${kind}, not a regular file; expected a TEI XML file`);
    this.name = 'NotARegularFile';
  }
}

/** Rejects with NotARegularFile, or with the system's error (ENOENT, EACCES…) when the file cannot be opened. */
export async function readFileWithin(path: string, maxBytes: number): Promise<FileRead> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const kind = specialFileKind(info);
    if (kind !== undefined || info.isDirectory()) throw new NotARegularFile(kind ?? 'a folder');
    if (info.size > maxBytes) return { bytes: new Uint8Array(0), oversize: { bytes: info.size, atLeast: false } };
    const bytes = await readAtMost(handle, maxBytes + 1, info.size);
    return bytes.length > maxBytes ? { bytes, oversize: { bytes: bytes.length, atLeast: true } } : { bytes };
  } finally {
    await handle.close();
  }
}

/**
 * Reads until the end of the file or `limit` bytes, whichever comes first: the size stat gave
 * (`expected`) only sizes the first read, it is not trusted to be the end.
 */
export async function readAtMost(handle: FileHandle, limit: number, expected = 0): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = new Uint8Array(Math.min(limit - total, Math.max(expected + 1 - total, 64 * 1024)));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
