/**
 * Checks every XPath of the schema once, at compile time. The whole schema is compiled first:
 * when it compiles, so does each expression, and that is all. Otherwise each expression is
 * compiled by SaxonJS in its own scope (the engine's functions and the lets before it), inside
 * `if ($never) then (…) else ()`, so that static errors (syntax, unknown function, undeclared
 * variable or prefix) are found and nothing is evaluated (SaxonJS evaluates lets eagerly). A
 * message points at the element that holds the expression; a let that does not compile is then
 * bound to `()` so that it is reported once.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { contextNodes, engineFunctions, letClause, nodesClause, patternBlock, ruleScope, schemaPrelude } from './build-xpath.js';
import { errorMessage, evaluate, placeholderDocument } from './saxon.js';
import type { LetDeclaration, Located, MessagePart, Pattern, Rule, SchemaModel } from './schema-model.js';
import { engineParam, engineVariable, rewriteXPath } from './xpath-text.js';

/** The engine's parameters, with nothing loaded, and `$never`. */
const checkParams: Record<string, unknown> = {
  [engineParam('uris')]: [],
  [engineParam('docs')]: [],
  [engineParam('missing')]: [],
  [engineParam('base')]: '',
  [engineParam('never')]: false,
  [engineParam('index')]: {},
  [engineParam('i')]: 1,
};

class ExpressionChecker {
  readonly messages: Diagnostic[] = [];
  /** The pattern each message is about. */
  readonly patternOf = new Map<Diagnostic, string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly model: SchemaModel,
    private readonly file: string,
  ) {}

  /** The static error of `expression` in the scope `prefix` (nothing is evaluated), or undefined. */
  staticError(prefix: string, expression: string): unknown {
    try {
      evaluate(
        `if (${engineVariable('never')}) then (${prefix}(${expression})) else ()`,
        placeholderDocument(),
        this.model.namespaces,
        checkParams,
      );
      return undefined;
    } catch (error) {
      return error ?? 'error';
    }
  }

  /** The static error of `expression` in the scope `prefix`, reported at `at`; true when it compiles. */
  check(prefix: string, expression: string, at: Located, what: string): boolean {
    const error = this.staticError(prefix, expression);
    if (error === undefined) return true;
    const message = `${what} is not a valid XPath 3.1 expression here: ${errorMessage(error)}`;
    const key = `${at.line}:${at.column}:${message}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.messages.push(diagnostic('error', 'schematron-schema', message, { file: this.file, line: at.line, column: at.column }));
    }
    return false;
  }

  /** Checks each let in turn and returns the scope after them. */
  lets(prefix: string, lets: readonly LetDeclaration[]): string {
    let scope = prefix;
    for (const declaration of lets) {
      const ok = this.check(scope, rewriteXPath(declaration.value), declaration, `the value of $${declaration.name}`);
      scope += ok ? letClause(declaration) : `let $${declaration.name} := () return\n`;
    }
    return scope;
  }

  message(scope: string, parts: readonly MessagePart[]): void {
    for (const part of parts) {
      if (part.kind === 'value-of') this.check(scope, rewriteXPath(part.select), part, '@select');
      if (part.kind === 'name' && part.path !== undefined) this.check(scope, rewriteXPath(part.path), part, '@path');
    }
  }

  rule(prefix: string, rule: Rule): void {
    this.check(prefix, contextNodes(rule.context), rule, `@context “${rule.context}”`);
    if (rule.subject !== undefined) this.check(prefix + ruleScope({ ...rule, lets: [] }), rewriteXPath(rule.subject), rule, '@subject');
    const scope = this.lets(prefix + ruleScope({ ...rule, lets: [] }), rule.lets);
    for (const check of rule.checks) {
      this.check(scope, rewriteXPath(check.test), check, `@test “${check.test}”`);
      if (check.subject !== undefined) this.check(scope, rewriteXPath(check.subject), check, '@subject');
      this.message(scope, check.message);
      for (const id of check.diagnostics) this.message(scope, this.model.diagnostics.get(id)?.message ?? []);
    }
  }

  pattern(schemaScope: string, pattern: Pattern): void {
    const scope = this.lets(schemaScope, pattern.lets);
    const before = this.messages.length;
    for (const rule of pattern.rules) this.rule(scope, rule);
    const whole = `${engineFunctions}\n${schemaPrelude(this.model, new Set())}${patternBlock(this.model, pattern, 0).block}`;
    if (this.messages.length === before) this.check('', whole, pattern, `the pattern “${pattern.name}” as one expression`);
    for (const message of this.messages.slice(before)) this.patternOf.set(message, pattern.name);
  }
}

/**
 * Static errors of every expression of the schema, one message each, and the pattern each
 * message is about (messages on schema-level lets have none).
 */
export function checkExpressions(model: SchemaModel, file: string): { messages: Diagnostic[]; patternOf: ReadonlyMap<Diagnostic, string> } {
  const checker = new ExpressionChecker(model, file);
  // The usual case first, in one compilation: the whole schema compiles, so every expression in it does.
  const blocks = model.patterns.map((p) => patternBlock(model, p, 0).block);
  const whole = checker.staticError('', `${engineFunctions}\n${schemaPrelude(model, new Set())}(${blocks.join(',\n') || '()'})`);
  if (whole === undefined) return { messages: [], patternOf: checker.patternOf };
  const schemaScope = checker.lets(`${engineFunctions}\n${nodesClause}let ${engineVariable('current')} := . return\n`, model.lets);
  for (const pattern of model.patterns) checker.pattern(schemaScope, pattern);
  if (checker.messages.length > 0) return { messages: checker.messages, patternOf: checker.patternOf };
  const together = diagnostic('error', 'schematron-schema', `the schema's expressions do not compile together: ${errorMessage(whole)}`, {
    file,
    line: 1,
    column: 1,
  });
  return { messages: [together], patternOf: checker.patternOf };
}
