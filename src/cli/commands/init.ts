import { relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { CliIO } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import { exitCodeFor } from '../exit-codes.js';
import { display } from '../display-path.js';

export const initCommand: CommandDefinition = {
  command: 'init <dir>',
  describe:
    'Start a new edition in <dir>: edition.json, tei/raw/ with an example, an empty register; or an edition.json for TEI you have (--from-tei)',
  builder: (yargs) =>
    yargs
      .positional('dir', { describe: 'folder of the new edition (created if needed)', type: 'string' })
      .option('title', {
        describe: 'title of the edition (default: Untitled edition; with --from-tei: read from the headers)',
        type: 'string',
      })
      .option('from-tei', {
        describe: 'describe the TEI files of this folder (or file) in edition.json instead of starting from an example',
        type: 'string',
      })
      .example('$0 init my-edition --title "Lettres de 1917"', 'then: cd my-edition && tei-edition build')
      .example('$0 init . --from-tei letters/', 'an edition.json for the TEI files you have; then: tei-edition build') as never,
  run: async (args, io, reporter) => {
    const dir = resolve(io.cwd, String(args.dir));
    const { conflictsOf, writeNewFiles } = await import('../../lib/io/new-files.js');
    const title = typeof args.title === 'string' ? args.title : undefined;
    let files: { path: string; content: string }[];
    if (typeof args['from-tei'] === 'string') {
      const described = await describeTei(resolve(io.cwd, args['from-tei']), dir, title, io);
      if ('refused' in described) {
        reporter.messages(described.refused);
        reporter.json({ command: 'init', ok: false, messages: described.refused });
        return exitCodeFor(described.refused);
      }
      files = described.files;
    } else {
      const { scaffoldEdition } = await import('../scaffold/scaffold-edition.js');
      files = scaffoldEdition(title ?? 'Untitled edition');
    }
    const conflicts = await conflictsOf(dir, files);
    if (conflicts.length > 0) {
      const existing = conflicts.filter((c) => c.expected === 'nothing');
      const messages = [
        ...conflicts
          .filter((c) => c.expected === 'folder')
          .map((c) =>
            diagnostic(
              'error',
              'init-exists',
              `${display(io, c.path)} is a ${c.found === 'file' ? 'file' : 'special file'}, where init needs a folder; nothing was written`,
              { file: display(io, c.path) },
              { hint: 'choose an empty or new folder' },
            ),
          ),
        ...(existing.length === 0
          ? []
          : [
              diagnostic(
                'error',
                'init-exists',
                `${display(io, dir)} already has ${existing.map((c) => relative(dir, c.path)).join(', ')}; nothing was written`,
                { file: display(io, existing[0]!.path) },
                { hint: 'choose an empty or new folder' },
              ),
            ]),
      ];
      reporter.messages(messages);
      reporter.json({ command: 'init', ok: false, messages });
      return exitCodeFor(messages);
    }
    await writeNewFiles(dir, files);
    const written = files.map((f) => display(io, resolve(dir, f.path)));
    for (const w of written) reporter.line(`created  ${w}`);
    reporter.line(`next: cd ${display(io, dir)} && tei-edition build`);
    reporter.json({ command: 'init', ok: true, files: written });
    return exitCodeFor([]);
  },
};

/** edition.json describing the TEI files found at `from`, with paths relative to `dir`. */
async function describeTei(
  from: string,
  dir: string,
  title: string | undefined,
  io: CliIO,
): Promise<{ files: { path: string; content: string }[] } | { refused: Diagnostic[] }> {
  const { collectXmlFiles } = await import('../../lib/io/collect-files.js');
  const { readFile } = await import('node:fs/promises');
  const { pathToFileURL } = await import('node:url');
  const { headerSummary } = await import('../../publish/xslt/header-summary.js');
  const { editionFromTei } = await import('../scaffold/edition-from-tei.js');
  const collected = await collectXmlFiles([from], (p) => display(io, p));
  if (collected.missing.length > 0 || collected.files.length === 0) {
    const why = collected.missing[0]?.reason ?? 'no *.xml file in it';
    return {
      refused: [
        diagnostic(
          'error',
          'init-from-tei',
          `--from-tei ${display(io, from)}: found ${why}; expected a TEI file or a folder of TEI files`,
          { file: display(io, from) },
        ),
      ],
    };
  }
  const summaries = [];
  const skipped: Diagnostic[] = [];
  for (const file of collected.files) {
    try {
      summaries.push({
        path: relative(dir, file).split(sep).join('/'),
        header: await headerSummary(await readFile(file, 'utf8'), pathToFileURL(file).href),
      });
    } catch (error) {
      skipped.push(
        diagnostic(
          'error',
          'init-from-tei',
          `not well-formed XML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; expected a TEI file`,
          { file: display(io, file) },
        ),
      );
    }
  }
  if (skipped.length > 0) return { refused: skipped };
  const config = editionFromTei(summaries, title);
  return { files: [{ path: 'edition.json', content: `${JSON.stringify(config, null, 2)}\n` }] };
}
