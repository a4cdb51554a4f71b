/**
 * What the schema's expression receives as parameters, made once per run (and again when the
 * document cache reads a new document), not compiled again for every document:
 * - the engine's `doc()` and `doc-available()` (function items over the cached documents);
 * - the schema-level lets whose value is an inline function that uses no other schema-level
 *   variable than such functions (an inline function has no context item, so its value does not
 *   depend on the document). Other lets are evaluated per document.
 */
import { engineFunctionItems } from './build-xpath.js';
import type { DocumentCache } from './document-cache.js';
import { evaluate, placeholderDocument, type EngineParams } from './saxon.js';
import type { SchemaModel } from './schema-model.js';
import { engineParam, engineVariable, isInlineFunction, referencedVariables, rewriteXPath } from './xpath-text.js';

export interface FunctionLet {
  readonly name: string;
  /** The parameter name SaxonJS binds (`name`, or `Q{uri}local` for a prefixed name). */
  readonly param: string;
  /** The value, rewritten for the engine. */
  readonly value: string;
}

/** The schema-level lets that can be made once per run, in schema order. */
export function functionLets(model: SchemaModel): FunctionLet[] {
  const schemaLets = new Set(model.lets.map((l) => l.name));
  const found: FunctionLet[] = [];
  const names = new Set<string>();
  for (const declaration of model.lets) {
    const value = rewriteXPath(declaration.value);
    const uses = [...referencedVariables(declaration.value)].filter((n) => schemaLets.has(n));
    const param = parameterName(declaration.name, model.namespaces);
    const independent = uses.every((n) => names.has(n)) && !value.includes(engineVariable('current'));
    if (param !== undefined && independent && isInlineFunction(declaration.value)) {
      found.push({ name: declaration.name, param, value });
      names.add(declaration.name);
    }
  }
  return found;
}

function parameterName(name: string, namespaces: Readonly<Record<string, string>>): string | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return name;
  const uri = namespaces[name.slice(0, colon)];
  return uri === undefined ? undefined : `Q{${uri}}${name.slice(colon + 1)}`;
}

export class Environment {
  private made?: { readonly state: EngineParams; readonly params: Record<string, unknown> };

  constructor(
    private readonly namespaces: Readonly<Record<string, string>>,
    private readonly lets: readonly FunctionLet[],
    private readonly documents: DocumentCache,
  ) {}

  /** Reads a document `doc()` asked for (once per run). */
  load(uri: string): Promise<void> {
    return this.documents.load(uri);
  }

  /** The parameters for the current state of the document cache. */
  params(): Record<string, unknown> {
    const state = this.documents.current();
    if (this.made?.state === state) return this.made.params;
    const params = this.make(state);
    this.made = { state, params };
    return params;
  }

  private make(state: EngineParams): Record<string, unknown> {
    const cache: Record<string, unknown> = {
      [engineParam('uris')]: [...state.uris],
      [engineParam('docs')]: [...state.docs],
      [engineParam('missing')]: [...state.missing],
      [engineParam('base')]: state.base,
    };
    const [available, doc] = evaluate(engineFunctionItems, placeholderDocument(), this.namespaces, cache);
    const params: Record<string, unknown> = { [engineParam('doc-available')]: available, [engineParam('doc')]: doc };
    for (const declaration of this.lets) {
      params[declaration.param] = evaluate(declaration.value, placeholderDocument(), this.namespaces, params)[0];
    }
    return params;
  }
}
