import { cp, mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputTransaction } from '../../io/output-folders.js';
import type { CliIO } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import type { Reporter } from '../reporter.js';
import type { ConvertRun } from '../run-convert.js';
import { outputRoot, refusalDiagnostic } from '../output-root.js';
import { DEFAULT_MAX_SIZE_MB, jobsOption, maxSizeOption } from '../jobs-option.js';
import { EXIT_USAGE, exitCodeFor } from '../exit-codes.js';
import { display } from '../display-path.js';
import { convertOptions, summaryCounts } from './convert.js';

/**
 * `build`: everything that makes the edition, in order: convert the raw texts to TEI, publish
 * the TEI files and the registers they point to in `output/tei/`, validate what was published
 * (RELAX NG and Schematron; an invalid edition stops the build there), then make the HTML
 * reading edition in `output/html/` and the print edition in `output/print/`.
 *
 * The three output folders are written beside the old ones and swapped in together only when
 * everything succeeded: an invalid edition, a failed stylesheet, a full disk or a kill leaves the
 * previous output whole. The output may not hold the edition's sources (`--out .` is refused).
 */
export const buildCommand: CommandDefinition = {
  command: 'build',
  describe: 'Build the edition: convert to TEI, validate it, publish it, its HTML and its print editions in output/',
  builder: (yargs) => yargs
    .option('out', { describe: 'output directory (default: output/ beside the config)', type: 'string' })
    .option('force', { describe: 'overwrite TEI files that were edited by hand', type: 'boolean', default: false })
    .option('max-size', maxSizeOption('largest TEI file to validate, in MB'))
    .option('jobs', jobsOption('worker threads (default: one per core from 2 MB of raw text on; 1 = in process)'))
    .example('$0 build', 'build the edition described by ./edition.json') as never,
  run: async (args, io, reporter) => {
    const out = typeof args.out === 'string' ? args.out : undefined;
    // Where the build publishes is checked before anything is written, even the TEI of convert.
    const { loadEdition } = await import('../load-edition.js');
    const edition = await loadEdition(String(args.config), io);
    if ('config' in edition && !edition.messages.some((m) => m.severity === 'error')) {
      const checked = outputRoot({ config: edition.config, configPath: edition.configPath, registerFiles: Object.values(edition.registers.files) }, out, io);
      if ('refusal' in checked) return usageError([checked.refusal], reporter);
    }
    const { runConvert } = await import('../run-convert.js');
    const run = await runConvert({ ...convertOptions(args), sources: [], dryRun: false, report: false }, io, reporter);
    reporter.messages(run.messages);
    if (!run.ok) {
      reporter.json({ command: 'build', ok: false, messages: run.messages });
      return EXIT_USAGE;
    }
    const where = outputRoot({ config: run.config, configPath: run.configPath, registerFiles: Object.values(run.registers.files) }, out, io);
    if ('refusal' in where) return usageError([where.refusal], reporter);
    const { OutputTransaction } = await import('../../io/output-folders.js');
    const built = await OutputTransaction.run(async (output) => {
      const result = await publishAndRender(run, where.root, { out, jobs: typeof args.jobs === 'number' ? args.jobs : undefined, maxSize: typeof args['max-size'] === 'number' ? args['max-size'] : DEFAULT_MAX_SIZE_MB }, output, io, reporter);
      return { commit: !result.usage && exitCodeFor(result.messages) === 0 && result.validated, value: result };
    });
    if (built.usage) {
      // Its messages were printed as they came.
      reporter.json({ command: 'build', ok: false, messages: [...run.messages, ...built.messages] });
      return EXIT_USAGE;
    }
    for (const f of run.files) reporter.line(`${f.status.padEnd(9)}  ${f.tei}  ← ${f.raw}`);
    const teiOut = join(where.root, 'tei');
    const messages = [...run.messages, ...built.messages];
    const ok = exitCodeFor(messages) === 0 && built.validated;
    if (built.published.length > 0) {
      reporter.line(built.validated
        ? `validated ${built.published.length} TEI files (schemas/tei-edition.rng, schemas/tei-edition.sch): no errors`
        : 'the TEI to publish is not valid: build stopped (fix the errors above, or see `tei-edition validate`)');
    }
    if (ok) {
      reporter.line(`published ${built.published.length} TEI file${built.published.length === 1 ? '' : 's'} (texts and registers) in ${display(io, teiOut)}/`);
      reporter.line(`wrote the HTML edition: ${built.site.length} pages in ${display(io, join(where.root, 'html'))}/ (open index.html)`);
      reporter.line(`wrote the print edition: ${built.book.join(' and ')} (${built.pages} pages)`);
    } else if (built.published.length > 0) reporter.line(`nothing was published: the previous output in ${display(io, where.root)}/ is unchanged`);
    reporter.summary(`build: ${run.files.length} file${run.files.length === 1 ? '' : 's'}`, messages);
    reporter.json({ command: 'build', ok, files: run.files, published: ok ? built.published : [], validated: built.validated, site: ok ? built.site : [], book: ok ? built.book : [], summary: summaryCounts(messages) });
    return exitCodeFor(messages);
  },
};

