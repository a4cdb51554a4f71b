/**
 * Compiles a RELAX NG schema (XML syntax) into interned patterns, doing the simplification of
 * RELAX NG §4 on the fly: `div` flattening, `include` with overrides, `externalRef`, nested
 * grammars and `parentRef`, `define`/`start` with `combine`, `mixed`, `optional`, `zeroOrMore`,
 * inherited `ns` and `datatypeLibrary`. Files are read through `readSchemaFile` so that the caller
 * decides what may be read.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDatatype } from './datatypes.js';
import type { NameClass } from './name-class.js';
import { type Pattern, PatternBuilder } from './patterns.js';
import { parseRngTree, requiredAttribute, type RngElement, SchemaError } from './rng-tree.js';

export interface CompiledGrammar {
  readonly builder: PatternBuilder;
  readonly start: Pattern;
  /** Every element pattern of the schema (for recovery from an element out of context). */
  readonly elements: readonly Pattern[];
  /** Attributes (by `ns\0local`) whose value is of an ID-type (RELAX NG DTD Compatibility §4): IDs must be unique, IDREFs must match one. */
  readonly idAttributes: ReadonlyMap<string, 'ID' | 'IDREF' | 'IDREFS'>;
}

interface Component {
  readonly combine: string | undefined;
  readonly body: RngElement[];
  readonly at: RngElement;
  /** The files being included when the component was read (its body is compiled later, when referenced). */
  readonly inclusion: Inclusion | undefined;
}

/**
 * The chain of schema files that led to the one being compiled (root first), through `include`
 * and `externalRef`. Element content and define bodies are compiled later than they are read, so
 * each keeps the chain it was read under: a file that refers back to itself is found however the
 * reference is nested (RELAX NG §4.5, §4.7: a file may not include itself, directly or not).
 */
interface Inclusion {
  readonly path: string;
  /** The `include` or `externalRef` that brought this file in (none for the root schema). */
  readonly by: RngElement | undefined;
  readonly outer: Inclusion | undefined;
}

class Grammar {
  readonly defines = new Map<string, Component[]>();
  readonly start: Component[] = [];
  readonly compiled = new Map<string, Pattern>();
  readonly inProgress = new Set<string>();
  constructor(readonly parent: Grammar | undefined) {}
}

export type ReadSchemaFile = (path: string) => string;

class Compiler {
  readonly builder = new PatternBuilder();
  readonly elements: Pattern[] = [];
  readonly idAttributes = new Map<string, 'ID' | 'IDREF' | 'IDREFS'>();
  /** What `externalRef` to a file gave, by path: a file referred to from several places is compiled once. */
  private readonly external = new Map<string, Pattern>();
  private inclusion: Inclusion | undefined;

  constructor(private readonly readFile: ReadSchemaFile) {}

  fail(at: RngElement, message: string): never {
    throw new SchemaError(message, at.file, at.line, at.column);
  }

  /** Reads the root schema, or the file an `include` or `externalRef` (`by`) refers to, refusing a loop. */
  load(path: string, by?: RngElement): RngElement {
    const chain: string[] = [];
    for (let i = this.inclusion; i !== undefined; i = i.outer) chain.unshift(i.path);
    if (by !== undefined && chain.includes(path)) {
      const root = dirname(chain[0] ?? path);
      const shown = (p: string): string => relative(root, p) || basename(p);
      const loop = [...chain.slice(chain.indexOf(path)), path].map(shown).join(' → ');
      this.fail(
        by,
        `recursive inclusion: <${by.local} href="${by.attributes.get('href') ?? ''}"> refers back to "${shown(path)}", which is being read (${loop}); a schema file may not include itself, directly or through other files`,
      );
    }
    return parseRngTree(this.readFile(path), path);
  }

  /** Runs `f` with `path` added to the inclusion chain. */
  within<T>(path: string, by: RngElement | undefined, f: () => T): T {
    return this.under({ path, by, outer: this.inclusion }, f);
  }

