/**
 * Files through every check: bytes → XML text (encoding, size, DOCTYPE policy) →
 * well-formedness and RELAX NG in one streaming pass → Schematron (only on well-formed
 * documents, several at a time: the Schematron engine pays its per-evaluation cost once per batch).
 * Pure apart from the Schematron engine reading the registers a document points to.
 */
import type { Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { decodeXmlInput, refuseDoctype } from './read-xml-input.js';
import type { Oversize } from '../lib/io/read-file-within.js';
import { validateDocument } from './relaxng/validate-document.js';
import type { ValidationSetup } from './validation-setup.js';

export interface FileToValidate {
  readonly bytes: Uint8Array;
  /** Absolute path (Schematron resolves `persons.xml#…` against it). */
  readonly path: string;
  /** The file name used in messages. */
  readonly shown: string;
  /** Set when the file is over the size limit and was not read whole (see readFileWithin). */
  readonly oversize?: Oversize;
}

/** The messages of each file, in input order. */
export async function validateFiles(files: readonly FileToValidate[], setup: ValidationSetup): Promise<Diagnostic[][]> {
  const results: Diagnostic[][] = [];
  const forSchematron: { index: number; xml: string; file: FileToValidate }[] = [];
  for (const [index, file] of files.entries()) {
    const input = decodeXmlInput(file.bytes, file.shown, setup.maxBytes, file.oversize);
    if (input.text === undefined) {
      results.push(input.messages);
      continue;
    }
    const outcome = validateDocument(input.text, {
      file: file.shown,
      ...(setup.grammar ? { grammar: setup.grammar } : {}),
      onDoctype: refuseDoctype(file.shown, input.text),
    });
    results.push([...input.messages, ...outcome.messages]);
    if (outcome.wellFormed && setup.schematrons.length > 0) forSchematron.push({ index, xml: input.text, file });
  }
  for (const schematron of forSchematron.length > 0 ? setup.schematrons : []) {
    const { runSchematronBatch } = await import('./schematron/run-schematron.js');
    const found = await runSchematronBatch(
      schematron,
      forSchematron.map((f) => ({ xml: f.xml, file: f.file.path })),
    );
    found.forEach((messages, k) => {
      const { index, file } = forSchematron[k]!;
      results[index]!.push(
        ...messages.map((m) => (m.position.file === file.path ? { ...m, position: { ...m.position, file: file.shown } } : m)),
      );
    });
  }
  return results;
}
