/**
 * The I/O edge of the registers: read a register file from disk and hand its text to the pure
 * reader. Every failure becomes a message on the file; nothing is thrown.
 */
import { foundInsteadOfFile, readInputFile } from '../io/read-input-file.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readRegister, type RegisterResult } from './read-register.js';

/** `shown` is the path as messages should show it (e.g. relative to the working directory). */
export async function readRegisterFile(path: string, shown: string = path): Promise<RegisterResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(path);
  } catch (error) {
    return { entries: [], messages: [unreadable(path, shown, error)] };
  }
  let text: string;
  try {
    // fatal: a register in Latin-1 would otherwise be read with U+FFFD in its names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      entries: [],
      messages: [
        diagnostic(
          'error',
          'register-not-utf8',
          `found bytes that are not UTF-8 in ${shown}, expected a UTF-8 TEI register`,
          { file: shown },
          { fatal: true },
        ),
      ],
    };
  }
  return readRegister(text, shown);
}

function unreadable(path: string, shown: string, error: unknown): Diagnostic {
  const found = foundInsteadOfFile(path, error);
  return diagnostic(
    'error',
    'register-missing',
    `found ${found}, expected a TEI register`,
    { file: shown },
    {
      fatal: true,
      hint: 'create it (tei-edition init writes an empty register of persons), or correct the path in edition.json',
    },
  );
}
