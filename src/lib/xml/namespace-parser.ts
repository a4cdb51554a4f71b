/**
 * The toolkit's streaming XML parser: saxes with namespaces, with prefix resolution in constant
 * time. saxes 6 resolves a prefix by walking every open element up to the root, once for each
 * element name and each prefixed attribute, which makes a deeply nested document quadratic
 * (100,000 nested `<hi>`: 256 s instead of 2). Here each prefix has a stack of its bindings
 * (innermost last); a binding whose element has been closed is dropped when it is next looked at.
 * Every element's declarations are pushed once and dropped once, so a document costs time in
 * proportion to its size, however deep and however many namespaces it declares.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export type NamespaceParserOptions = { readonly xmlns: true; readonly position: true };

/** The fields of saxes 6 that prefix resolution reads (they are private in its type declarations). */
interface SaxesInternals {
  readonly tags: readonly SaxesTagNS[];
  readonly tag: SaxesTagNS | null;
  readonly topNS: Readonly<Record<string, string>> | null;
  readonly ns: Readonly<Record<string, string>>;
}

interface Binding {
  /** The element that declares the prefix, and its index in the stack of open elements. */
  readonly element: SaxesTagNS;
  readonly depth: number;
  readonly uri: string;
}

export class NamespaceParser extends SaxesParser<NamespaceParserOptions> {
  private readonly bindings = new Map<string, Binding[]>();
  /** `registered[d]` is the open element at depth d whose declarations are in `bindings`. */
  private readonly registered: SaxesTagNS[] = [];
  /** How many bindings were looked at; tests use it to show that the work per element is bounded. */
  bindingSteps = 0;

  constructor() {
    super({ xmlns: true, position: true });
  }

  /** Same contract as saxes's `resolve`: the current element's declarations, then its ancestors', then the predefined ones. */
  override resolve(prefix: string): string | undefined {
    const internals = this as unknown as SaxesInternals;
    const own = internals.topNS?.[prefix];
    if (own !== undefined) return own;
    const tags = internals.tags;
    const parentDepth = tags.length - 1;
    const parent = tags[parentDepth];
    if (parent !== undefined && this.registered[parentDepth] !== parent) this.register(parent, parentDepth);
    const stack = this.bindings.get(prefix);
    while (stack !== undefined && stack.length > 0) {
      this.bindingSteps += 1;
      const top = stack[stack.length - 1]!;
      if (tags[top.depth] === top.element) return top.uri;
      stack.pop();
    }
    return internals.ns[prefix] ?? this.opt.resolvePrefix?.(prefix);
  }

  /**
   * An element becomes an ancestor: its declarations join the bindings. Every element is opened
   * by a `resolve` of its own name, so the parent of the element being opened is always the only
   * one that can still be missing.
   */
  private register(element: SaxesTagNS, depth: number): void {
    this.registered[depth] = element;
    this.registered.length = depth + 1;
    for (const prefix in element.ns) {
      let stack = this.bindings.get(prefix);
      if (stack === undefined) this.bindings.set(prefix, (stack = []));
      stack.push({ element, depth, uri: element.ns[prefix]! });
    }
  }
}
