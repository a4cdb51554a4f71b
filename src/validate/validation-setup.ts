/**
 * What a validation run checks against, loaded once per run however many files: the RELAX NG
 * schema (default: the project's `schemas/tei-edition.rng`), the Schematron rules that go with
 * it (`schemas/tei-edition.sch`), and the size limit. A schema that cannot be used is a fatal
 * message on the schema file (a usage error: nothing can be validated).
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileSchema, type CompiledGrammar } from './relaxng/compile-schema.js';
import { SchemaError } from './relaxng/rng-tree.js';
import type { CompiledSchematron } from './schematron/compile-schematron.js';
import { DEFAULT_MAX_BYTES } from './read-xml-input.js';

/** From dist/src/validate/ (compiled) or src/validate/: the package's own schemas folder. */
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_SCHEMA = `${packageRoot}schemas/tei-edition.rng`;
export const DEFAULT_SCHEMATRON = `${packageRoot}schemas/tei-edition.sch`;

export interface ValidationSetup {
  readonly grammar?: CompiledGrammar;
  readonly schematron?: CompiledSchematron;
  readonly maxBytes: number;
}

export interface SetupOptions {
  /** RELAX NG schema file; null: well-formedness only. */
  readonly schema: string | null;
  /** Schematron file; null: no Schematron. */
  readonly schematron: string | null;
  readonly maxBytes?: number;
  /** How the schema paths appear in messages. */
  readonly display?: (path: string) => string;
}

export async function loadValidationSetup(options: SetupOptions): Promise<{ setup?: ValidationSetup; messages: Diagnostic[] }> {
  const shown = options.display ?? ((p: string) => p);
  const messages: Diagnostic[] = [];
  let grammar: CompiledGrammar | undefined;
  if (options.schema !== null) {
    try {
      grammar = compileSchema(options.schema, (path) => readFileSync(path, 'utf8'));
    } catch (e) {
      messages.push(schemaFailure(e, options.schema, shown));
    }
  }
  let schematron: CompiledSchematron | undefined;
  if (options.schematron !== null) {
    try {
      const text = await readFile(options.schematron, 'utf8');
      // Loaded only when Schematron runs: SaxonJS takes a few hundred milliseconds to load.
      const { compileSchematron } = await import('./schematron/compile-schematron.js');
      const compiled = compileSchematron(text, shown(options.schematron));
      messages.push(...compiled.messages);
      schematron = compiled.schematron;
    } catch (e) {
      messages.push(diagnostic('error', 'schematron-file', `cannot read the Schematron rules: ${e instanceof Error ? e.message : String(e)}`, { file: shown(options.schematron) }, { fatal: true }));
    }
  }
  if (messages.some((m) => m.severity === 'error')) return { messages };
  return { setup: { ...(grammar ? { grammar } : {}), ...(schematron ? { schematron } : {}), maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES }, messages };
}

function schemaFailure(e: unknown, schema: string, shown: (p: string) => string): Diagnostic {
  if (e instanceof SchemaError) {
    return diagnostic('error', 'schema-file', `the RELAX NG schema cannot be used: ${e.message}`, { file: shown(e.file), line: e.line, column: e.column }, { fatal: true });
  }
  const message = e instanceof Error ? e.message : String(e);
  return diagnostic('error', 'schema-file', `cannot read the RELAX NG schema: ${message}`, { file: shown(schema) }, { fatal: true });
}
