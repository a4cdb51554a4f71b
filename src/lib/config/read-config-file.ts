/**
 * The I/O edge of the config: read `edition.json` from disk and hand its text to the pure
 * loader. Every failure becomes a message on the config file; nothing is thrown.
 */

import { foundInsteadOfFile, readInputFile } from '../io/read-input-file.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadEditionConfig, type EditionConfigResult } from './load-config.js';

export async function readEditionConfigFile(path: string): Promise<EditionConfigResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(path);
  } catch (error) {
    return { messages: [unreadable(path, error)] };
  }
  let text: string;
  try {
    // fatal: a config in Latin-1 would otherwise load with U+FFFD in names and titles.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      messages: [
        diagnostic(
          'error',
          'config-json',
          `found bytes that are not UTF-8 in ${path}, expected UTF-8 text`,
          { file: path },
          { fatal: true },
        ),
      ],
    };
  }
  return loadEditionConfig(text, path);
}

function unreadable(path: string, error: unknown): Diagnostic {
  const found = foundInsteadOfFile(path, error);
  return diagnostic(
    'error',
    'config-missing',
    `found ${found}, expected an edition config file`,
    { file: path },
    {
      fatal: true,
      hint: 'run `tei-edition init` to create one, or give the path of an existing edition.json',
    },
  );
}
