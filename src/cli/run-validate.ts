/**
 * Validation as the commands run it (`validate`, and `build` after conversion): load the schemas
 * once, collect the files, check each one (a failure in one file is a message on that file; the
 * others go on), and return the messages. Reading files happens here, not in the checks.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { collectXmlFiles } from '../validate/collect-files.js';
import { type FileToValidate, validateFiles } from '../validate/validate-file.js';
import { loadValidationSetup } from '../validate/validation-setup.js';
import type { CliIO } from './cli-io.js';
import { display } from './load-edition.js';
import type { Reporter } from './reporter.js';

/** Files checked together by the Schematron engine: enough to spread its per-call cost, few enough to keep memory low. */
const BATCH_FILES = 50;
const BATCH_BYTES = 8 * 1024 * 1024;

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly schema: string | null;
  readonly schematron: string | null;
  readonly maxBytes?: number;
}

export interface ValidateRun {
  /** The files checked, as messages show them. */
  readonly files: string[];
  readonly messages: Diagnostic[];
  /** Messages that make this a usage error (exit 2): unusable schema, missing or unreadable files. */
  readonly usageErrors: Diagnostic[];
}

export async function runValidation(options: ValidateOptions, io: CliIO, reporter: Reporter): Promise<ValidateRun> {
  const shown = (p: string): string => display(io, p);
  const loaded = await loadValidationSetup({ schema: options.schema, schematron: options.schematron, display: shown, ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) });
  if (loaded.setup === undefined) return { files: [], messages: loaded.messages, usageErrors: loaded.messages.filter((m) => m.severity === 'error') };
  const setup = loaded.setup;
  const collected = await collectXmlFiles(options.paths.map((p) => resolve(io.cwd, p)));
  const usageErrors: Diagnostic[] = collected.missing.map((m) => diagnostic('error', 'file-unreadable', `cannot validate: ${m.reason}`, { file: shown(m.path) }, { fatal: true }));
  const messages: Diagnostic[] = [...loaded.messages, ...usageErrors];
  const files: string[] = [];
  let batch: FileToValidate[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    for (const fileMessages of await validateFiles(batch, setup)) messages.push(...fileMessages);
    batch = [];
    batchBytes = 0;
  };
  for (const [i, path] of collected.files.entries()) {
    const name = shown(path);
    files.push(name);
    reporter.progress('validate', i, collected.files.length, name);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      const unreadable = diagnostic('error', 'file-unreadable', `cannot read the file: ${e instanceof Error ? e.message : String(e)}`, { file: name }, { fatal: true });
      usageErrors.push(unreadable);
      messages.push(unreadable);
      continue;
    }
    batch.push({ bytes, path, shown: name });
    batchBytes += bytes.length;
    if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
  }
  if (batch.length > 0) await flush();
  return { files, messages, usageErrors };
}
