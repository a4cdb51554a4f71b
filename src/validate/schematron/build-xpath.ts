/**
 * The schema as one XPath 3.1 expression, evaluated once per document with the document node as
 * context (SaxonJS compiles an expression on each evaluation, so one expression, not one per
 * pattern or rule). For each failed assert and each successful report it returns four items:
 * the check's index, the element to point at, the message, the diagnostics text (hint).
 *
 *   let <schema lets> return (
 *     (let <pattern lets> return
 *      let $rule1 := //(context1), $rule2 := //(context2) except $rule1 … return
 *      ($rule1 ! (let <rule lets> return (if (test) then () else (0, element, message, hint), …)), …)),
 *     …)
 *
 * `//(context)` is the set of nodes the rule's XSLT pattern matches, and `except` the earlier
 * rules' nodes: within a pattern, a node is handled by the first rule whose context matches it
 * (ISO Schematron, "rule"). Schema- and pattern-level lets are evaluated with the document node
 * as context, as ISO skeleton implementations do (global variables). The engine's `doc()`,
 * `doc-available()` and the schema's inline-function lets come in as parameters (environment.ts).
 */
import { contextPlan } from './context-pattern.js';
import { indexKeyExpression } from './context-index.js';
import type { Check, DiagnosticText, LetDeclaration, MessagePart, Pattern, Rule, SchemaModel } from './schema-model.js';
import { ENGINE_NS, engineVariable, rewriteXPath, stringLiteral, unionBranches } from './xpath-text.js';

const v = engineVariable;
const loadError = `error(QName(${stringLiteral(ENGINE_NS)}, 'load'), $absolute)`;

/**
 * `doc()` and `doc-available()` as the engine runs them: documents come from the parameters
 * `uris`/`docs` (loaded and cached by the engine across files); a URI the engine has not seen
 * yet raises the `load` error, which makes the engine load it and evaluate again.
 */
export const engineFunctions = [
  `let ${v('doc-available')} := function($uri as xs:string?) as xs:boolean {`,
  `  if (empty($uri)) then false() else if ($uri = ${v('uris')}) then true() else`,
  `  let $absolute := string(resolve-uri($uri, ${v('base')})) return`,
  `  if ($absolute = ${v('uris')}) then true() else if ($absolute = ${v('missing')}) then false() else ${loadError}`,
  `} return`,
  `let ${v('doc')} := function($uri as xs:string?) as document-node()? {`,
  `  if (empty($uri)) then () else`,
  `  let $absolute := if ($uri = ${v('uris')}) then $uri else string(resolve-uri($uri, ${v('base')})),`,
  `      $i := index-of(${v('uris')}, $absolute)[1] return`,
  `  if (exists($i)) then ${v('docs')}[$i]`,
  `  else if ($absolute = ${v('missing')}) then error(QName('http://www.w3.org/2005/xqt-errors', 'FODC0002'), 'document not available: ' || $absolute)`,
  `  else ${loadError}`,
  `} return`,
].join('\n');

export function letClause(declaration: LetDeclaration): string {
  return `let $${declaration.name} := (${rewriteXPath(declaration.value)}) return\n`;
}

/** The engine's functions as two function items, made once per state of the document cache. */
export const engineFunctionItems = `${engineFunctions}\n(${v('doc-available')}, ${v('doc')})`;

/** `current()` is the rule's context node (the document node outside rules). */
const currentClause = `let ${v('current')} := . return\n`;

/** The document node and its elements, where rule contexts are matched from (see contextNodes). */
export const nodesClause = `let ${v('nodes')} := (/, /descendant::*) return\n`;

/**
 * The schema-level lets evaluated per document: those not in `precomputed` (inline functions,
 * made once per run and passed as parameters, see environment.ts).
 */
export function schemaPrelude(model: SchemaModel, precomputed: ReadonlySet<string>): string {
  const walks = model.patterns.some((p) => p.rules.some((r) => contextPlan(r.context, model.namespaces) === undefined));
  return `${walks ? nodesClause : ''}${currentClause}${model.lets
    .filter((l) => !precomputed.has(l.name))
    .map(letClause)
    .join('')}`;
}

/**
 * The nodes a rule's context matches: `//(context)`, the pattern applied from every node. Applied
 * from the document node and the elements only (`$nodes`, computed once per document: the nodes
 * that have children or attributes), which gives the same set faster, unless the pattern starts
 * from the node itself (`self::…`, `.`). A branch of the pattern that is an absolute path
 * (`/TEI`, `/*[count(//tei:constraintDecl) gt 1]`, as TEI's own rules write) gives the same nodes
 * from every node: it is evaluated once (from the document node, the context of the rule sets),
 * not once per node, which would make a `//` inside it quadratic in the size of the document.
 */
