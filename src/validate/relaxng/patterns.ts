/**
 * The patterns of a compiled RELAX NG schema, in the form used by the derivative algorithm
 * (James Clark, "An algorithm for RELAX NG validation", 2002), plus `after`, which the algorithm
 * adds to stand for "the rest of this element's content, then what follows it".
 *
 * Patterns are interned: building the same pattern twice returns the same object, so that
 * derivatives can be memoised on the pattern itself and compared with `===`.
 */
import type { Datatype } from './datatypes.js';
import type { NameClass } from './name-class.js';

/** Content types (RELAX NG §7.2), ordered so that `max` combines them as jing does. */
export const enum ContentType {
  Empty = 0,
  Element = 1,
  Mixed = 2,
  Data = 3,
}

export type PatternKind =
  | 'empty'
  | 'notAllowed'
  | 'text'
  | 'choice'
  | 'group'
  | 'interleave'
  | 'oneOrMore'
  | 'after'
  | 'attribute'
  | 'element'
  | 'data'
  | 'value'
  | 'list';

/** Memoised derivatives, filled in lazily by derivatives.ts. */
export interface PatternMemo {
  startTagOpen?: Map<string, Pattern>;
  startTagOpenRecover?: Map<string, Pattern>;
  startAttribute?: Map<string, Pattern>;
  endAttributes?: Pattern;
  ignoreMissingAttributes?: Pattern;
  endTag?: Pattern;
  mixedText?: Pattern;
  textOnly?: Pattern;
  emptyAfter?: Pattern;
  recoverAfter?: Pattern;
}

export class Pattern {
  readonly memo: PatternMemo = {};
  /** Element content, compiled on first use so that a large schema loads fast and recursion needs no special case. */
  private lazyContent: (() => Pattern) | undefined;
  private elementContent: Pattern | undefined;
  private choiceMembers: Set<Pattern> | undefined;

  constructor(
    readonly id: number,
    readonly kind: PatternKind,
    readonly nullable: boolean,
    /** True for notAllowed, and for an `after` whose first part is notAllowed (the rest is kept for recovery). */
    readonly notAllowed: boolean,
    readonly contentType: ContentType,
    readonly a: Pattern | undefined,
    readonly b: Pattern | undefined,
    readonly nameClass: NameClass | undefined,
    readonly datatype: Datatype | undefined,
    /** The `value` pattern's expected value, as written in the schema. */
    readonly value: string | undefined,
    lazyContent?: () => Pattern,
  ) {
    this.lazyContent = lazyContent;
  }

  /** First operand (or the only one). */
  get left(): Pattern {
    if (this.a === undefined) throw new Error(`pattern ${this.kind} has no operand`);
    return this.a;
  }

  get right(): Pattern {
    if (this.b === undefined) throw new Error(`pattern ${this.kind} has no second operand`);
    return this.b;
  }

  /** The content of an element or attribute pattern. */
  get content(): Pattern {
    if (this.kind === 'attribute' || this.kind === 'list') return this.left;
    if (this.elementContent === undefined) {
      if (this.lazyContent === undefined) throw new Error(`pattern ${this.kind} has no content`);
      const compile = this.lazyContent;
      this.lazyContent = undefined;
      this.elementContent = compile();
    }
    return this.elementContent;
  }

  /** Whether `p` is one of the alternatives of this choice (or this pattern itself). */
  hasAlternative(p: Pattern): boolean {
    if (this === p) return true;
    if (this.kind !== 'choice') return false;
    if (this.choiceMembers === undefined) {
      const members = new Set<Pattern>();
      const collect = (x: Pattern): void => {
        if (x.kind === 'choice') {
          collect(x.left);
          collect(x.right);
        } else members.add(x);
      };
      collect(this);
      this.choiceMembers = members;
    }
    return this.choiceMembers.has(p);
  }

  alternatives(): Pattern[] {
    if (this.kind !== 'choice') return [this];
    return [...this.left.alternatives(), ...this.right.alternatives()];
  }
}

/** Builds interned patterns; one builder per compiled schema (its memo tables live as long as the schema). */
export class PatternBuilder {
  private nextId = 0;
  private readonly interned = new Map<string, Pattern>();
  readonly empty: Pattern;
  readonly notAllowed: Pattern;
  readonly text: Pattern;

  constructor() {
    this.empty = this.make('empty', true, false, ContentType.Empty);
    this.notAllowed = this.make('notAllowed', false, true, ContentType.Empty);
    this.text = this.make('text', true, false, ContentType.Mixed);
  }

  /** How many patterns have been made (tests count them to show that the work per event is bounded). */
  get size(): number {
    return this.nextId;
  }

  private make(
    kind: PatternKind,
    nullable: boolean,
    notAllowed: boolean,
    contentType: ContentType,
    a?: Pattern,
    b?: Pattern,
    extra: { nameClass?: NameClass; datatype?: Datatype; value?: string; lazyContent?: () => Pattern } = {},
  ): Pattern {
    return new Pattern(
      this.nextId++,
      kind,
      nullable,
      notAllowed,
      contentType,
      a,
      b,
      extra.nameClass,
      extra.datatype,
      extra.value,
      extra.lazyContent,
    );
  }

