import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
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
    const { writeFileAtomic } = await import('../../io/atomic-write.js');
    const files = scaffoldEdition(String(args.title));
    const existing: string[] = [];
    for (const f of files) {
      if (await exists(resolve(dir, f.path))) existing.push(f.path);
    }
    if (existing.length > 0) {
      const messages = [diagnostic('error', 'init-exists', `${display(io, dir)} already has ${existing.join(', ')}; nothing was written`, { file: display(io, resolve(dir, existing[0] as string)) },
        { hint: 'choose an empty folder' })];
      reporter.messages(messages);
      reporter.json({ command: 'init', ok: false, messages });
      return EXIT_USAGE;
    }
    for (const f of files) await writeFileAtomic(resolve(dir, f.path), f.content);
    const written = files.map((f) => display(io, resolve(dir, f.path)));
    for (const w of written) reporter.line(`created  ${w}`);
    reporter.line(`next: cd ${display(io, dir)} && tei-edition build`);
    reporter.json({ command: 'init', ok: true, files: written });
    return EXIT_OK;
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