  /** Runs `f` under a given inclusion chain (the one element content or a define body was read under). */
  under<T>(inclusion: Inclusion | undefined, f: () => T): T {
    const saved = this.inclusion;
    this.inclusion = inclusion;
    try {
      return f();
    } finally {
      this.inclusion = saved;
    }
  }

  hrefPath(at: RngElement): string {
    const href = requiredAttribute(at, 'href');
    return href.startsWith('file:') ? fileURLToPath(href) : resolve(dirname(at.file), href);
  }

  /** Collects a grammar's start and define components, expanding div and include. */
  collect(grammar: Grammar, children: readonly RngElement[], overridden?: { start: boolean; names: Set<string> }): void {
    for (const child of children) {
      if (child.local === 'div') this.collect(grammar, child.children, overridden);
      else if (child.local === 'start') {
        if (!overridden?.start)
          grammar.start.push({ combine: child.attributes.get('combine'), body: child.children, at: child, inclusion: this.inclusion });
      } else if (child.local === 'define') {
        const name = requiredAttribute(child, 'name');
        if (overridden?.names.has(name)) continue;
        const list = grammar.defines.get(name) ?? [];
        list.push({ combine: child.attributes.get('combine'), body: child.children, at: child, inclusion: this.inclusion });
        grammar.defines.set(name, list);
      } else if (child.local === 'include') this.include(grammar, child, overridden);
      else this.fail(child, `<${child.local}> not allowed in a grammar`);
    }
  }

  include(grammar: Grammar, at: RngElement, outer?: { start: boolean; names: Set<string> }): void {
    const path = this.hrefPath(at);
    const root = this.load(path, at);
    if (root.local !== 'grammar') this.fail(at, `included file "${path}" is not a grammar`);
    const names = new Set(outer?.names ?? []);
    let start = outer?.start ?? false;
    const scan = (xs: readonly RngElement[]): void => {
      for (const x of xs) {
        if (x.local === 'define') names.add(requiredAttribute(x, 'name'));
        else if (x.local === 'start') start = true;
        else if (x.local === 'div') scan(x.children);
      }
    };
    scan(at.children);
    this.within(path, at, () => this.collect(grammar, root.children, { start, names }));
    this.collect(grammar, at.children, outer);
  }

  combined(components: readonly Component[], what: string): Pattern {
    const first = components[0];
    if (first === undefined) throw new Error('no component');
    const combines = new Set(components.map((c) => c.combine).filter((c) => c !== undefined));
    const withoutCombine = components.filter((c) => c.combine === undefined);
    if (withoutCombine.length > 1) this.fail(withoutCombine[1]!.at, `multiple definitions of ${what} without a "combine" attribute`);
    if (combines.size > 1) this.fail(first.at, `conflicting "combine" values for ${what}`);
    const how = [...combines][0] ?? 'choice';
    return components
      .map((c) => this.under(c.inclusion, () => this.group(c.body, c.at)))
      .reduce((x, y) => (how === 'interleave' ? this.builder.interleave(x, y) : this.builder.choice(x, y)));
  }

  grammarPattern(at: RngElement, parent: Grammar | undefined): Pattern {
    const grammar = new Grammar(parent);
    this.collect(grammar, at.children);
    if (grammar.start.length === 0) this.fail(at, 'grammar has no <start>');
    this.scopes.push(grammar);
    try {
      return this.combined(grammar.start, 'start');
    } finally {
      this.scopes.pop();
    }
  }

  private readonly scopes: Grammar[] = [];

