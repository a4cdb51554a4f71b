/**
 * Random valid instances of a RELAX NG grammar (XML syntax), from a seeded PRNG: the same
 * seed gives the same document. Used to test that schemas/tei-edition.rng is a subset of
 * tei_all: every document generated from ours must be valid against both.
 *
 * Supported: grammar/start/define/ref, element name=, attribute name=, group, choice,
 * interleave, optional, zeroOrMore, oneOrMore, mixed, text, empty, value and data (XML Schema
 * datatypes) with `param name="pattern"`. Anything else (name classes, list, externalRef,
 * include, define/@combine, other facets, a pattern or a datatype the value table below does not
 * know) throws: the generator must never produce a document it cannot vouch for.
 *
 * Termination and size: each pattern has a minimum cost (the fewest elements that satisfy it,
 * computed by fixed point over the defines). Past `maxDepth` or once `maxElements` elements are
 * made, every choice takes a cheapest branch and every optional part is left out, so a document
 * is finished with the fewest elements still needed.
 *
 * Variety: a choice picks uniformly among its branches half the time, and among the members of
 * the classes it names (nested choices flattened) the other half; repetitions are geometric,
 * shorter deeper down; optional attributes are given with probability 0.2.
 */
import { readFileSync } from 'node:fs';
import { type NamespacedElement, ownText, parseNamespacedTree } from '../../src/lib/xml/namespaced-tree.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

// ---------------------------------------------------------------- the grammar

export type Pattern =
  | { readonly kind: 'element'; readonly ns: string; readonly name: string; readonly content: Pattern }
  | { readonly kind: 'attribute'; readonly name: string; readonly value: Pattern }
  | { readonly kind: 'group' | 'choice' | 'interleave'; readonly items: readonly Pattern[] }
  | { readonly kind: 'optional' | 'zeroOrMore' | 'oneOrMore' | 'mixed'; readonly item: Pattern }
  | { readonly kind: 'text' | 'empty' }
  | { readonly kind: 'data'; readonly type: string; readonly pattern?: string }
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'ref'; readonly name: string };

export interface RngGrammar {
  readonly start: Pattern;
  readonly defines: ReadonlyMap<string, Pattern>;
}

interface XmlNode {
  readonly uri: string;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
  /** The `ns` in scope (RELAX NG §4.8: inherited by element names). */
  readonly ns: string;
  readonly datatypeLibrary: string;
}

export function readRngGrammar(path: string): RngGrammar {
  return parseRngGrammar(readFileSync(path, 'utf8'), path);
}

export function parseRngGrammar(xml: string, file = 'schema.rng'): RngGrammar {
  const root = parseXmlTree(xml, file);
  if (root.uri !== RNG_NS || root.local !== 'grammar') throw new Error(`${file}: the root must be an RELAX NG <grammar>`);
  let start: Pattern | undefined;
  const defines = new Map<string, Pattern>();
  for (const child of rngChildren(root)) {
    if (child.local === 'start') {
      if (start) throw new Error(`${file}: more than one <start>`);
      start = groupOf(rngChildren(child).map((c) => toPattern(c, file)));
    } else if (child.local === 'define') {
      const name = requireAttr(child, 'name', file);
      if (child.attributes.combine !== undefined) throw new Error(`${file}: define ${name}: @combine is not supported`);
      if (defines.has(name)) throw new Error(`${file}: define ${name} is defined twice`);
      defines.set(name, groupOf(rngChildren(child).map((c) => toPattern(c, file))));
    } else {
      throw new Error(`${file}: <${child.local}> in <grammar> is not supported`);
    }
  }
  if (!start) throw new Error(`${file}: no <start>`);
  const grammar = { start, defines };
  checkRefs(grammar, file);
  return grammar;
}

