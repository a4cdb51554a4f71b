/** Writes are atomic: the content goes to a temporary file beside the target, then is renamed over it. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    // The user knows the file they asked for, not our temporary name.
    if (error instanceof Error && 'code' in error && (!('path' in error) || error.path === temporary)) Object.assign(error, { path });
    throw error;
  }
}
