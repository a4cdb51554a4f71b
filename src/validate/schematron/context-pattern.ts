/**
 * A rule's context (an XSLT pattern) read as the engine can match it without walking the
 * document in XPath: a union of relative paths of name tests (`tei:p`, `tei:*`, `@ref`,
 * `tei:l//tei:p`, `(tei:a | tei:b)/tei:c`, `tei:*[@when]`), each step with predicates that cannot
 * be positional. For such a context, the nodes it matches are found from candidates: the
 * elements that have the last step's name (or, for an attribute, the elements that carry it),
 * taken from an index of the document built once in JavaScript (context-index.ts); XPath then
 * keeps the candidates that match, with the pattern turned round: `tei:l//tei:p[@n]` becomes
 * `self::tei:p[@n]` with an ancestor `tei:l`. That is the same node set as `//(context)` because
 * a predicate that is never a number gives the same verdict on the self axis as on the child
 * axis (its focus position is the only thing that differs). Any other context (positional or
 * possibly numeric predicates, axes, functions, variables, absolute paths) is left to the
 * general way (build-xpath.ts, contextNodes).
 */
import { rewriteXPath, skipLexicalUnit, unionBranches } from './xpath-text.js';

/** What the index must give for one branch: elements by local name, or the elements that carry an attribute. */
export type CandidateSpec =
  | {
      readonly kind: 'element';
      /** Local name, or `*` for every element. */
      readonly local: string;
      /** When not empty, only elements with at least one of these attributes (local names) can match. */
      readonly anyAttribute: readonly string[];
    }
  | { readonly kind: 'attribute'; /** Local name of the attribute, or `*`. */ readonly local: string };

export interface ContextPlan {
  readonly candidates: readonly CandidateSpec[];
  /** From a candidate element: the nodes of the context it gives (itself, or its attributes), `|`-joined. */
  readonly select: string;
}

interface Step {
  readonly attribute: boolean;
  /** The name test as written: `tei:p`, `*`, `tei:*`, `ref`. */
  readonly test: string;
  readonly predicates: readonly string[];
}

interface Path {
  readonly steps: readonly Step[];
  /** The separator before each step after the first. */
  readonly separators: readonly ('/' | '//')[];
}

const nameTest = /^(?:\*|[\p{L}_][\p{L}\p{N}_.\-·]*(?::(?:\*|[\p{L}_][\p{L}\p{N}_.\-·]*))?)/u;

/** The plan for a context, or undefined when it is not of the simple kind (see the header). */
export function contextPlan(context: string, namespaces: Readonly<Record<string, string>>): ContextPlan | undefined {
  if ('' in namespaces) return undefined;
  const paths = readUnion(context.trim());
  if (paths === undefined || paths.length === 0) return undefined;
  for (const path of paths) {
    for (const step of path.steps) {
      const prefix = step.test.includes(':') ? step.test.slice(0, step.test.indexOf(':')) : undefined;
      if (prefix !== undefined && !(prefix in namespaces) && prefix !== 'xml') return undefined;
      if (!step.predicates.every(cannotBePositional)) return undefined;
    }
    if (path.steps.slice(0, -1).some((s) => s.attribute)) return undefined;
  }
  return { candidates: paths.map(candidateOf), select: paths.map(selectFromCandidate).join(' | ') };
}

/** Branches of a union; a parenthesized union followed by predicates and steps is distributed over its branches. */
function readUnion(text: string): Path[] | undefined {
  const paths: Path[] = [];
  for (const branch of unionBranches(text)) {
    const read = readBranch(branch);
    if (read === undefined) return undefined;
    paths.push(...read);
  }
  return paths;
}

function readBranch(branch: string): Path[] | undefined {
  if (branch.startsWith('(')) {
    const close = matching(branch, 0);
    if (close < 0) return undefined;
    const inner = readUnion(branch.slice(1, close - 1).trim());
    const rest = readPath(branch.slice(close), true);
    if (inner === undefined || rest === undefined) return undefined;
    return inner.map((path) => joinPaths(path, rest));
  }
  const path = readPath(branch, false);
  return path === undefined ? undefined : [path];
}

/** The group's predicates go on each branch's last step, then the group's following steps. */
function joinPaths(head: Path, rest: { predicates: string[]; path: Path }): Path {
  const last = head.steps[head.steps.length - 1]!;
  const steps = [...head.steps.slice(0, -1), { ...last, predicates: [...last.predicates, ...rest.predicates] }, ...rest.path.steps];
  return { steps, separators: [...head.separators, ...rest.path.separators] };
}

/**
 * `a/b//@c[p]`. With `afterGroup`, the text follows a parenthesized group: predicates first,
 * then zero or more steps, each after a separator.
 */