  ref(at: RngElement, parentRef: boolean): Pattern {
    let grammar = this.scopes[this.scopes.length - 1];
    if (parentRef) grammar = grammar?.parent;
    if (grammar === undefined) this.fail(at, parentRef ? 'parentRef outside a nested grammar' : 'ref outside a grammar');
    const name = requiredAttribute(at, 'name');
    const cached = grammar.compiled.get(name);
    if (cached !== undefined) return cached;
    const components = grammar.defines.get(name);
    if (components === undefined) this.fail(at, `reference to undefined pattern "${name}"`);
    if (grammar.inProgress.has(name)) this.fail(at, `bad recursive reference to pattern "${name}" (recursion must go through an element)`);
    grammar.inProgress.add(name);
    const depth = this.scopes.indexOf(grammar);
    const saved = this.scopes.splice(depth + 1);
    try {
      const pattern = this.combined(components, `"${name}"`);
      grammar.compiled.set(name, pattern);
      return pattern;
    } finally {
      this.scopes.push(...saved);
      grammar.inProgress.delete(name);
    }
  }

  group(children: readonly RngElement[], at: RngElement): Pattern {
    if (children.length === 0) this.fail(at, `<${at.local}> needs content`);
    return children.map((c) => this.pattern(c)).reduce((x, y) => this.builder.group(x, y));
  }

  pattern(at: RngElement): Pattern {
    const b = this.builder;
    switch (at.local) {
      case 'element':
        return this.element(at);
      case 'attribute':
        return this.attribute(at);
      case 'group':
        return this.group(at.children, at);
      case 'interleave':
        return at.children.map((c) => this.pattern(c)).reduce((x, y) => b.interleave(x, y));
      case 'choice':
        return at.children.map((c) => this.pattern(c)).reduce((x, y) => b.choice(x, y));
      case 'optional':
        return b.optional(this.group(at.children, at));
      case 'zeroOrMore':
        return b.optional(b.oneOrMore(this.group(at.children, at)));
      case 'oneOrMore':
        return b.oneOrMore(this.group(at.children, at));
      case 'mixed':
        return b.interleave(this.group(at.children, at), b.text);
      case 'list':
        return b.list(this.group(at.children, at));
      case 'ref':
        return this.ref(at, false);
      case 'parentRef':
        return this.ref(at, true);
      case 'empty':
        return b.empty;
      case 'notAllowed':
        return b.notAllowed;
      case 'text':
        return b.text;
      case 'data':
        return this.data(at);
      case 'value':
        return this.value(at);
      case 'grammar':
        return this.grammarPattern(at, this.scopes[this.scopes.length - 1]);
      case 'externalRef':
        return this.externalRef(at);
      default:
        return this.fail(at, `<${at.local}> is not a RELAX NG pattern`);
    }
  }

  externalRef(at: RngElement): Pattern {
    const path = this.hrefPath(at);
    const root = this.load(path, at);
    const compiled = this.external.get(path);
    if (compiled !== undefined) return compiled;
    const saved = this.scopes.splice(0);
    try {
      const pattern = this.within(path, at, () => (root.local === 'grammar' ? this.grammarPattern(root, undefined) : this.pattern(root)));
      this.external.set(path, pattern);
      return pattern;
    } finally {
      this.scopes.push(...saved);
    }
  }

  element(at: RngElement): Pattern {
    const nameAttr = at.attributes.get('name');
    const nameClass =
      nameAttr === undefined
        ? this.nameClass(at.children[0] ?? this.fail(at, '<element> needs a name'), at.ns)
        : this.qname(at, nameAttr, at.ns);
    const content = nameAttr === undefined ? at.children.slice(1) : at.children;
    const scopes = [...this.scopes];
    const inclusion = this.inclusion;
    const element = this.builder.element(nameClass, () => {
      const saved = this.scopes.splice(0, this.scopes.length, ...scopes);
      try {
        return this.under(inclusion, () => this.group(content, at));
      } finally {
        this.scopes.splice(0, this.scopes.length, ...saved);
      }
    });
    this.elements.push(element);
    return element;
  }

