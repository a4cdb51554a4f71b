/**
 * Runs a compiled Schematron schema over one TEI document, in process, with SaxonJS: the
 * document is parsed once (its base URI is the file's URL, so that `resolve-uri(…, base-uri())`
 * finds the registers beside it), then the whole schema is one XPath evaluation. Each failed
 * assert and each successful report is one message: severity from `@role`, rule
 * `tei-edition/<id>`, the assertion text with its value-of and name evaluated, and the position
 * of the start tag of the context node (of its element, for an attribute) with a readable XPath.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareDiagnostics, diagnostic, schematronDiagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { CompiledSchematron } from './compile-schematron.js';
import { contextIndex } from './context-index.js';
import { NodeLocator } from './node-locator.js';
import { errorCode, errorMessage, evaluate, isDomNode, parseDocument, type DomDocument } from './saxon.js';
import { ENGINE_NS, engineParam, engineVariable } from './xpath-text.js';

const LOAD = `Q{${ENGINE_NS}}load`;

/** Runs every pattern over one TEI document (already known to be well-formed XML without DOCTYPE). `file` is the path used in diagnostics and to resolve relative references such as persons.xml#id (relative to the file's directory). */
export async function runSchematron(schematron: CompiledSchematron, xml: string, file: string): Promise<Diagnostic[]> {
  let document: DomDocument;
  try {
    document = await parseDocument(xml.replace(/^\uFEFF/u, ''), pathToFileURL(resolve(file)).href);
  } catch (error) {
    return [
      diagnostic('error', 'schematron-runtime', `the document could not be parsed for the Schematron rules: ${errorMessage(error)}`, {
        file,
      }),
    ];
  }
  const locator = new NodeLocator(xml, document);
  const index = indexParams(schematron, [document]);
  let items: unknown[];
  try {
    items = await evaluateLoadingDocuments(schematron, schematron.expression, document, index);
  } catch {
    return runPatternByPattern(schematron, document, locator, file, index);
  }
  return toDiagnostics(items, schematron, locator, file).sort(compareDiagnostics);
}

export interface SchematronInput {
  readonly xml: string;
  /** Path used in diagnostics and to resolve relative references (see runSchematron). */
  readonly file: string;
}

/**
 * Runs the schema over several documents with one evaluation: SaxonJS compiles an expression on
 * every call (a few milliseconds for a whole schema), so a batch pays that once. Returns the
 * messages of each document, in input order. After a dynamic error the batch is run again one
 * document at a time, so that the error lands on its document.
 */
export async function runSchematronBatch(schematron: CompiledSchematron, inputs: readonly SchematronInput[]): Promise<Diagnostic[][]> {
  if (inputs.length <= 1) return Promise.all(inputs.map((i) => runSchematron(schematron, i.xml, i.file)));
  const documents: DomDocument[] = [];
  for (const input of inputs) {
    try {
      documents.push(await parseDocument(input.xml.replace(/^\uFEFF/u, ''), pathToFileURL(resolve(input.file)).href));
    } catch {
      return Promise.all(inputs.map((i) => runSchematron(schematron, i.xml, i.file)));
    }
  }
  const expression = batchExpression(schematron);
  let items: unknown[];
  try {
    items = await evaluateLoadingDocuments(schematron, expression, documents[0]!, batchParams(schematron, documents));
  } catch {
    return Promise.all(inputs.map((i) => runSchematron(schematron, i.xml, i.file)));
  }
  const results: Diagnostic[][] = inputs.map(() => []);
  for (let k = 0; k < items.length;) {
    const index = Number(items[k]) - 1;
    const count = Number(items[k + 1]);
    const input = inputs[index];
    const document = documents[index];
    if (input === undefined || document === undefined) throw new Error('unexpected result of the Schematron batch (engine error)');
    results[index] = toDiagnostics(items.slice(k + 2, k + 2 + count), schematron, new NodeLocator(input.xml, document), input.file).sort(
      compareDiagnostics,
    );
    k += 2 + count;
  }
  return results;
}