function parseXmlTree(xml: string, file: string): XmlNode {
  let root: NamespacedElement;
  try {
    root = parseNamespacedTree(xml);
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const convert = (element: NamespacedElement, parent: XmlNode | undefined): XmlNode => {
    const node: XmlNode = {
      uri: element.ns,
      local: element.name,
      attributes: element.attributes,
      children: [],
      text: ownText(element),
      ns: element.attributes.ns ?? parent?.ns ?? '',
      datatypeLibrary: element.attributes.datatypeLibrary ?? parent?.datatypeLibrary ?? '',
    };
    for (const child of element.children) if (typeof child !== 'string') node.children.push(convert(child, node));
    return node;
  };
  return convert(root, undefined);
}

/** The RELAX NG children of a node: annotations in other namespaces are skipped. */
function rngChildren(node: XmlNode): XmlNode[] {
  return node.children.filter((c) => c.uri === RNG_NS);
}

function requireAttr(node: XmlNode, name: string, file: string): string {
  const value = node.attributes[name];
  if (value === undefined) throw new Error(`${file}: <${node.local}> without @${name}`);
  return value.trim();
}

function groupOf(items: Pattern[]): Pattern {
  if (items.length === 0) return { kind: 'empty' };
  return items.length === 1 ? (items[0] as Pattern) : { kind: 'group', items };
}

function toPattern(node: XmlNode, file: string): Pattern {
  const children = () => rngChildren(node).map((c) => toPattern(c, file));
  switch (node.local) {
    case 'element': {
      const name = requireAttr(node, 'name', file);
      if (name.includes(':')) throw new Error(`${file}: element ${name}: prefixed element names are not supported`);
      return { kind: 'element', ns: node.ns, name, content: groupOf(children()) };
    }
    case 'attribute': {
      const name = requireAttr(node, 'name', file);
      if (name.includes(':') && !name.startsWith('xml:')) throw new Error(`${file}: attribute ${name}: only the xml: prefix is supported`);
      if (node.attributes.ns !== undefined && node.attributes.ns !== '')
        throw new Error(`${file}: attribute ${name}: @ns is not supported`);
      const value = children();
      return { kind: 'attribute', name, value: value.length === 0 ? { kind: 'text' } : groupOf(value) };
    }
    case 'group':
    case 'choice':
    case 'interleave': {
      const items = children();
      if (items.length === 0) throw new Error(`${file}: empty <${node.local}>`);
      return items.length === 1 ? (items[0] as Pattern) : { kind: node.local, items };
    }
    case 'optional':
    case 'zeroOrMore':
    case 'oneOrMore':
    case 'mixed':
      return { kind: node.local, item: groupOf(children()) };
    case 'text':
    case 'empty':
      return { kind: node.local };
    case 'ref':
      return { kind: 'ref', name: requireAttr(node, 'name', file) };
    case 'value': {
      if (node.attributes.type !== undefined && node.attributes.type !== 'token' && node.attributes.type !== 'string') {
        throw new Error(`${file}: <value type="${node.attributes.type}"> is not supported`);
      }
      return { kind: 'value', value: node.text };
    }
    case 'data': {
      if (node.datatypeLibrary !== XSD_LIBRARY)
        throw new Error(`${file}: data type ${node.attributes.type ?? ''}: only the XML Schema datatype library is supported`);
      let pattern: string | undefined;
      for (const child of rngChildren(node)) {
        if (child.local !== 'param' || child.attributes.name !== 'pattern') {
          throw new Error(
            `${file}: data ${node.attributes.type ?? ''}: only <param name="pattern"> is supported, not <${child.local} name="${child.attributes.name ?? ''}">`,
          );
        }
        pattern = child.text;
      }
      return { kind: 'data', type: requireAttr(node, 'type', file), ...(pattern === undefined ? {} : { pattern }) };
    }
    default:
      throw new Error(`${file}: <${node.local}> is not supported by the instance generator`);
  }
}

function checkRefs(grammar: RngGrammar, file: string): void {
  const visit = (p: Pattern): void => {
    if (p.kind === 'ref' && !grammar.defines.has(p.name)) throw new Error(`${file}: ref to undefined ${p.name}`);
    subPatterns(p).forEach(visit);
  };
  visit(grammar.start);
  grammar.defines.forEach(visit);
}

/** The patterns directly inside a pattern (refs are not followed). */
function subPatterns(p: Pattern): readonly Pattern[] {
  switch (p.kind) {
    case 'element':
      return [p.content];
    case 'attribute':
      return [p.value];
    case 'group':
    case 'choice':
    case 'interleave':
      return p.items;
    case 'optional':
    case 'zeroOrMore':
    case 'oneOrMore':
    case 'mixed':
      return [p.item];
    default:
      return [];
  }
}

/**
 * The names of the `<element name="…">` patterns of any RELAX NG file, whatever constructs it
 * uses (for reading tei_all.rng, which this generator does not support).
 */
export function declaredElementNames(xml: string, file = 'schema.rng'): Set<string> {
  const names = new Set<string>();
  const visit = (node: XmlNode): void => {
    if (node.uri === RNG_NS && node.local === 'element' && node.attributes.name !== undefined) names.add(node.attributes.name.trim());
    node.children.forEach(visit);
  };
  visit(parseXmlTree(xml, file));
  return names;
}

/** Every element name the grammar defines (for comparing schemas). */
export function elementNames(grammar: RngGrammar): Set<string> {
  const names = new Set<string>();
  const visit = (p: Pattern): void => {
    if (p.kind === 'element') names.add(p.name);
    subPatterns(p).forEach(visit);
  };
  visit(grammar.start);
  grammar.defines.forEach(visit);
  return names;
}

// ---------------------------------------------------------------- minimum costs

/** The fewest elements each define needs, by fixed point (Infinity: it cannot terminate). */
function minimumCosts(grammar: RngGrammar): (p: Pattern) => number {
  const defineCost = new Map<string, number>([...grammar.defines.keys()].map((k) => [k, Infinity]));
  const cost = (p: Pattern): number => {
    switch (p.kind) {
      case 'element':
        return 1 + cost(p.content);
      case 'attribute':
      case 'text':
      case 'empty':
      case 'data':
      case 'value':
      case 'optional':
      case 'zeroOrMore':
        return 0;
      case 'group':
      case 'interleave':
        return p.items.reduce((sum, i) => sum + cost(i), 0);
      case 'choice':
        return Math.min(...p.items.map(cost));
      case 'oneOrMore':
      case 'mixed':
        return cost(p.item);
      case 'ref':
        return defineCost.get(p.name) ?? Infinity;
    }
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, body] of grammar.defines) {
      const c = cost(body);
      if (c < (defineCost.get(name) ?? Infinity)) {
        defineCost.set(name, c);
        changed = true;
      }
    }
  }
  return cost;
}

