/**
 * `npm ci` / `npm run build:ts` (the prepare script) ends here: compile the package's XSLT
 * stylesheets to SEF once, so that the first `tei-edition html` does not wait for it. Later
 * changes to a stylesheet are picked up on first use (compile-stylesheet.ts).
 */
import { existsSync } from 'node:fs';
import { compiledStylesheet } from './compile-stylesheet.js';
import { HTML_STYLESHEET, PRINT_STYLESHEET } from './stylesheet-paths.js';

for (const stylesheet of [HTML_STYLESHEET, PRINT_STYLESHEET]) {
  if (!existsSync(stylesheet)) continue;
  const started = Date.now();
  const result = await compiledStylesheet(stylesheet);
  process.stdout.write(`${result.compiled ? 'compiled' : 'up to date'}: ${result.sefPath} (${Date.now() - started} ms)\n`);
}