function readPath(text: string, afterGroup: true): { predicates: string[]; path: Path } | undefined;
function readPath(text: string, afterGroup: false): Path | undefined;
function readPath(text: string, afterGroup: boolean): Path | { predicates: string[]; path: Path } | undefined {
  let i = skipSpace(text, 0);
  let groupPredicates: string[] = [];
  if (afterGroup) {
    const read = readPredicates(text, i);
    if (read === undefined) return undefined;
    groupPredicates = read.predicates;
    i = read.end;
  }
  const steps: Step[] = [];
  const separators: ('/' | '//')[] = [];
  while (i < text.length) {
    if (steps.length > 0 || afterGroup) {
      const separator = text.startsWith('//', i) ? '//' : text.startsWith('/', i) ? '/' : undefined;
      if (separator === undefined) return undefined;
      separators.push(separator);
      i = skipSpace(text, i + separator.length);
    }
    const attribute = text.charAt(i) === '@';
    if (attribute) i = skipSpace(text, i + 1);
    const test = nameTest.exec(text.slice(i))?.[0];
    if (test === undefined) return undefined;
    i = skipSpace(text, i + test.length);
    if (text.charAt(i) === '(' || text.startsWith('::', i)) return undefined;
    const read = readPredicates(text, i);
    if (read === undefined) return undefined;
    steps.push({ attribute, test, predicates: read.predicates });
    i = read.end;
  }
  if (afterGroup) return { predicates: groupPredicates, path: { steps, separators } };
  return steps.length === 0 ? undefined : { steps, separators };
}

function readPredicates(text: string, from: number): { predicates: string[]; end: number } | undefined {
  const predicates: string[] = [];
  let i = from;
  while (text.charAt(i) === '[') {
    const close = matching(text, i);
    if (close < 0) return undefined;
    predicates.push(text.slice(i + 1, close - 1).trim());
    i = skipSpace(text, close);
  }
  return { predicates, end: i };
}

/** The index after the bracket that closes the one at `open` (string literals and comments skipped), or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const end = skipLexicalUnit(text, i);
    if (end > i) {
      i = end;
      continue;
    }
    const c = text.charAt(i);
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    i += 1;
    if (depth === 0) return i;
  }
  return -1;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/u.test(text.charAt(j))) j += 1;
  return j;
}

function localOf(test: string): string {
  const colon = test.indexOf(':');
  return colon < 0 ? test : test.slice(colon + 1);
}

function candidateOf(path: Path): CandidateSpec {
  const last = path.steps[path.steps.length - 1]!;
  if (last.attribute) return { kind: 'attribute', local: localOf(last.test) };
  return { kind: 'element', local: localOf(last.test), anyAttribute: requiredAttributes(last.predicates[0]) };
}

/** From a candidate element: `self::T[p]…[parent condition]` or `@T[p]…[parent condition]`. */
function selectFromCandidate(path: Path): string {
  const steps = path.steps;
  const last = steps.length - 1;
  const head = steps[last]!.attribute ? `@${steps[last]!.test}` : `self::${steps[last]!.test}`;
  return `${head}${predicatesOf(steps[last]!)}${upward(path, last)}`;
}

/** The condition on the node of step `k` that the steps before it put: its parent (or an ancestor) matches them. */
function upward(path: Path, k: number): string {
  if (k === 0) return '';
  const step = path.steps[k - 1]!;
  const axis = path.separators[k - 1] === '/' ? '..' : 'ancestor::*';
  return `[${axis}/self::${step.test}${predicatesOf(step)}${upward(path, k - 1)}]`;
}

function predicatesOf(step: Step): string {
  return step.predicates.map((p) => `[${rewriteXPath(p)}]`).join('');
}

const booleanFunctions = new Set([
  'not',
  'exists',
  'empty',
  'boolean',
  'true',
  'false',
  'starts-with',
  'ends-with',
  'contains',
  'matches',
  'lang',
  'has-children',
  'deep-equal',
  'doc-available',
]);
const comparisonWords = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'is', 'and', 'or', 'castable', 'instance']);
const unsafeWords = new Set(['if', 'then', 'else', 'for', 'let', 'some', 'every', 'return', 'satisfies', 'to', ',']);
const pathWords = new Set(['union', 'intersect', 'except']);
const kindTests = new Set([
  'node',
  'text',
  'comment',
  'element',
  'attribute',
  'processing-instruction',
  'document-node',
  'schema-element',
  'schema-attribute',
  'namespace-node',
]);

/**
 * True only when the predicate's value can never be a number (and it asks for no position):
 * a comparison, `and`/`or`, a call of a function that returns a boolean, or a path of steps
 * (nodes). Anything else might be numeric, which on the self axis would mean something else.
 */
