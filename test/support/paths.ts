/** Where things are, from the compiled test files (dist/test/...). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedDir = join(repoRoot, '..', 'shared');
export const teiAllSchema = join(sharedDir, 'reference', 'tei_all.rng');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const cliEntry = join(repoRoot, 'bin', 'tei-edition.js');
