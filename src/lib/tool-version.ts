/** The package version, for the TEI header's revisionDesc and `--version`. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'tei-edition' && pkg.version) return pkg.version;
    } catch {
      // not at this depth (src/lib/ when run from source, dist/src/lib/ when compiled)
    }
  }
  return '0.0.0';
}

export const toolVersion = readVersion();