  attribute(at: RngElement): Pattern {
    const nameAttr = at.attributes.get('name');
    const ns = at.attributes.get('ns') ?? '';
    const nameClass =
      nameAttr === undefined
        ? this.nameClass(at.children[0] ?? this.fail(at, '<attribute> needs a name'), at.ns)
        : this.qname(at, nameAttr, ns);
    const content = nameAttr === undefined ? at.children.slice(1) : at.children;
    const pattern = content.length === 0 ? this.builder.text : this.group(content, at);
    const idType = pattern.kind === 'data' ? pattern.datatype?.idType : undefined;
    if (idType !== undefined && nameClass.kind === 'name') this.idAttributes.set(`${nameClass.ns}\u0000${nameClass.local}`, idType);
    return this.builder.attribute(nameClass, pattern, JSON.stringify(nameClass));
  }

  qname(at: RngElement, qname: string, defaultNs: string): NameClass {
    const colon = qname.indexOf(':');
    if (colon < 0) return { kind: 'name', ns: defaultNs, local: qname };
    const prefix = qname.slice(0, colon);
    const ns = at.prefixes.get(prefix);
    if (ns === undefined) this.fail(at, `undeclared namespace prefix "${prefix}" in "${qname}"`);
    return { kind: 'name', ns, local: qname.slice(colon + 1) };
  }

  nameClass(at: RngElement, defaultNs: string): NameClass {
    const except = (): NameClass | undefined => {
      const x = at.children.find((c) => c.local === 'except');
      if (x === undefined) return undefined;
      return x.children.map((c) => this.nameClass(c, defaultNs)).reduce((p, q) => ({ kind: 'choice', a: p, b: q }));
    };
    switch (at.local) {
      case 'name':
        return this.qname(at, at.text.trim(), at.ns);
      case 'anyName': {
        const e = except();
        return e === undefined ? { kind: 'anyName' } : { kind: 'anyName', except: e };
      }
      case 'nsName': {
        const e = except();
        return e === undefined ? { kind: 'nsName', ns: at.ns } : { kind: 'nsName', ns: at.ns, except: e };
      }
      case 'choice':
        return at.children.map((c) => this.nameClass(c, defaultNs)).reduce((p, q) => ({ kind: 'choice', a: p, b: q }));
      default:
        return this.fail(at, `<${at.local}> is not a name class`);
    }
  }

  data(at: RngElement): Pattern {
    const params = at.children.filter((c) => c.local === 'param').map((p) => ({ name: requiredAttribute(p, 'name'), value: p.text }));
    const result = makeDatatype(at.datatypeLibrary, requiredAttribute(at, 'type'), params);
    if ('error' in result) this.fail(at, result.error);
    const exceptAt = at.children.find((c) => c.local === 'except');
    const except =
      exceptAt === undefined ? undefined : exceptAt.children.map((c) => this.pattern(c)).reduce((x, y) => this.builder.choice(x, y));
    return this.builder.data(result.datatype, except);
  }

  value(at: RngElement): Pattern {
    const type = at.attributes.get('type');
    const result = type === undefined ? makeDatatype('', 'token', []) : makeDatatype(at.datatypeLibrary, type, []);
    if ('error' in result) this.fail(at, result.error);
    return this.builder.valuePattern(result.datatype, at.text);
  }
}

/** Compiles a schema file; throws SchemaError (with file, line and column) when the schema is wrong. */
export function compileSchema(path: string, readFile: ReadSchemaFile): CompiledGrammar {
  const compiler = new Compiler(readFile);
  const root = compiler.load(path);
  const start = compiler.within(path, undefined, () =>
    root.local === 'grammar' ? compiler.grammarPattern(root, undefined) : compiler.pattern(root),
  );
  // Compile every element's content now, so that schema errors are found at load time, not mid-document.
  for (let i = 0; i < compiler.elements.length; i++) void compiler.elements[i]!.content;
  return { builder: compiler.builder, start, elements: compiler.elements, idAttributes: compiler.idAttributes };
}