/** The parameters of batchExpression: the documents, and the index of their rule contexts (context-index.ts). */
export function batchParams(schematron: CompiledSchematron, documents: readonly DomDocument[]): Record<string, unknown> {
  return { [engineParam('batch')]: documents, [engineParam('index')]: contextIndex(documents, schematron.indexedContexts) };
}

/**
 * The schema over the documents of the parameter `batch`: for each document with findings, its
 * position, the number of items, the items. (XPath has no positional `for … at`, which is
 * XQuery: the documents are taken by index.)
 */
export function batchExpression(schematron: CompiledSchematron): string {
  const [batch, i, r] = [engineVariable('batch'), engineVariable('i'), engineVariable('r')];
  return `for ${i} in 1 to count(${batch}) return (let ${r} := ${batch}[${i}] ! (${schematron.expression}) return if (empty(${r})) then () else (${i}, count(${r}), ${r}))`;
}

/** After a dynamic error: each pattern alone, so that the error names its pattern and the others still run. */
async function runPatternByPattern(
  schematron: CompiledSchematron,
  document: DomDocument,
  locator: NodeLocator,
  file: string,
  index: Record<string, unknown>,
): Promise<Diagnostic[]> {
  const messages: Diagnostic[] = [];
  for (const pattern of schematron.patterns) {
    try {
      messages.push(
        ...toDiagnostics(await evaluateLoadingDocuments(schematron, pattern.expression, document, index), schematron, locator, file),
      );
    } catch (error) {
      const text = `the Schematron pattern “${pattern.name}” (${schematron.file}) could not be evaluated on this document: ${errorMessage(error)}`;
      messages.push(diagnostic('error', 'schematron-runtime', text, { file }));
    }
  }
  return messages.sort(compareDiagnostics);
}

/** The index of one document evaluated alone: it is document 1 (`$i`), as in a batch of one. */
function indexParams(schematron: CompiledSchematron, documents: readonly DomDocument[]): Record<string, unknown> {
  return { [engineParam('index')]: contextIndex(documents, schematron.indexedContexts), [engineParam('i')]: 1 };
}

/**
 * Evaluates; when the expression asks for a document the cache has not read yet (the engine's
 * `load` error, see build-xpath.ts), reads it and evaluates again. Each document is read once per
 * run, so this happens on the first files only.
 */
async function evaluateLoadingDocuments(
  schematron: CompiledSchematron,
  expression: string,
  document: DomDocument,
  extra: Record<string, unknown> = {},
): Promise<unknown[]> {
  const requested = new Set<string>();
  for (;;) {
    try {
      return evaluate(expression, document, schematron.namespaces, { ...schematron.environment.params(), ...extra });
    } catch (error) {
      const uri = errorCode(error) === LOAD && error instanceof Error ? error.message : undefined;
      if (uri === undefined || requested.has(uri)) throw error;
      requested.add(uri);
      await schematron.environment.load(uri);
    }
  }
}

function toDiagnostics(items: readonly unknown[], schematron: CompiledSchematron, locator: NodeLocator, file: string): Diagnostic[] {
  const messages: Diagnostic[] = [];
  for (let i = 0; i + 3 < items.length; i += 4) {
    const [index, node, message, hint] = items.slice(i, i + 4);
    const check = typeof index === 'number' ? schematron.checks[index] : undefined;
    if (check === undefined || !isDomNode(node))
      throw new Error(`unexpected result of the Schematron expression (engine error): ${String(index)}`);
    const text =
      normalizeSpace(String(message)) || `${check.kind} “${check.id}” ${check.kind === 'assert' ? 'failed' : 'fired'}: ${check.test}`;
    const hintText = normalizeSpace(String(hint));
    messages.push(
      schematronDiagnostic(check.role, check.rule, text, { file, ...locator.place(node) }, hintText === '' ? {} : { hint: hintText }),
    );
  }
  return messages;
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