export function cannotBePositional(predicate: string): boolean {
  if (/\b(?:position|last)\s*\(/u.test(predicate)) return false;
  const tokens = topLevelTokens(predicate);
  if (tokens === undefined || tokens.length === 0) return false;
  if (tokens.some((t) => unsafeWords.has(t))) return false;
  if (tokens.some((t) => comparisonWords.has(t) || /^(?:!?=|<=?|>=?|<<|>>)$/u.test(t))) return true;
  if (tokens.length === 2 && /^(?:fn:)?[\w-]+$/u.test(tokens[0]!) && tokens[1] === '()')
    return booleanFunctions.has(tokens[0]!.replace(/^fn:/u, ''));
  return isPathOfSteps(tokens);
}

/**
 * A path of steps: operands (a name test, `*`, `.`, `..`, a kind test, a group that is itself a
 * path of steps, each with predicates after it) joined by `/`, `//`, `|`, `union`, `intersect`,
 * `except`; `@` and `axis::` before a name test.
 */
function isPathOfSteps(tokens: readonly string[]): boolean {
  let expectOperand = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (expectOperand) {
      if (t === '@') return false;
      if (t === '/' || t === '//') {
        if (k === 0) continue;
        return false;
      }
      if (kindTests.has(t) && (tokens[k + 1] === '()' || tokens[k + 1]?.startsWith('('))) k += 1;
      else if (t.startsWith('(')) {
        const inner = topLevelTokens(t.slice(1, -1));
        if (inner === undefined || !isPathOfSteps(inner)) return false;
      } else if (tokens[k + 1] === '::' && isName(t)) {
        k += 1;
        continue;
      } else if (!(t === '.' || t === '..' || t === '*' || t === '@*' || isName(t.replace(/^@/u, '')))) return false;
      expectOperand = false;
    } else if (t.startsWith('[')) {
      continue;
    } else if (t === '/' || t === '//' || t === '|' || pathWords.has(t)) {
      expectOperand = true;
    } else return false;
  }
  return !expectOperand;
}

function isName(token: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_.\-·]*(?::(?:\*|[\p{L}_][\p{L}\p{N}_.\-·]*))?$/u.test(token);
}

/**
 * The tokens of an expression at depth 0: names (with their prefix), operators, and each
 * bracketed group as one token (`(…)`, `[…]`, `{…}`; an empty argument list is `()` after its
 * name); string literals and numbers are `'…'` and `0`. Undefined when brackets do not balance.
 */
function topLevelTokens(expression: string): string[] | undefined {
  const tokens: string[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression.charAt(i);
    const unit = skipLexicalUnit(expression, i);
    if (unit > i) {
      if (!expression.startsWith('(:', i)) tokens.push(c === '"' || c === "'" ? "'…'" : expression.slice(i, unit));
      i = unit;
    } else if (/\s/u.test(c)) {
      i += 1;
    } else if (c === '(' || c === '[' || c === '{') {
      const close = matching(expression, i);
      if (close < 0) return undefined;
      tokens.push(
        c === '('
          ? tokens.length > 0 &&
            /^(?:fn:)?[\w-]+$/u.test(tokens[tokens.length - 1]!) &&
            !kindTests.has(tokens[tokens.length - 1]!) &&
            !/^\(/u.test(tokens[tokens.length - 1]!)
            ? '()'
            : expression.slice(i, close)
          : expression.slice(i, close),
      );
      i = close;
    } else if (/[\p{L}_]/u.test(c)) {
      const name = /^[\p{L}_][\p{L}\p{N}_.\-·]*(?::(?:\*|[\p{L}_][\p{L}\p{N}_.\-·]*))?/u.exec(expression.slice(i))![0];
      // After `@` a name is an attribute's, never a keyword (`@to`, `@and`): one token `@name`.
      if (tokens[tokens.length - 1] === '@') tokens[tokens.length - 1] = `@${name}`;
      else tokens.push(name);
      i += name.length;
    } else if (/\d/u.test(c)) {
      const number = /^\d*\.?\d+(?:[eE][+-]?\d+)?/u.exec(expression.slice(i))?.[0] ?? c;
      tokens.push('0');
      i += number.length;
    } else {
      const op = /^(?:\/\/|\.\.|::|<<|>>|<=|>=|!=|=>|\|\||[^\s])/u.exec(expression.slice(i))![0];
      if (op === '*' && tokens[tokens.length - 1] === '@') tokens[tokens.length - 1] = '@*';
      else tokens.push(op);
      i += op.length;
    }
  }
  return tokens;
}

/**
 * Attributes one of which the element must carry for the predicate to be true: `@a`,
 * `@a or @b`, `@a and …`, `@a = …`, `@a eq …` (a comparison with no attribute is false).
 * Empty when nothing is certain.
 */
function requiredAttributes(predicate: string | undefined): string[] {
  if (predicate === undefined) return [];
  const tokens = topLevelTokens(predicate);
  if (tokens === undefined || tokens.some((t) => unsafeWords.has(t))) return [];
  const found: string[] = [];
  for (const alternative of splitTokens(tokens, 'or')) {
    const required = splitTokens(alternative, 'and')
      .map(requiredBy)
      .find((a) => a !== undefined);
    if (required === undefined) return [];
    found.push(required);
  }
  return found;
}

/** A conjunct that needs an attribute: `@a` alone, or `@a <comparison> …`. */
function requiredBy(conjunct: readonly string[]): string | undefined {
  const first = conjunct[0];
  if (first === undefined || !first.startsWith('@') || first.endsWith('*') || !isName(first.slice(1))) return undefined;
  const name = localOf(first.slice(1));
  if (conjunct.length === 1) return name;
  return /^(?:!?=|<=?|>=?|eq|ne|lt|le|gt|ge)$/u.test(conjunct[1]!) ? name : undefined;
}

function splitTokens(tokens: readonly string[], word: string): string[][] {
  const parts: string[][] = [[]];
  for (const t of tokens) {
    if (t === word) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}
