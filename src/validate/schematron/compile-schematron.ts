/**
 * An ISO Schematron schema (ISO/IEC 19757-3, namespace http://purl.oclc.org/dsdl/schematron,
 * queryBinding xslt2 or xslt3), compiled once per run for the in-process engine (run-schematron.ts):
 * read with positions, checked (structure, roles, ids, every XPath), turned into one XPath 3.1
 * expression (build-xpath.ts). What the engine supports and its limits: the header comment of
 * `schemas/tei-edition.sch` and the README.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { patternBlock, schemaPrelude } from './build-xpath.js';
import { checkExpressions } from './check-xpath.js';
import { contextPlan, type CandidateSpec } from './context-pattern.js';
import { DocumentCache } from './document-cache.js';
import { Environment, functionLets } from './environment.js';
import { readSchema, type ReadOptions } from './read-schema.js';
import { readSchTree, type SchElement } from './sch-tree.js';
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
  /** The rule contexts matched by index (context-pattern.ts), each with the candidates it needs. */
  readonly indexedContexts: ReadonlyMap<string, readonly CandidateSpec[]>;
}

export interface CompileOptions extends ReadOptions {
  /**
   * For rules embedded in a RELAX NG schema: a pattern the engine cannot run is left out, with
   * one warning on the schema naming the pattern (rule tei-edition/schematron-unsupported); the
   * other patterns run. Otherwise any problem in the schema makes it unusable.
   */
  readonly skipBrokenPatterns?: boolean;
}

const projectRules: CompileOptions = { strict: true, ruleSet: 'tei-edition' };

/** Parses and checks a .sch once per run (bad XPath, unknown role, missing ids → diagnostics on the .sch file, with line/column). */
export function compileSchematron(
  schText: string,
  schFile: string,
  options: CompileOptions = projectRules,
): { schematron?: CompiledSchematron; messages: Diagnostic[] } {
  const tree = readSchTree(schText, schFile);
  if (tree.root === undefined) return { messages: tree.messages };
  return compileSchematronTree(tree.root, schFile, options);
}

/** The same from a schema already read as a tree (the rules embedded in a RELAX NG schema, see embedded-schematron.ts). */
export function compileSchematronTree(
  root: SchElement,
  schFile: string,
  options: CompileOptions = projectRules,
): { schematron?: CompiledSchematron; messages: Diagnostic[] } {
  const read = readSchema(root, schFile, options);
  if (read.model === undefined) return { messages: read.messages };
  const checked = checkExpressions(read.model, schFile);
  let model = read.model;
  let messages = [...read.messages, ...checked.messages];
  if (options.skipBrokenPatterns) {
    const patternOf = new Map([...read.patternOf, ...checked.patternOf]);
    const skipped = skippedPatterns(model, messages, patternOf, schFile);
    model = { ...model, patterns: model.patterns.filter((p) => !skipped.names.has(p.name)) };
    messages = [...messages.filter((m) => !patternOf.has(m)), ...skipped.warnings];
  }
  if (messages.some((m) => m.severity === 'error')) return { messages };
  return { schematron: assemble(model, schFile), messages };
}

/** One warning per pattern with a problem, at the pattern, with its first problem. */
function skippedPatterns(
  model: SchemaModel,
  messages: readonly Diagnostic[],
  patternOf: ReadonlyMap<Diagnostic, string>,
  schFile: string,
): { names: Set<string>; warnings: Diagnostic[] } {
  const names = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const message of messages) {
    const name = patternOf.get(message);
    if (name === undefined || names.has(name)) continue;
    names.add(name);
    const pattern = model.patterns.find((p) => p.name === name);
    const where = { file: schFile, ...(pattern === undefined ? {} : { line: pattern.line, column: pattern.column }) };
    const at = message.position.line === undefined ? '' : ` (line ${message.position.line}, column ${message.position.column ?? 1})`;
    warnings.push(
      diagnostic(
        'warning',
        'schematron-unsupported',
        `the Schematron pattern “${name}” cannot be run by this engine, so its rules are not checked: ${message.message}${at}`,
        where,
      ),
    );
  }
  return { names, warnings };
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
    indexedContexts: indexedContexts(model),
  };
}

function indexedContexts(model: SchemaModel): Map<string, readonly CandidateSpec[]> {
  const contexts = new Map<string, readonly CandidateSpec[]>();
  for (const rule of model.patterns.flatMap((p) => p.rules)) {
    const plan = contextPlan(rule.context, model.namespaces);
    if (plan !== undefined) contexts.set(rule.context, plan.candidates);
  }
  return contexts;
}
