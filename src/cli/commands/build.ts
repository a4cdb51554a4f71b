import { cp, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandDefinition } from '../command.js';
import { EXIT_USAGE, exitCodeFor } from '../exit-codes.js';
import { display } from '../display-path.js';
import { convertOptions, summaryCounts } from './convert.js';

/**
 * `build`: everything that makes the edition, in order: convert the raw texts to TEI, publish
 * the TEI files and the registers they point to in `output/tei/`, validate what was published
 * (RELAX NG and Schematron; an invalid edition stops the build there), then make the HTML
 * reading edition in `output/html/` and the print edition in `output/print/`.
 */
export const buildCommand: CommandDefinition = {
  command: 'build',
  describe: 'Build the edition: convert to TEI, validate it, publish it, its HTML and its print editions in output/',
  builder: (yargs) => yargs
    .option('out', { describe: 'output directory (default: output/ beside the config)', type: 'string' })
    .option('force', { describe: 'overwrite TEI files that were edited by hand', type: 'boolean', default: false })
    .option('jobs', { describe: 'worker threads (default: one per core from 2 MB of raw text on; 1 = in process)', type: 'number' })
    .example('$0 build', 'build the edition described by ./edition.json') as never,
  run: async (args, io, reporter) => {
    const { runConvert } = await import('../run-convert.js');
    const run = await runConvert({ ...convertOptions(args), sources: [], dryRun: false, report: false }, io, reporter);
    reporter.messages(run.messages);
    if (!run.ok) {
      reporter.json({ command: 'build', ok: false, messages: run.messages });
      return EXIT_USAGE;
    }
    const out = resolve(dirname(run.configPath), typeof args.out === 'string' ? args.out : 'output');
    const teiOut = resolve(out, 'tei');
    const published: string[] = [];
    if (exitCodeFor(run.messages) === 0) {
      await rm(teiOut, { recursive: true, force: true });
      for (const f of run.files) {
        const target = resolve(teiOut, `${f.source}.xml`);
        await cp(resolve(io.cwd, f.tei), target);
        published.push(display(io, target));
      }
      // The registers go along, where the texts' @ref point (persons.xml#… beside the texts).
      for (const [kind, file] of Object.entries(run.registers.files)) {
        const target = resolve(teiOut, run.registers.targets[kind as keyof typeof run.registers.targets] ?? '');
        await cp(resolve(io.cwd, file), target);
        published.push(display(io, target));
      }
    }
    for (const f of run.files) reporter.line(`${f.status.padEnd(9)}  ${f.tei}  ← ${f.raw}`);
    if (published.length > 0) reporter.line(`published ${published.length} TEI file${published.length === 1 ? '' : 's'} (texts and registers) in ${display(io, teiOut)}/`);
    const messages = [...run.messages];
    let validated = false;
    if (published.length > 0) {
      const { runValidation } = await import('../run-validate.js');
      const { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON } = await import('../../validate/validation-setup.js');
      const validation = await runValidation({ paths: [teiOut], schema: DEFAULT_SCHEMA, schematron: DEFAULT_SCHEMATRON }, io, reporter);
      reporter.messages(validation.messages);
      messages.push(...validation.messages);
      validated = exitCodeFor(validation.messages) === 0;
      reporter.line(validated
        ? `validated ${validation.files.length} TEI files (schemas/tei-edition.rng, schemas/tei-edition.sch): no errors`
        : 'the published TEI is not valid: build stopped (fix the errors above, or see `tei-edition validate`)');
    }
    let site: string[] = [];
    let book: string[] = [];
    if (validated) {
      const { runHtml } = await import('../run-html.js');
      const html = await runHtml({ config: String(args.config), ...(typeof args.out === 'string' ? { out: args.out } : {}), ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}) }, io, reporter);
      reporter.messages(html.messages);
      messages.push(...html.messages);
      site = html.pages;
      if (html.ok) reporter.line(`wrote the HTML edition: ${html.pages.length} pages in ${display(io, html.siteDir)}/ (open index.html)`);
      const { runPdf } = await import('../run-pdf.js');
      const pdf = await runPdf({ config: String(args.config), ...(typeof args.out === 'string' ? { out: args.out } : {}), ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}) }, io, reporter);
      reporter.messages(pdf.messages);
      messages.push(...pdf.messages);
      book = pdf.files;
      if (pdf.ok) reporter.line(`wrote the print edition: ${pdf.files.join(' and ')} (${pdf.pages} pages)`);
    }
    reporter.summary(`build: ${run.files.length} file${run.files.length === 1 ? '' : 's'}`, messages);
    reporter.json({ command: 'build', ok: exitCodeFor(messages) === 0, files: run.files, published, validated, site, book, summary: summaryCounts(messages) });
    return exitCodeFor(messages);
  },
};
