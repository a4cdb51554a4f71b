/**
 * Derivatives of patterns with respect to the events of a streamed document (start-tag open,
 * attribute, start-tag close, text, end tag), after Clark's algorithm as jing implements it,
 * including jing's recovery functions so that one error does not hide the next ones.
 * Every derivative is memoised on the pattern it is taken of.
 */
import { isBlank } from './datatypes.js';
import { nameClassContains } from './name-class.js';
import type { Pattern, PatternBuilder } from './patterns.js';

export interface EventName {
  readonly ns: string;
  readonly local: string;
  /** `ns + '\0' + local`, the memo key. */
  readonly key: string;
}

type Mode = 'element' | 'recover' | 'attribute';

/** Applies `f` to the second part of every `after` in a choice of afters. */
function applyAfter(b: PatternBuilder, p: Pattern, f: (x: Pattern) => Pattern): Pattern {
  switch (p.kind) {
    case 'after':
      return b.after(p.left, f(p.right));
    case 'choice':
      return b.choice(applyAfter(b, p.left, f), applyAfter(b, p.right, f));
    default:
      return b.notAllowed;
  }
}

function memoTable(p: Pattern, mode: Mode): Map<string, Pattern> {
  if (mode === 'element') return (p.memo.startTagOpen ??= new Map());
  if (mode === 'recover') return (p.memo.startTagOpenRecover ??= new Map());
  return (p.memo.startAttribute ??= new Map());
}

/**
 * The derivative for a start tag (mode `element`), for a start tag while recovering from an error
 * (`recover`: a required item may be skipped), or for an attribute name (`attribute`).
 */
export function startDeriv(b: PatternBuilder, p: Pattern, name: EventName, mode: Mode): Pattern {
  const table = memoTable(p, mode);
  const found = table.get(name.key);
  if (found !== undefined) return found;
  const result = computeStartDeriv(b, p, name, mode);
  table.set(name.key, result);
  return result;
}

function computeStartDeriv(b: PatternBuilder, p: Pattern, name: EventName, mode: Mode): Pattern {
  const d = (x: Pattern): Pattern => startDeriv(b, x, name, mode);
  switch (p.kind) {
    case 'choice':
      return b.choice(d(p.left), d(p.right));
    case 'group': {
      const p1 = p.left;
      const p2 = p.right;
      const first = applyAfter(b, d(p1), (x) => b.group(x, p2));
      if (mode === 'attribute')
        return b.choice(
          first,
          applyAfter(b, d(p2), (x) => b.group(p1, x)),
        );
      return p1.nullable || mode === 'recover' ? b.choice(first, d(p2)) : first;
    }
    case 'interleave': {
      const p1 = p.left;
      const p2 = p.right;
      return b.choice(
        applyAfter(b, d(p1), (x) => b.interleave(x, p2)),
        applyAfter(b, d(p2), (x) => b.interleave(p1, x)),
      );
    }
    case 'after': {
      const rest = p.right;
      return applyAfter(b, d(p.left), (x) => b.after(x, rest));
    }
    case 'oneOrMore':
      return applyAfter(b, d(p.left), (x) => b.group(x, b.optional(p)));
    case 'element':
      if (mode === 'attribute' || !nameClassContains(p.nameClass!, name.ns, name.local)) return b.notAllowed;
      return b.after(p.content, b.empty);
    case 'attribute':
      if (mode !== 'attribute' || !nameClassContains(p.nameClass!, name.ns, name.local)) return b.notAllowed;
      return b.after(p.content, b.empty);
    default:
      return b.notAllowed;
  }
}

/** Applies a structural function through choice/group/interleave/oneOrMore/after. */
function mapStructure(b: PatternBuilder, p: Pattern, self: (x: Pattern) => Pattern, leaf: (x: Pattern) => Pattern): Pattern {
  switch (p.kind) {
    case 'choice':
      return b.choice(self(p.left), self(p.right));
    case 'group':
      return b.group(self(p.left), self(p.right));
    case 'interleave':
      return b.interleave(self(p.left), self(p.right));
    case 'oneOrMore':
      return b.oneOrMore(self(p.left));
    case 'after':
      return b.after(self(p.left), p.right);
    default:
      return leaf(p);
  }
}

/** Start-tag close: attributes not given are no longer possible. */
export function endAttributes(b: PatternBuilder, p: Pattern): Pattern {
  return (p.memo.endAttributes ??= mapStructure(
    b,
    p,
    (x) => endAttributes(b, x),
    (x) => (x.kind === 'attribute' ? b.notAllowed : x),
  ));
}

/** Recovery for a missing required attribute: pretend it was there. */
export function ignoreMissingAttributes(b: PatternBuilder, p: Pattern): Pattern {
  return (p.memo.ignoreMissingAttributes ??= mapStructure(
    b,
    p,
    (x) => ignoreMissingAttributes(b, x),
    (x) => (x.kind === 'attribute' ? b.empty : x),
  ));
}

/** For text-only (data) content: child elements are no longer possible. */
export function textOnly(b: PatternBuilder, p: Pattern): Pattern {
  return (p.memo.textOnly ??= mapStructure(
    b,
    p,
    (x) => textOnly(b, x),
    (x) => (x.kind === 'element' ? b.notAllowed : x),
  ));
}

