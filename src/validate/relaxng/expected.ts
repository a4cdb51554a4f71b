/**
 * What a pattern allows next, in words: the "expected …" part of validation messages, and the
 * required elements or attributes that are missing.
 */
import { ContentType, type Pattern, type PatternBuilder } from './patterns.js';
import { endTagDeriv, emptyAfter, mixedTextDeriv } from './derivatives.js';
import { type NameSummary, type QualifiedName, singleName, summariseNameClass } from './name-class.js';

export type FormatName = (name: QualifiedName, isAttribute: boolean) => string;

const MAX_LISTED = 12;

function collectNames(p: Pattern, kind: 'element' | 'attribute', into: NameSummary, seen: Set<Pattern>): void {
  if (seen.has(p)) return;
  seen.add(p);
  switch (p.kind) {
    case 'choice':
    case 'interleave':
      collectNames(p.left, kind, into, seen);
      collectNames(p.right, kind, into, seen);
      return;
    case 'group':
      collectNames(p.left, kind, into, seen);
      if (kind === 'attribute' || p.left.nullable) collectNames(p.right, kind, into, seen);
      return;
    case 'oneOrMore':
    case 'after':
      collectNames(p.left, kind, into, seen);
      return;
    case 'element':
    case 'attribute':
      if (p.kind === kind) summariseNameClass(p.nameClass!, into);
      return;
    default:
      return;
  }
}

export function possibleNames(p: Pattern, kind: 'element' | 'attribute'): NameSummary {
  const summary: NameSummary = { names: new Map(), open: false };
  collectNames(p, kind, summary, new Set());
  return summary;
}

/** Names that must still occur (intersection over choices), as jing's "missing required element". */
export function requiredNames(p: Pattern, kind: 'element' | 'attribute'): Map<string, QualifiedName> {
  switch (p.kind) {
    case 'group': {
      // Only what is required first: once the first part is done, the rest will be reported in turn.
      // (attributes have no order, so all of them count).
      const first = requiredNames(p.left, kind);
      if (kind === 'element' && !p.left.nullable) return first;
      return new Map([...first, ...requiredNames(p.right, kind)]);
    }
    case 'interleave': {
      const all = new Map(requiredNames(p.left, kind));
      for (const [k, v] of requiredNames(p.right, kind)) all.set(k, v);
      return all;
    }
    case 'choice': {
      const left = requiredNames(p.left, kind);
      const right = requiredNames(p.right, kind);
      return new Map([...left].filter(([k]) => right.has(k)));
    }
    case 'oneOrMore':
    case 'after':
      return requiredNames(p.left, kind);
    case 'element':
    case 'attribute': {
      if (p.kind !== kind) return new Map();
      const name = singleName(p.nameClass!);
      return name === undefined ? new Map() : new Map([[`${name.ns}\u0000${name.local}`, name]]);
    }
    default:
      return new Map();
  }
}

export function formatNameList(
  names: Iterable<QualifiedName>,
  isAttribute: boolean,
  format: FormatName,
  conjunction: 'or' | 'and',
): string {
  const quoted = [...names].map((n) => `"${format(n, isAttribute)}"`).sort();
  if (quoted.length > MAX_LISTED) {
    const shown = quoted.slice(0, MAX_LISTED);
    return `${shown.join(', ')} ${conjunction} ${quoted.length - MAX_LISTED} more`;
  }
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1] ?? ''}`;
}

/** "; expected the element end-tag, text or element "a", "b"" (empty when nothing can be said). */
export function expectedContent(b: PatternBuilder, p: Pattern, format: FormatName): string {
  const expected: string[] = [];
  if (!endTagDeriv(b, p).notAllowed) expected.push('the element end-tag');
  const type = emptyAfter(b, p).contentType;
  if (type === ContentType.Mixed && !mixedTextDeriv(b, p).notAllowed) expected.push('text');
  else if (type === ContentType.Data) expected.push('data');
  const names = possibleNames(p, 'element');
  if (names.names.size > 0) expected.push(`element ${formatNameList(names.names.values(), false, format, 'or')}`);
  if (names.open) expected.push('an element from another namespace');
  if (expected.length === 0) return '';
  const last = expected.pop() ?? '';
  return `; expected ${expected.length > 0 ? `${expected.join(', ')} or ${last}` : last}`;
}

export function expectedAttributes(p: Pattern, format: FormatName): string {
  const names = possibleNames(p, 'attribute');
  if (names.names.size === 0) return names.open ? '; expected an attribute from another namespace' : '';
  return `; expected attribute ${formatNameList(names.names.values(), true, format, 'or')}${names.open ? ' or an attribute from another namespace' : ''}`;
}
