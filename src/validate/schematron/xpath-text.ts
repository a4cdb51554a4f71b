/**
 * XPath text helpers: string literals, the engine's own names, and the one rewrite the engine
 * makes in the schema's expressions: calls of `doc()`, `doc-available()` and `current()` become
 * calls of the engine's variables (see build-xpath.ts), found by a small tokenizer that skips
 * string literals, comments and `Q{…}` names.
 */

/** Namespace of the engine's variables and error codes (never used by a schema). */
export const ENGINE_NS = 'urn:x-tei-edition:schematron';

/** `$Q{urn:x-tei-edition:schematron}name`: a variable no schema can declare by accident. */
export function engineVariable(local: string): string {
  return `$Q{${ENGINE_NS}}${local}`;
}

/** The parameter name SaxonJS expects for an engine variable. */
export function engineParam(local: string): string {
  return `Q{${ENGINE_NS}}${local}`;
}

export function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const rewrites: Readonly<Record<string, string>> = {
  doc: 'doc',
  'fn:doc': 'doc',
  'doc-available': 'doc-available',
  'fn:doc-available': 'doc-available',
};

const nameStart = /[\p{L}_]/u;
const nameChar = /[\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F-\u2040]/u;

/** Rewrites `doc(`, `doc-available(` and `current()` as calls of the engine's variables. */
export function rewriteXPath(expression: string): string {
  let out = '';
  let i = 0;
  let previous = '';
  while (i < expression.length) {
    const c = expression.charAt(i);
    const end = skipLexicalUnit(expression, i);
    if (end > i) {
      out += expression.slice(i, end);
      i = end;
      previous = 'x';
    } else if (nameStart.test(c)) {
      const name = readQName(expression, i);
      const after = skipSpace(expression, i + name.length);
      const call = previous !== '$' && expression.charAt(after) === '(';
      const replacement = call ? rewriteCall(expression, name, i + name.length, after) : undefined;
      out += replacement?.text ?? name;
      i = replacement?.end ?? i + name.length;
      previous = 'x';
    } else {
      out += c;
      i += 1;
      if (!/\s/u.test(c)) previous = c;
    }
  }
  return out;
}

function rewriteCall(expression: string, name: string, nameEnd: number, open: number): { text: string; end: number } | undefined {
  const target = rewrites[name];
  if (target !== undefined) return { text: engineVariable(target), end: nameEnd };
  if (name !== 'current' && name !== 'fn:current') return undefined;
  const close = skipSpace(expression, open + 1);
  return expression.charAt(close) === ')' ? { text: `(${engineVariable('current')})`, end: close + 1 } : undefined;
}

/** The names of the variables an expression refers to (`$name`), bound inside it or not. */
export function referencedVariables(expression: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  while (i < expression.length) {
    const end = skipLexicalUnit(expression, i);
    if (end > i) i = end;
    else if (expression.charAt(i) === '$') {
      const start = skipSpace(expression, i + 1);
      const name = nameStart.test(expression.charAt(start)) ? readQName(expression, start) : '';
      if (name !== '') names.add(name);
      i = start + Math.max(name.length, 1);
    } else i += 1;
  }
  return names;
}

/**
 * The branches of a union at the top level of an expression (`a | b/c | (d | e)` → `a`,
 * `b/c`, `(d | e)`), trimmed; `||` (string concatenation) does not split.
 */
export function unionBranches(expression: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  let j = 0;
  while (j < expression.length) {
    const end = skipLexicalUnit(expression, j);
    if (end > j) {
      j = end;
      continue;
    }
    const c = expression.charAt(j);
    if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    else if (c === '|' && depth === 0 && expression.charAt(j + 1) !== '|' && expression.charAt(j - 1) !== '|') {
      branches.push(expression.slice(start, j).trim());
      start = j + 1;
    }
    j += 1;
  }
  branches.push(expression.slice(start).trim());
  return branches;
}

/** Whether the whole expression is one inline function, `function(…) as … { … }`. */
export function isInlineFunction(expression: string): boolean {
  const text = expression.trim();
  const open = /^function\s*\(/u.exec(text)?.[0].length;
  if (open === undefined) return false;
  const afterParams = closing(text, open - 1, '(', ')');
  const body = afterParams < 0 ? -1 : findOutside(text, afterParams, '{');
  return body >= 0 && closing(text, body, '{', '}') === text.length;
}

/** The index after the bracket that closes the one at `i`, or -1. */
function closing(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const end = skipLexicalUnit(text, j);
    if (end > j) {
      j = end;
      continue;
    }
    const c = text.charAt(j);
    if (c === open) depth += 1;
    if (c === close) depth -= 1;
    j += 1;
    if (depth === 0) return j;
  }
  return -1;
}

function findOutside(text: string, from: number, wanted: string): number {
  let j = from;
  while (j < text.length) {
    const end = skipLexicalUnit(text, j);
    if (end > j) j = end;
    else if (text.charAt(j) === wanted) return j;
    else j += 1;
  }
  return -1;
}

/** End of a string literal, comment or `Q{…}` at `i`, or `i` when there is none. */
export function skipLexicalUnit(expression: string, i: number): number {
  const c = expression.charAt(i);
  if (c === '"' || c === "'") return skipLiteral(expression, i, c);
  if (expression.startsWith('(:', i)) return skipComment(expression, i);
  if (expression.startsWith('Q{', i)) {
    const close = expression.indexOf('}', i);
    return close < 0 ? expression.length : close + 1;
  }
  return i;
}

function skipLiteral(expression: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < expression.length) {
    if (expression.charAt(j) === quote) {
      if (expression.charAt(j + 1) !== quote) return j + 1;
      j += 1;
    }
    j += 1;
  }
  return expression.length;
}

function skipComment(expression: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < expression.length) {
    if (expression.startsWith('(:', j)) {
      depth += 1;
      j += 2;
    } else if (expression.startsWith(':)', j)) {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return expression.length;
}

/** A name with an optional prefix (`fn:doc`); an axis (`child::`) ends the name before its `::`. */
function readQName(expression: string, i: number): string {
  let j = readNCName(expression, i);
  if (expression.charAt(j) === ':' && expression.charAt(j + 1) !== ':' && nameStart.test(expression.charAt(j + 1))) {
    j = readNCName(expression, j + 1);
  }
  return expression.slice(i, j);
}

function readNCName(expression: string, i: number): number {
  let j = i + 1;
  while (j < expression.length && nameChar.test(expression.charAt(j))) j += 1;
  return j;
}

function skipSpace(expression: string, i: number): number {
  let j = i;
  while (j < expression.length && /\s/u.test(expression.charAt(j))) j += 1;
  return j;
}
