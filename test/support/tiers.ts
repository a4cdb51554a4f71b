/**
 * The two test tiers, in one place.
 *
 * - The full tier, `npm test`: every test file of dist/test/, as CI runs it.
 * - The unit tier, `npm run test:unit`: every test file except those listed below, for the inner
 *   loop (under a minute). It needs no jing, chromium, Java, Typst/PDF or the real TEI corpus
 *   (../shared/reference/tei-real); the CLI runs in this process (runInProcess, through CliIO).
 *
 * A file is listed here with what keeps it out of the unit tier; a folder (ending in `/`) lists
 * every file in it. A test that needs the full tier inside a file of the unit tier says so with
 * `{ skip: fullTierOnly('…') }` (skipped, with that reason, in the unit tier only; `npm test` runs
 * it). test/architecture/test-tiers.test.ts checks that the list names files that exist and that
 * no file of the unit tier spawns the CLI or reads tei-real without such a gate.
 */
export const fullTierFiles: Readonly<Record<string, string>> = {
  'browser/': 'chromium (playwright-core): the HTML edition in a browser',
  'print/': 'Typst and PDFs (pdfjs, poppler)',
  'cache/incremental.test.ts': 'whole builds with the print edition (Typst, PDF) and two real processes sharing one cache',
  'convert/real-books.test.ts': 'tei-real laid out as book pages in every note style, and jing',
  'enrich/hyphenation-real.test.ts': 'tei-real',
  'cli/any-tei.test.ts': 'tei-real and the PDF of TEI files with no config',
  'cli/real-process.test.ts': 'the real command (bin/tei-edition.js) as a process: exit codes, stdout and stderr apart',
  'reliability/': "real processes: without root's rights (unshare), on a full disk (tmpfs), killed",
  'validate/jing-conformance.test.ts': 'jing, on tei-real against three schemas',
  'validate/schematron/embedded.test.ts': "tei_all.rng's Schematron on tei-real",
  'validate/schematron/portability.test.ts': 'Java and Saxon-HE (SchXslt), tei-real',
};

/** The environment variable the unit tier's runner sets. */
export const TIER_VARIABLE = 'TEI_EDITION_TEST_TIER';

/** Whether a test file (its path relative to test/, `/`-separated, .ts or .js) belongs to the unit tier. */
export function inUnitTier(relativePath: string): boolean {
  const path = relativePath.replace(/\.js$/u, '.ts');
  return !Object.keys(fullTierFiles).some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

/** For `{ skip }`: the reason, in the unit tier, for a test that needs the full tier; false elsewhere. */
export function fullTierOnly(reason: string): string | false {
  return process.env[TIER_VARIABLE] === 'unit' ? `full tier only (npm test): ${reason}` : false;
}