  private intern(key: string, build: () => Pattern): Pattern {
    const found = this.interned.get(key);
    if (found !== undefined) return found;
    const made = build();
    this.interned.set(key, made);
    return made;
  }

  choice(p1: Pattern, p2: Pattern): Pattern {
    if (p1 === p2) return p1;
    if (p1.notAllowed && p1.kind === 'notAllowed') return p2;
    if (p2.notAllowed && p2.kind === 'notAllowed') return p1;
    if (p1.kind !== 'choice' && p2.hasAlternative(p1)) return p2;
    if (p2.kind !== 'choice' && p1.hasAlternative(p2)) return p1;
    if (p1.kind === 'choice' && p2.kind === 'choice') {
      const extra = p2.alternatives().filter((x) => !p1.hasAlternative(x));
      if (extra.length === 0) return p1;
      let result = p1;
      for (const x of extra) result = this.binaryChoice(result, x);
      return result;
    }
    if (p1.kind === 'after' && p2.kind === 'after') {
      if (p1.left === p2.left) return this.after(p1.left, this.choice(p1.right, p2.right));
      if (p1.left.kind === 'notAllowed') return p2;
      if (p2.left.kind === 'notAllowed') return p1;
      if (p1.right === p2.right) return this.after(this.choice(p1.left, p2.left), p1.right);
    }
    return this.binaryChoice(p1, p2);
  }

  private binaryChoice(p1: Pattern, p2: Pattern): Pattern {
    // Order operands by id so that choice(a, b) and choice(b, a) intern to the same object.
    const [x, y] = p1.id < p2.id ? [p1, p2] : [p2, p1];
    return this.intern(`|${x.id},${y.id}`, () =>
      this.make('choice', x.nullable || y.nullable, false, Math.max(x.contentType, y.contentType), x, y),
    );
  }

  group(p1: Pattern, p2: Pattern): Pattern {
    if (p1.kind === 'notAllowed' || p2.kind === 'notAllowed') return this.notAllowed;
    if (p1.kind === 'empty') return p2;
    if (p2.kind === 'empty') return p1;
    return this.intern(`,${p1.id},${p2.id}`, () =>
      this.make('group', p1.nullable && p2.nullable, false, Math.max(p1.contentType, p2.contentType), p1, p2),
    );
  }

  interleave(p1: Pattern, p2: Pattern): Pattern {
    if (p1.kind === 'notAllowed' || p2.kind === 'notAllowed') return this.notAllowed;
    if (p1.kind === 'empty') return p2;
    if (p2.kind === 'empty') return p1;
    const [x, y] = p1.id < p2.id ? [p1, p2] : [p2, p1];
    return this.intern(`&${x.id},${y.id}`, () =>
      this.make('interleave', x.nullable && y.nullable, false, Math.max(x.contentType, y.contentType), x, y),
    );
  }

  oneOrMore(p: Pattern): Pattern {
    if (p.kind === 'notAllowed' || p.kind === 'empty' || p.kind === 'text') return p;
    return this.intern(`+${p.id}`, () => this.make('oneOrMore', p.nullable, false, p.contentType, p));
  }

  optional(p: Pattern): Pattern {
    return this.choice(p, this.empty);
  }

  after(p1: Pattern, p2: Pattern): Pattern {
    if (p2.kind === 'notAllowed') return this.notAllowed;
    return this.intern(`>${p1.id},${p2.id}`, () => this.make('after', false, p1.notAllowed, p1.contentType, p1, p2));
  }

  attribute(nameClass: NameClass, content: Pattern, key: string): Pattern {
    return this.intern(`@${key},${content.id}`, () =>
      this.make('attribute', false, false, ContentType.Empty, content, undefined, { nameClass }),
    );
  }

  /** Each element pattern of the schema is unique (the caller keeps one per schema element). */
  element(nameClass: NameClass, content: () => Pattern): Pattern {
    return this.make('element', false, false, ContentType.Element, undefined, undefined, { nameClass, lazyContent: content });
  }

  data(datatype: Datatype, except?: Pattern): Pattern {
    const key = `d${datatype.key}${except === undefined ? '' : `-${except.id}`}`;
    return this.intern(key, () => this.make('data', false, false, ContentType.Data, except, undefined, { datatype }));
  }

  valuePattern(datatype: Datatype, value: string): Pattern {
    return this.intern(`=${datatype.key}\u0000${value}`, () =>
      this.make('value', false, false, ContentType.Data, undefined, undefined, { datatype, value }),
    );
  }

  list(p: Pattern): Pattern {
    if (p.kind === 'notAllowed') return p;
    return this.intern(`l${p.id}`, () => this.make('list', false, false, ContentType.Data, p));
  }
}
