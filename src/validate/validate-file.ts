/**
 * One file through every check: bytes → XML text (encoding, size, DOCTYPE policy) →
 * well-formedness and RELAX NG in one streaming pass → Schematron (only on a well-formed document).
 * Pure apart from the Schematron engine reading the registers a document points to.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeXmlInput, refuseDoctype } from './read-xml-input.js';
import { validateDocument } from './relaxng/validate-document.js';
import { runSchematron } from './schematron/run-schematron.js';
import type { ValidationSetup } from './validation-setup.js';

/**
 * @param path absolute path (Schematron resolves `persons.xml#…` against it)
 * @param shown the file name used in messages
 */
export async function validateXmlBytes(bytes: Uint8Array, path: string, shown: string, setup: ValidationSetup): Promise<Diagnostic[]> {
  const input = decodeXmlInput(bytes, shown, setup.maxBytes);
  if (input.text === undefined) return input.messages;
  const outcome = validateDocument(input.text, { file: shown, ...(setup.grammar ? { grammar: setup.grammar } : {}), onDoctype: refuseDoctype(shown, input.text) });
  const messages = [...input.messages, ...outcome.messages];
  if (outcome.wellFormed && setup.schematron !== undefined) {
    const rules = await runSchematron(setup.schematron, input.text, path);
    messages.push(...rules.map((m) => (m.position.file === path ? { ...m, position: { ...m.position, file: shown } } : m)));
  }
  return messages;
}
