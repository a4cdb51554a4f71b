import type { CommandDefinition } from '../command.js';
import { jobsOption } from '../jobs-option.js';
import { exitCodeFor } from '../exit-codes.js';
import { publishArgs } from './publish-args.js';

/**
 * `pdf`: the print edition in output/print/: edition.typ, made from the edition's TEI by XSLT 3.0
 * (xslt/print/edition.xsl, SaxonJS), and edition.pdf, compiled from it by Typst in process; of the
 * edition that edition.json describes, or of TEI files and folders named on the command line.
 */
export const pdfCommand: CommandDefinition = {
  command: 'pdf [files..]',
  describe: "Make the print edition (output/print/edition.typ and edition.pdf) from the edition's TEI, or from TEI files and folders",
  builder: (yargs) =>
    yargs
      .positional('files', {
        describe: 'TEI files, folders of them, or teiCorpus files: an edition without a config',
        type: 'string',
        array: true,
      })
      .option('out', {
        describe:
          "with a config: output directory (default: output/ beside it), the book goes to <out>/print; with files: the book's folder (default: output/print)",
        type: 'string',
      })
      .option('title', {
        describe: "with files: the title of the book (default: a teiCorpus title, else the first text's)",
        type: 'string',
      })
      .option('jobs', jobsOption('worker threads for the chapters (default: one per core from 24 texts on; 1 = in process)'))
      .option('typst-only', { describe: 'write edition.typ only, without compiling the PDF', type: 'boolean', default: false })
      .example('$0 pdf', 'the book of the edition described by ./edition.json, from its tei/ files')
      .example('$0 pdf letters/*.xml --out book', 'the book of some TEI files, without a config')
      .example('$0 pdf --typst-only', 'only the Typst source, to edit or compile with your own Typst') as never,
  run: async (args, io, reporter) => {
    const { runPdf } = await import('../run-pdf.js');
    const run = await runPdf(
      {
        config: String(args.config),
        ...publishArgs(args),
        typstOnly: args['typst-only'] === true,
        ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}),
      },
      io,
      reporter,
    );
    reporter.messages(run.messages);
    if (run.ok) reporter.line(`wrote ${run.files.join(' and ')}${run.pages > 0 ? ` (${run.pages} pages)` : ''}`);
    reporter.summary(`pdf: ${run.pages} page${run.pages === 1 ? '' : 's'}`, run.messages);
    reporter.json({ command: 'pdf', ok: run.ok, files: run.files, pages: run.pages, messages: run.messages });
    return exitCodeFor(run.messages);
  },
};