/**
 * A function of a choice of `after` patterns (the state between events), applied to each `after`
 * and memoised: the end tag, and the two recovery helpers below.
 */
function acrossAfters(
  b: PatternBuilder,
  p: Pattern,
  key: 'endTag' | 'recoverAfter' | 'emptyAfter',
  onAfter: (after: Pattern) => Pattern,
  otherwise: (x: Pattern) => Pattern,
): Pattern {
  const memo = p.memo[key];
  if (memo !== undefined) return memo;
  let result: Pattern;
  if (p.kind === 'choice')
    result = b.choice(acrossAfters(b, p.left, key, onAfter, otherwise), acrossAfters(b, p.right, key, onAfter, otherwise));
  else if (p.kind === 'after') result = onAfter(p);
  else result = otherwise(p);
  p.memo[key] = result;
  return result;
}

export function endTagDeriv(b: PatternBuilder, p: Pattern): Pattern {
  return acrossAfters(
    b,
    p,
    'endTag',
    (a) => (a.left.nullable ? a.right : b.notAllowed),
    () => b.notAllowed,
  );
}

/** Non-blank text in mixed content. */
export function mixedTextDeriv(b: PatternBuilder, p: Pattern): Pattern {
  if (p.memo.mixedText !== undefined) return p.memo.mixedText;
  const d = (x: Pattern): Pattern => mixedTextDeriv(b, x);
  let result: Pattern;
  switch (p.kind) {
    case 'text':
      result = p;
      break;
    case 'choice':
      result = b.choice(d(p.left), d(p.right));
      break;
    case 'group': {
      const first = b.group(d(p.left), p.right);
      result = p.left.nullable ? b.choice(first, d(p.right)) : first;
      break;
    }
    case 'interleave':
      result = b.choice(b.interleave(d(p.left), p.right), b.interleave(p.left, d(p.right)));
      break;
    case 'oneOrMore':
      result = b.group(d(p.left), b.optional(p));
      break;
    case 'after':
      result = b.after(d(p.left), p.right);
      break;
    default:
      result = b.notAllowed;
  }
  p.memo.mixedText = result;
  return result;
}

/** Recovery at an error inside an element: skip the rest of its content. */
export function recoverAfter(b: PatternBuilder, p: Pattern): Pattern {
  return acrossAfters(
    b,
    p,
    'recoverAfter',
    (a) => a.right,
    () => b.notAllowed,
  );
}

/** The same pattern with nothing required after the current element (to tell local errors from inherited ones). */
export function emptyAfter(b: PatternBuilder, p: Pattern): Pattern {
  return acrossAfters(
    b,
    p,
    'emptyAfter',
    (a) => b.after(a.left, b.empty),
    (x) => x,
  );
}

/** Why a value did not match: the datatypes and values that were tried. */
export interface DataFailure {
  readonly expected: string;
}

/** A complete string value (attribute value or data content) against a choice of afters. */
export function dataDeriv(b: PatternBuilder, p: Pattern, value: string, failures: DataFailure[]): Pattern {
  if (p.kind === 'choice') return b.choice(dataDeriv(b, p.left, value, failures), dataDeriv(b, p.right, value, failures));
  if (p.kind !== 'after') return b.notAllowed;
  return valueMatches(b, p.left, value, failures) ? p.right : b.notAllowed;
}

function valueMatches(b: PatternBuilder, p: Pattern, value: string, failures: DataFailure[]): boolean {
  if (p.nullable && isBlank(value)) return true;
  return textDeriv(b, p, value, failures).nullable;
}

/** Clark's textDeriv for one string against value-level patterns. */
function textDeriv(b: PatternBuilder, p: Pattern, s: string, failures: DataFailure[]): Pattern {
  const d = (x: Pattern): Pattern => textDeriv(b, x, s, failures);
  switch (p.kind) {
    case 'choice':
      return b.choice(d(p.left), d(p.right));
    case 'group': {
      const first = b.group(d(p.left), p.right);
      return p.left.nullable ? b.choice(first, d(p.right)) : first;
    }
    case 'interleave':
      return b.choice(b.interleave(d(p.left), p.right), b.interleave(p.left, d(p.right)));
    case 'oneOrMore':
      return b.group(d(p.left), b.optional(p));
    case 'text':
      return p;
    case 'value': {
      const dt = p.datatype!;
      if (dt.equal(s, p.value ?? '')) return b.empty;
      failures.push({ expected: `"${p.value ?? ''}"` });
      return b.notAllowed;
    }
    case 'data': {
      const dt = p.datatype!;
      if (!dt.allows(s)) {
        failures.push({ expected: dt.description });
        return b.notAllowed;
      }
      if (p.a !== undefined && valueMatches(b, p.a, s, [])) {
        failures.push({ expected: `${dt.description}, other than the excluded values` });
        return b.notAllowed;
      }
      return b.empty;
    }
    case 'list': {
      let rest = p.left;
      for (const token of s.split(/[\x20\t\n\r]+/).filter((t) => t !== '')) {
        rest = textDeriv(b, rest, token, failures);
        if (rest.kind === 'notAllowed') return rest;
      }
      return rest.nullable ? b.empty : b.notAllowed;
    }
    default:
      return b.notAllowed;
  }
}
