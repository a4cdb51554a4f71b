import type { CommandDefinition } from '../command.js';
import { jobsOption } from '../jobs-option.js';
import { exitCodeFor } from '../exit-codes.js';
import { display } from '../display-path.js';
import { publishArgs } from './publish-args.js';

/**
 * `html`: the HTML reading edition in output/html/ (index, one page per text, the registers),
 * made from the edition's TEI by XSLT 3.0 (xslt/html/edition.xsl, SaxonJS): the edition that
 * edition.json describes, or TEI files and folders named on the command line (no config).
 */
export const htmlCommand: CommandDefinition = {
  command: 'html [files..]',
  describe: "Make the HTML reading edition (output/html/) from the edition's TEI, or from TEI files and folders",
  builder: (yargs) =>
    yargs
      .positional('files', {
        describe: 'TEI files, folders of them, or teiCorpus files: an edition without a config',
        type: 'string',
        array: true,
      })
      .option('out', {
        describe:
          'with a config: output directory (default: output/ beside it), the site goes to <out>/html; with files: the site folder (default: output/html)',
        type: 'string',
      })
      .option('title', {
        describe: "with files: the title of the edition (default: a teiCorpus title, else the first text's)",
        type: 'string',
      })
      .option('jobs', jobsOption('worker threads (default: one per core from 24 texts on; 1 = in process)'))
      .example('$0 html', 'the site of the edition described by ./edition.json, from its tei/ files')
      .example('$0 html letters/ --out site', 'the site of the TEI files in letters/, without a config') as never,
  run: async (args, io, reporter) => {
    const { runHtml } = await import('../run-html.js');
    const run = await runHtml(
      { config: String(args.config), ...publishArgs(args), ...(typeof args.jobs === 'number' ? { jobs: args.jobs } : {}) },
      io,
      reporter,
    );
    reporter.messages(run.messages);
    if (run.ok) reporter.line(`wrote ${run.pages.length} pages in ${display(io, run.siteDir)}/ (open index.html)`);
    reporter.summary(`html: ${run.pages.length} page${run.pages.length === 1 ? '' : 's'}`, run.messages);
    reporter.json({ command: 'html', ok: run.ok, pages: run.pages, messages: run.messages });
    return exitCodeFor(run.messages);
  },
};