export function contextNodes(context: string): string {
  const branches = unionBranches(context);
  if (branches.length > 1 && branches.some(isAbsolute)) return branches.map(contextNodes).join(' | ');
  if (isAbsolute(context.trim())) return `(${rewriteXPath(context)})`;
  const fromItself = /(^|[^\w-])(self|descendant-or-self)::|^\s*\./u.test(context);
  return `${fromItself ? '/descendant-or-self::node()' : v('nodes')}/(${rewriteXPath(context)})`;
}

/** `/…` and `//…`: a path from the document node. */
function isAbsolute(branch: string): boolean {
  return branch.startsWith('/');
}

/**
 * The nodes of a rule's context: from the index of the document (`$index`, see
 * context-index.ts; `$i` is the document's position in the batch) when the context is of the
 * kind context-pattern.ts reads, else by walking the document (contextNodes).
 */
export function ruleContextNodes(context: string, namespaces: Readonly<Record<string, string>>): string {
  const plan = contextPlan(context, namespaces);
  if (plan === undefined) return contextNodes(context);
  return `Q{http://www.w3.org/2005/xpath-functions/map}get(${v('index')}, ${indexKeyExpression(v('i'), context)})/(${plan.select})`;
}

function ruleSets(rules: readonly Rule[], namespaces: Readonly<Record<string, string>>): string {
  return rules
    .map((rule, i) => {
      const earlier = rules.slice(0, i).map((_r, j) => v(`rule${j + 1}`));
      const except = earlier.length === 0 ? '' : ` except (${earlier.join(' | ')})`;
      return `let ${v(`rule${i + 1}`)} := ${ruleContextNodes(rule.context, namespaces)}${except} return\n`;
    })
    .join('');
}

/** The element a message points at: the node itself, an attribute's or a text's element, the root element. */
function subjectElement(subject: string | undefined): string {
  const element = '(ancestor-or-self::*[1], /*)[1]';
  return subject === undefined ? element : `((${rewriteXPath(subject)})[1], .)[1] ! ${element}`;
}

export function messageExpression(parts: readonly MessagePart[]): string {
  const items = parts.map((part) => {
    switch (part.kind) {
      case 'text':
        return stringLiteral(part.text);
      case 'value-of':
        return `string-join((${rewriteXPath(part.select)}) ! string(.), ' ')`;
      case 'name':
        return part.path === undefined ? 'name(.)' : `name((${rewriteXPath(part.path)})[1])`;
    }
  });
  return items.length === 0 ? "''" : `string-join((${items.join(', ')}), '')`;
}

function checkExpression(check: Check, index: number, rule: Rule, texts: ReadonlyMap<string, DiagnosticText>): string {
  const hints = check.diagnostics.map((id) => texts.get(id)).filter((t): t is DiagnosticText => t !== undefined);
  const hint = hints.length === 0 ? "''" : `string-join((${hints.map((h) => messageExpression(h.message)).join(', ')}), ' ')`;
  const found = `(${index}, ${subjectElement(check.subject ?? rule.subject)}, ${messageExpression(check.message)}, ${hint})`;
  const test = rewriteXPath(check.test);
  return check.kind === 'assert' ? `if (${test}) then () else ${found}` : `if (${test}) then ${found} else ()`;
}

export function ruleScope(rule: Rule): string {
  return `${currentClause}${rule.lets.map(letClause).join('')}`;
}

/**
 * One pattern as an expression (in the scope of the schema prelude); its asserts and reports
 * get the indexes `firstIndex`, `firstIndex + 1`… in the order of `checks`.
 */
export function patternBlock(model: SchemaModel, pattern: Pattern, firstIndex: number): { block: string; checks: Check[] } {
  const checks: Check[] = [];
  const bodies = pattern.rules.map((rule, i) => {
    const tests = rule.checks.map((check) => {
      checks.push(check);
      return checkExpression(check, firstIndex + checks.length - 1, rule, model.diagnostics);
    });
    const body = tests.length === 0 ? '()' : `(\n${tests.join(',\n')}\n)`;
    return `${v(`rule${i + 1}`)} ! (\n${ruleScope(rule)}${body}\n)`;
  });
  const lets = pattern.lets.map(letClause).join('');
  return { block: `(\n${lets}${ruleSets(pattern.rules, model.namespaces)}(\n${bodies.join(',\n') || '()'}\n)\n)`, checks };
}
