/**
 * An ISO Schematron schema (ISO/IEC 19757-3, namespace http://purl.oclc.org/dml/schematron,
 * queryBinding xslt2 or xslt3), compiled once per run for the in-process engine (run-schematron.ts):
 * read with positions, checked (structure, roles, ids, every XPath), turned into one XPath 3.1
 * expression (build-xpath.ts). What the engine supports and its limits: the header comment of
 * `schemas/tei-edition.sch` and the README.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { patternBlock, schemaPrelude } from './build-xpath.js';
import { checkExpressions } from './check-xpath.js';
import { DocumentCache } from './document-cache.js';
import { Environment, functionLets } from './environment.js';
import { readSchema } from './read-schema.js';
import { readSchTree } from './sch-tree.js';
import type { Check, SchemaModel } from './schema-model.js';

export interface CompiledPattern {
  readonly name: string;
  /** The pattern alone, for finding which pattern fails when the whole schema does. */
  readonly expression: string;
}

export interface CompiledSchematron {
  /** The schema file, as given. */
  readonly file: string;
  readonly namespaces: Readonly<Record<string, string>>;
  /** Every pattern in one expression. */
  readonly expression: string;
  readonly patterns: readonly CompiledPattern[];
  /** Every assert and report, by the index the expressions return. */
  readonly checks: readonly Check[];
  /** Ids of every assert and report, in schema order (the rule ids of the messages). */
  readonly ruleIds: readonly string[];
  /** Parameters of the expressions; documents reached by doc() are read once for all the files of the run. */
  readonly environment: Environment;
}

/** Parses and checks a .sch once per run (bad XPath, unknown role, missing ids → diagnostics on the .sch file, with line/column). */
export function compileSchematron(schText: string, schFile: string): { schematron?: CompiledSchematron; messages: Diagnostic[] } {
  const tree = readSchTree(schText, schFile);
  if (tree.root === undefined) return { messages: tree.messages };
  const { model, messages } = readSchema(tree.root, schFile);
  if (model === undefined) return { messages };
  messages.push(...checkExpressions(model, schFile));
  if (messages.some((m) => m.severity === 'error')) return { messages };
  return { schematron: assemble(model, schFile), messages };
}

function assemble(model: SchemaModel, schFile: string): CompiledSchematron {
  const lets = functionLets(model);
  const prelude = schemaPrelude(model, new Set(lets.map((l) => l.name)));
  const checks: Check[] = [];
  const blocks = model.patterns.map((pattern) => {
    const { block, checks: own } = patternBlock(model, pattern, checks.length);
    checks.push(...own);
    return { name: pattern.name, block };
  });
  const documents = new DocumentCache(pathToFileURL(resolve(schFile)).href);
  return {
    file: schFile,
    namespaces: model.namespaces,
    expression: `${prelude}(\n${blocks.map((b) => b.block).join(',\n') || '()'}\n)`,
    patterns: blocks.map((b) => ({ name: b.name, expression: `${prelude}${b.block}` })),
    checks,
    ruleIds: checks.map((c) => c.id),
    environment: new Environment(model.namespaces, lets, documents),
  };
}
