import { relative, resolve } from 'node:path';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { CommandDefinition } from '../command.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { display } from '../display-path.js';

export const initCommand: CommandDefinition = {
  command: 'init <dir>',
  describe: 'Start a new edition in <dir>: edition.json, tei/raw/ with an example, an empty register',
  builder: (yargs) => yargs
    .positional('dir', { describe: 'folder of the new edition (created if needed)', type: 'string' })
    .option('title', { describe: 'title of the edition', type: 'string', default: 'Untitled edition' })
    .example('$0 init my-edition --title "Lettres de 1917"', 'then: cd my-edition && tei-edition build') as never,
  run: async (args, io, reporter) => {
    const dir = resolve(io.cwd, String(args.dir));
    const { scaffoldEdition } = await import('../../scaffold/scaffold-edition.js');
    const { conflictsOf, writeNewFiles } = await import('../../io/new-files.js');
    const files = scaffoldEdition(String(args.title));
    const conflicts = await conflictsOf(dir, files);
    if (conflicts.length > 0) {
      const existing = conflicts.filter((c) => c.expected === 'nothing');
      const messages = [
        ...conflicts.filter((c) => c.expected === 'folder').map((c) => diagnostic('error', 'init-exists',
          `${display(io, c.path)} is a ${c.found === 'file' ? 'file' : 'special file'}, where init needs a folder; nothing was written`, { file: display(io, c.path) }, { hint: 'choose an empty or new folder' })),
        ...(existing.length === 0 ? [] : [diagnostic('error', 'init-exists',
          `${display(io, dir)} already has ${existing.map((c) => relative(dir, c.path)).join(', ')}; nothing was written`, { file: display(io, existing[0]!.path) }, { hint: 'choose an empty or new folder' })]),
      ];
      reporter.messages(messages);
      reporter.json({ command: 'init', ok: false, messages });
      return EXIT_USAGE;
    }
    await writeNewFiles(dir, files);
    const written = files.map((f) => display(io, resolve(dir, f.path)));
    for (const w of written) reporter.line(`created  ${w}`);
    reporter.line(`next: cd ${display(io, dir)} && tei-edition build`);
    reporter.json({ command: 'init', ok: true, files: written });
    return EXIT_OK;
  },
};
