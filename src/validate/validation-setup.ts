/**
 * What a validation run checks against, loaded once per run however many files: the RELAX NG
 * schema (default: the project's `schemas/tei-edition.rng`), the Schematron embedded in it (as
 * TEI's ODD-generated schemas carry it), the Schematron rules file (default
 * `schemas/tei-edition.sch`), and the size limit. A schema that cannot be used is a fatal
 * message on the schema file (a usage error: nothing can be validated); an embedded pattern the
 * engine cannot run is one warning (the others run).
 */
import { readFile } from 'node:fs/promises';
import { readInputFileSync } from '../lib/io/read-input-file.js';
import { basename, extname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import { compileSchema, type CompiledGrammar } from './relaxng/compile-schema.js';
import { SchemaError } from './relaxng/rng-tree.js';
import type { CompiledSchematron } from './schematron/compile-schematron.js';
import { SCHEMATRON_NS } from './schematron/sch-tree.js';
import { DEFAULT_MAX_BYTES } from './read-xml-input.js';

import { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON } from './default-schemas.js';

export { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON };

export interface ValidationSetup {
  readonly grammar?: CompiledGrammar;
  /** The Schematron embedded in the RELAX NG schema, then the rules file (each runs on every well-formed document). */
  readonly schematrons: readonly CompiledSchematron[];
  readonly maxBytes: number;
}

export interface SetupOptions {
  /** RELAX NG schema file; null: well-formedness only. */
  readonly schema: string | null;
  /** Schematron file; null: no Schematron file. */
  readonly schematron: string | null;
  /** Run the Schematron embedded in the RELAX NG schema, if any (default true; `--no-schematron` turns it off). */
  readonly embeddedSchematron?: boolean;
  readonly maxBytes?: number;
  /** The Schematron phase to run (ISO 19757-3 §5.4.10): a phase id, `#ALL` or `#DEFAULT` (the schema's @defaultPhase, the default). */
  readonly phase?: string;
  /** How the schema paths appear in messages. */
  readonly display?: (path: string) => string;
}

export async function loadValidationSetup(options: SetupOptions): Promise<{ setup?: ValidationSetup; messages: Diagnostic[] }> {
  const shown = options.display ?? ((p: string) => p);
  const messages: Diagnostic[] = [];
  let grammar: CompiledGrammar | undefined;
  let schemaText: string | undefined;
  if (options.schema !== null) {
    const schema = options.schema;
    try {
      grammar = compileSchema(schema, (path) => {
        const text = readInputFileSync(path);
        if (resolve(path) === resolve(schema)) schemaText = text;
        return text;
      });
    } catch (e) {
      messages.push(schemaFailure(e, schema, shown));
    }
  }
  const schematrons: CompiledSchematron[] = [];
  if (options.schema !== null && schemaText !== undefined && options.embeddedSchematron !== false) {
    const embedded = await loadEmbeddedSchematron(schemaText, options.schema, shown, options.phase);
    messages.push(...embedded.messages);
    if (embedded.schematron !== undefined) schematrons.push(embedded.schematron);
  }
  if (options.schematron !== null) {
    try {
      const text = await readFile(options.schematron, 'utf8');
      // Loaded only when Schematron runs: SaxonJS takes a few hundred milliseconds to load.
      const { compileSchematron } = await import('./schematron/compile-schematron.js');
      const compiled = compileSchematron(text, shown(options.schematron), {
        ...rulesOptions(options.schematron),
        ...(options.phase === undefined ? {} : { phase: options.phase }),
      });
      messages.push(...compiled.messages);
      if (compiled.schematron !== undefined) schematrons.push(compiled.schematron);
    } catch (e) {
      messages.push(
        diagnostic(
          'error',
          'schematron-file',
          `cannot read the Schematron rules: ${e instanceof Error ? e.message : String(e)}`,
          { file: shown(options.schematron) },
          { fatal: true },
        ),
      );
    }
  }
  if (messages.some((m) => m.severity === 'error')) return { messages };
  return { setup: { ...(grammar ? { grammar } : {}), schematrons, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES }, messages };
}

/**
 * Whether a run with these options checks Schematron, told without compiling anything (a run that
 * starts workers leaves the compiling to them): a rules file is given, or the RELAX NG schema
 * carries Schematron. A schema that cannot be read says no (loading it will say why).
 */
export function schematronExpected(options: SetupOptions): boolean {
  if (options.schematron !== null) return true;
  if (options.schema === null || options.embeddedSchematron === false) return false;
  try {
    return readInputFileSync(options.schema).includes(SCHEMATRON_NS);
  } catch {
    return false;
  }
}

/**
 * The project's rules are read strictly and their messages are `tei-edition/<id>`; any other
 * rules file is read as other people write Schematron, its messages `<file name>/<id>`.
 */
function rulesOptions(file: string): { strict: boolean; ruleSet: string } {
  if (resolve(file) === resolve(DEFAULT_SCHEMATRON)) return { strict: true, ruleSet: 'tei-edition' };
  return { strict: false, ruleSet: schemaName(file) };
}

/** `tei_all` for `…/tei_all.rng`: the first part of the rule ids of a foreign schema's messages. */
function schemaName(file: string): string {
  return basename(file, extname(file)) || 'schematron';
}

async function loadEmbeddedSchematron(
  text: string,
  schema: string,
  shown: (p: string) => string,
  phase: string | undefined,
): Promise<{ schematron?: CompiledSchematron; messages: Diagnostic[] }> {
  if (!text.includes(SCHEMATRON_NS)) return { messages: [] };
  const { embeddedSchematron } = await import('./schematron/embedded-schematron.js');
  const root = embeddedSchematron(text);
  if (root === undefined) return { messages: [] };
  const { compileSchematronTree } = await import('./schematron/compile-schematron.js');
  return compileSchematronTree(root, shown(schema), {
    strict: false,
    ruleSet: schemaName(schema),
    skipBrokenPatterns: true,
    ...(phase === undefined ? {} : { phase }),
  });
}

function schemaFailure(e: unknown, schema: string, shown: (p: string) => string): Diagnostic {
  if (e instanceof SchemaError) {
    return diagnostic(
      'error',
      'schema-file',
      `the RELAX NG schema cannot be used: ${e.message}`,
      { file: shown(e.file), line: e.line, column: e.column },
      { fatal: true },
    );
  }
  const message = e instanceof Error ? e.message : String(e);
  return diagnostic('error', 'schema-file', `cannot read the RELAX NG schema: ${message}`, { file: shown(schema) }, { fatal: true });
}