interface Built {
  readonly usage: boolean;
  readonly messages: Diagnostic[];
  /** The published TEI files, as messages show them (in their final place). */
  readonly published: string[];
  readonly validated: boolean;
  readonly site: string[];
  readonly book: string[];
  readonly pages: number;
}

/**
 * Into staged folders: the TEI (texts and the registers their @ref point to), validated there;
 * then, when valid, the HTML and print editions. The caller swaps them in only when all succeeded.
 */
async function publishAndRender(run: Extract<ConvertRun, { ok: true }>, root: string, options: { out: string | undefined; jobs: number | undefined; maxSize: number }, output: OutputTransaction, io: CliIO, reporter: Reporter): Promise<Built> {
  const nothing: Built = { usage: false, messages: [], published: [], validated: false, site: [], book: [], pages: 0 };
  if (exitCodeFor(run.messages) !== 0) return nothing;
  const teiOut = join(root, 'tei');
  const copies: { from: string; name: string }[] = [
    ...run.files.map((f) => ({ from: resolve(io.cwd, f.tei), name: `${f.source}.xml` })),
    // The registers go along, where the texts' @ref point (persons.xml#… beside the texts).
    ...Object.entries(run.registers.files).map(([kind, file]) => ({ from: resolve(io.cwd, file), name: run.registers.targets[kind as keyof typeof run.registers.targets] ?? '' })),
  ];
  const staged = await output.stage(teiOut, (p) => display(io, p));
  if (!('dir' in staged)) {
    const refused = [refusalDiagnostic(staged)];
    reporter.messages(refused);
    return { ...nothing, usage: true, messages: refused };
  }
  const published: string[] = [];
  for (const { from, name } of copies) {
    await mkdir(dirname(resolve(staged.dir, name)), { recursive: true });
    await cp(from, resolve(staged.dir, name));
    published.push(display(io, resolve(teiOut, name)));
  }
  const { runValidation } = await import('../run-validate.js');
  const { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON } = await import('../../validate/validation-setup.js');
  // Messages name the file the editor corrects (tei/<id>.xml, the register), not the staged copy.
  const sourceOf = new Map(copies.map((c) => [resolve(staged.dir, c.name), c.from]));
  const shownAs = (p: string): string => display(io, sourceOf.get(resolve(p)) ?? join(teiOut, relative(staged.dir, p)));
  const validation = await runValidation({ paths: [staged.dir], schema: DEFAULT_SCHEMA, schematron: DEFAULT_SCHEMATRON, maxBytes: Math.round(options.maxSize * 1024 * 1024), shownAs }, io, reporter);
  reporter.messages(validation.messages);
  const messages = [...validation.messages];
  if (exitCodeFor(validation.messages) !== 0 || validation.usageErrors.length > 0) return { ...nothing, messages, published };
  const common = { config: String(run.configPath), ...(options.out === undefined ? {} : { out: options.out }), ...(options.jobs === undefined ? {} : { jobs: options.jobs }), output };
  const { runHtml } = await import('../run-html.js');
  const html = await runHtml(common, io, reporter);
  reporter.messages(html.messages);
  messages.push(...html.messages);
  if (html.usage) return { ...nothing, usage: true, messages, published, validated: true };
  const { runPdf } = await import('../run-pdf.js');
  const pdf = await runPdf(common, io, reporter);
  reporter.messages(pdf.messages);
  messages.push(...pdf.messages);
  return { usage: pdf.usage, messages, published, validated: true, site: html.pages, book: pdf.files, pages: pdf.pages };
}

function usageError(messages: Diagnostic[], reporter: Reporter): number {
  reporter.messages(messages);
  reporter.json({ command: 'build', ok: false, messages });
  return EXIT_USAGE;
}
