/** Where things are, from the compiled test files (dist/test/...). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedDir = join(repoRoot, '..', 'shared');
export const teiAllSchema = join(sharedDir, 'reference', 'tei_all.rng');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const cliEntry = join(repoRoot, 'bin', 'tei-edition.js');

/** The reference files live beside the repository (../shared), as in CI; say so clearly when they do not. */
export function requireShared(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path} not found: the tests read the reference schemas and texts from ../shared/ beside the repository`);
  return path;
}
