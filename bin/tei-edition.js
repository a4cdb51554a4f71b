#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` / `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'tei-edition: the compiled program is missing (dist/). Run `npm ci` (or `npm run build:ts`) in the tei-edition folder first.\n',
  );
  process.exit(2);
}
await import(main.href);