// ---------------------------------------------------------------- the PRNG

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(private readonly next: () => number) {}
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// ---------------------------------------------------------------- values

const words = [
  'le',
  'la',
  'les',
  'du',
  'des',
  'et',
  'à',
  'en',
  'pour',
  'avec',
  'sans',
  'parti',
  'comité',
  'central',
  'soviets',
  'pouvoir',
  'ouvriers',
  'paysans',
  'soldats',
  'gouvernement',
  'révolution',
  'décret',
  'paix',
  'terre',
  'camarades',
  'lettre',
  'novembre',
  'octobre',
  'Pétrograd',
  'Moscou',
  'Lénine',
  'Trotsky',
  'l’insurrection',
  'aujourd’hui',
  'c’est-à-dire',
  'grève',
  'Congrès',
  'masses',
  'avant-garde',
];
const punctuation = ['', '', '', ',', ';', ' :', '.', ' !', ' ?', '…'];
const tokens = [
  'section',
  'letter',
  'appeal',
  'speech',
  'introduction',
  'standard',
  'variant',
  'full',
  'main',
  'unknown',
  'citation',
  'header',
  'noise',
  'ignored',
  'editorial',
  'delivered',
  'written',
  'x-1',
  'draft',
  'revised',
  'julian',
];
const renditions = ['italic', 'bold', 'small-caps', 'superscript', 'underline', 'hyphen', 'centered', 'indent'];
const pointers = [
  '#julian',
  '#tei-edition',
  '#periodical',
  '#editor',
  'persons.xml#lenine',
  'places.xml#moscou',
  'periodicals.xml#novaia-jizn',
  'organisations.xml#vikjel',
  'https://creativecommons.org/licenses/by/4.0/',
  'https://www.wikidata.org/wiki/Q1394',
  'page-0001.jpg',
  'images/p12.png',
  '../texte.xml#n3',
];
const languages = ['fr', 'en', 'de', 'ru', 'la', 'fr-FR', 'de-AT'];
const names = ['lenine', 'trotsky', 'note', 'div', 'p', 'moscou', 'julian', 'ed', 'n', 'a'];

/** Values for each `param pattern` the schemas use, by pattern; the datatypes each may carry. */
const patternValues: Readonly<Record<string, { readonly types: readonly string[]; readonly make: (r: Random) => string }>> = {
  '[^\\p{C}\\p{Z}]+': { types: ['token', 'string', 'NMTOKEN'], make: (r) => r.pick(tokens) },
  '[^\\p{C}\\p{Z}]+( [^\\p{C}\\p{Z}]+)*': {
    types: ['token', 'string'],
    make: (r) => Array.from({ length: r.int(1, 3) }, () => r.pick(renditions)).join(' '),
  },
  '\\S+': { types: ['anyURI', 'token', 'string'], make: (r) => r.pick(pointers) },
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function typeValue(type: string, r: Random, ids: Set<string>): string {
  const year = r.int(1789, 1991);
  const month = r.int(1, 12);
  switch (type) {
    case 'ID': {
      for (;;) {
        const id = `${r.pick(names)}-${r.int(1, 9999)}`;
        if (!ids.has(id)) {
          ids.add(id);
          return id;
        }
      }
    }
    case 'NCName':
    case 'NMTOKEN':
      return `${r.pick(names)}${r.chance(0.5) ? `-${r.int(1, 99)}` : ''}`;
    case 'token':
    case 'string':
      return r.chance(0.5) ? r.pick(tokens) : String(r.int(1, 400));
    case 'anyURI':
      return r.pick(pointers);
    case 'language':
      return r.pick(languages);
    case 'date':
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(r.int(1, daysInMonth(year, month)), 2)}`;
    case 'gYearMonth':
      return `${pad(year, 4)}-${pad(month, 2)}`;
    case 'gYear':
      return pad(year, 4);
    case 'gMonthDay':
      return `--${pad(month, 2)}-${pad(r.int(1, daysInMonth(2000, month)), 2)}`;
    case 'nonNegativeInteger':
      return String(r.int(0, 300));
    case 'positiveInteger':
      return String(r.int(1, 300));
    case 'integer':
      return String(r.int(-50, 300));
    case 'boolean':
      return r.pick(['true', 'false', '1', '0']);
    case 'decimal':
    case 'double':
      return `${r.int(0, 99)}.${r.int(0, 9)}`;
    default:
      throw new Error(`no value generator for the datatype xsd:${type}`);
  }
}

function dataValue(p: { readonly type: string; readonly pattern?: string }, r: Random, ids: Set<string>): string {
  if (p.pattern === undefined) return typeValue(p.type, r, ids);
  const entry = patternValues[p.pattern];
  if (!entry) throw new Error(`no value generator for the pattern ${JSON.stringify(p.pattern)} (xsd:${p.type}): add one to patternValues`);
  if (!entry.types.includes(p.type)) throw new Error(`the value generator for ${JSON.stringify(p.pattern)} does not produce xsd:${p.type}`);
  const value = entry.make(r);
  // Check the table against the pattern itself (XSD patterns are anchored; these are ASCII values).
  if (!new RegExp(`^(?:${p.pattern})$`, 'u').test(value)) throw new Error(`generated ${JSON.stringify(value)} does not match ${p.pattern}`);
  return value;
}

function sentence(r: Random): string {
  const n = r.int(1, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.pick(words));
  return `${out.join(' ')}${r.pick(punctuation)}`;
}

// ---------------------------------------------------------------- generation

export interface GeneratorOptions {
  readonly seed: number;
  /** Element nesting past which only required structure is made (default 12). */
  readonly maxDepth?: number;
  /** Elements past which only required structure is made (default 60). */
  readonly maxElements?: number;
  /** Mean number of extra repetitions of zeroOrMore/oneOrMore, before limits (default 1). */
  readonly repeat?: number;
  /** Probability that an optional attribute is given (default 0.2). */
  readonly attributeChance?: number;
}

interface ElementNode {
  readonly ns: string;
  readonly name: string;
  readonly attributes: [string, string][];
  readonly children: Node[];
}

type Node = ElementNode | string;

interface Builder {
  readonly attributes: [string, string][];
  readonly children: Node[];
}

class Generator {
  private readonly r: Random;
  private readonly cost: (p: Pattern) => number;
  private readonly ids = new Set<string>();
  private readonly flattened = new Map<Pattern, readonly Pattern[]>();
  private elements = 0;
  private readonly maxDepth: number;
  private readonly maxElements: number;
  private readonly repeat: number;
  private readonly attributeChance: number;

  constructor(
    private readonly grammar: RngGrammar,
    options: GeneratorOptions,
  ) {
    this.r = new Random(seededRandom(options.seed));
    this.cost = minimumCosts(grammar);
    this.maxDepth = options.maxDepth ?? 12;
    this.maxElements = options.maxElements ?? 60;
    this.repeat = options.repeat ?? 1;
    this.attributeChance = options.attributeChance ?? 0.2;
    if (this.cost(grammar.start) === Infinity) throw new Error('the grammar has no finite instance');
  }

  document(): ElementNode {
    const top: Builder = { attributes: [], children: [] };
    this.gen(this.grammar.start, top, 0);
    const [root, ...rest] = top.children;
    if (root === undefined || typeof root === 'string' || rest.length > 0 || top.attributes.length > 0) {
      throw new Error('start must produce exactly one element');
    }
    return root;
  }

  private exhausted(depth: number): boolean {
    return depth >= this.maxDepth || this.elements >= this.maxElements;
  }

  /** How many times to repeat an optional repetition: geometric, shorter deeper down. */
  private extra(depth: number): number {
    if (this.exhausted(depth)) return 0;
    const p = (this.repeat / (1 + this.repeat)) * (1 - depth / (this.maxDepth + 1));
    let n = 0;
    while (n < 6 && this.r.chance(p)) n++;
    return n;
  }

  private gen(p: Pattern, into: Builder, depth: number): void {
    switch (p.kind) {
      case 'element': {
        this.elements++;
        const el: ElementNode = { ns: p.ns, name: p.name, attributes: [], children: [] };
        this.gen(p.content, el, depth + 1);
        into.children.push(el);
        return;
      }
      case 'attribute':
        if (into.attributes.some(([n]) => n === p.name)) throw new Error(`attribute ${p.name} generated twice`);
        into.attributes.push([p.name, this.value(p.value)]);
        return;
      case 'group':
        for (const item of p.items) this.gen(item, into, depth);
        return;
      case 'interleave': {
        const parts = p.items.map((item) => {
          const part: Builder = { attributes: into.attributes, children: [] };
          this.gen(item, part, depth);
          return part.children;
        });
        // Merge the parts in a random order, each keeping its own order.
        while (parts.some((part) => part.length > 0)) {
          const part = this.r.pick(parts.filter((q) => q.length > 0));
          append(into.children, part.shift() as Node);
        }
        return;
      }
      case 'choice':
        // Half the time each branch of the choice is as likely as each other; half the time each
        // element of the classes it names is (see alternatives), so that both the branches of a
        // small choice and the members of a large class turn up.
        return this.gen(this.choose(this.r.chance(0.5) ? p.items : this.alternatives(p), depth), into, depth);
      case 'optional': {
        // Optional attributes are mostly left out, as in real documents.
        const chance = p.item.kind === 'attribute' ? this.attributeChance : 0.5;
        if (!this.exhausted(depth) && this.r.chance(chance)) this.gen(p.item, into, depth);
        return;
      }
      case 'zeroOrMore':
      case 'oneOrMore': {
        const n = (p.kind === 'oneOrMore' ? 1 : 0) + this.extra(depth);
        for (let i = 0; i < n; i++) this.gen(p.item, into, depth);
        return;
      }
      case 'mixed': {
        const inner: Builder = { attributes: into.attributes, children: [] };
        this.gen(p.item, inner, depth);
        const withText: Node[] = [];
        for (const child of inner.children) {
          if (this.r.chance(0.7)) append(withText, sentence(this.r));
          append(withText, child);
        }
        if (withText.length === 0 || this.r.chance(0.6)) append(withText, sentence(this.r));
        for (const child of withText) append(into.children, child);
        return;
      }
      case 'text':
        if (this.r.chance(0.9)) append(into.children, sentence(this.r));
        return;
      case 'empty':
        return;
      case 'data':
        append(into.children, dataValue(p, this.r, this.ids));
        return;
      case 'value':
        append(into.children, p.value);
        return;
      case 'ref':
        return this.gen(this.define(p.name), into, depth);
    }
  }

  /**
   * The branches of a choice, with nested choices (direct, or through a ref to a define that is
   * a choice, like a model class) flattened: each element of a class as likely as each other,
   * however deep the class nests.
   */
  private alternatives(p: Pattern): readonly Pattern[] {
    const cached = this.flattened.get(p);
    if (cached) return cached;
    const out: Pattern[] = [];
    const visit = (q: Pattern, seen: ReadonlySet<string>): void => {
      if (q.kind === 'choice') {
        q.items.forEach((i) => visit(i, seen));
        return;
      }
      if (q.kind === 'ref' && !seen.has(q.name)) {
        const body = this.define(q.name);
        if (body.kind === 'choice') {
          visit(body, new Set([...seen, q.name]));
          return;
        }
      }
      out.push(q);
    };
    visit(p, new Set());
    this.flattened.set(p, out);
    return out;
  }

  private choose(items: readonly Pattern[], depth: number): Pattern {
    const costs = items.map((i) => this.cost(i));
    const finite = items.filter((_, i) => costs[i] !== Infinity);
    if (!this.exhausted(depth)) {
      // Keep within the element budget when a branch alone would exceed it.
      const room = this.maxElements - this.elements;
      const fitting = finite.filter((i) => this.cost(i) <= Math.max(room, 1));
      return this.r.pick(fitting.length > 0 ? fitting : finite);
    }
    const least = Math.min(...costs);
    return this.r.pick(items.filter((_, i) => costs[i] === least));
  }

  private define(name: string): Pattern {
    const body = this.grammar.defines.get(name);
    if (!body) throw new Error(`ref to undefined ${name}`);
    return body;
  }

  /** An attribute value: value, data, text, or a choice among them. */
  private value(p: Pattern): string {
    switch (p.kind) {
      case 'value':
        return p.value;
      case 'data':
        return dataValue(p, this.r, this.ids);
      case 'text':
        return sentence(this.r);
      case 'choice':
        return this.value(this.r.pick(p.items));
      case 'ref':
        return this.value(this.define(p.name));
      default:
        throw new Error(`attribute values of kind ${p.kind} are not supported`);
    }
  }
}

function append(nodes: Node[], node: Node): void {
  const last = nodes[nodes.length - 1];
  if (typeof node === 'string' && typeof last === 'string') nodes[nodes.length - 1] = `${last} ${node}`;
  else nodes.push(node);
}

// ---------------------------------------------------------------- serialisation

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/gu, '&quot;');
}

function serialise(el: ElementNode, parentNs: string | undefined): string {
  if (el.name.includes(':')) throw new Error(`prefixed element ${el.name}`);
  const attributes = el.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const xmlns = el.ns === parentNs ? '' : ` xmlns="${escapeAttribute(el.ns)}"`;
  if (el.children.length === 0) return `<${el.name}${xmlns}${attributes}/>`;
  const content = el.children.map((c) => (typeof c === 'string' ? escapeText(c) : serialise(c, el.ns))).join('');
  return `<${el.name}${xmlns}${attributes}>${content}</${el.name}>`;
}

/** One random document valid against the grammar, as XML text. */
export function generateInstance(grammar: RngGrammar, options: GeneratorOptions): string {
  const root = new Generator(grammar, options).document();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated from seed ${options.seed} -->\n${serialise(root, undefined)}\n`;
}
