/**
 * The Schematron element tree → the engine's model, with a message on the schema for everything
 * the engine cannot run as written (missing ids or tests, unknown roles, abstract patterns…).
 * XPath expressions are checked afterwards (check-xpath.ts), once the scopes are known.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import { childElements, foreignChildren, SCHEMATRON_NS, type SchElement } from './sch-tree.js';
import type { Check, DiagnosticText, LetDeclaration, MessagePart, Pattern, Role, Rule, SchemaModel } from './schema-model.js';

const roles: readonly Role[] = ['error', 'warning', 'info'];
const queryBindings = ['xslt2', 'xslt3'];
/**
 * Other people's Schematron: query bindings whose expressions the engine evaluates as XPath 3.1
 * (XPath 1.0 and 2.0 expressions are, with few exceptions, XPath 3.1 expressions with the same value).
 */
const foreignQueryBindings = ['xslt', 'xslt2', 'xslt3', 'xpath', 'xpath2', 'xpath3', 'xpath31'];
/** Roles as other schemas write them (ISO leaves @role free): the severity each one gets; any other is an error. */
const foreignRoles: Readonly<Record<string, Role>> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  nonfatal: 'warning',
  info: 'info',
  information: 'info',
};

export interface ReadOptions {
  /**
   * The project's own rules (strict): every assert and report has an @id and a role the toolkit
   * knows, the query binding is xslt2 or xslt3. Other schemas (not strict): a check's rule id
   * falls back to its rule's, then its pattern's id, then `pattern-<n>`; any role is accepted.
   */
  readonly strict: boolean;
  /** The rule ids of the messages are `<ruleSet>/<id>`. */
  readonly ruleSet: string;
  /** The phase to run (`#ALL`: every pattern); default: the schema's @defaultPhase, else every pattern. */
  readonly phase?: string;
}

const projectRules: ReadOptions = { strict: true, ruleSet: 'tei-edition' };
/** Children of <schema> the engine knows; title, p and properties are read and ignored; the phase run is @defaultPhase (else all patterns). */
const schemaChildren = new Set(['title', 'p', 'phase', 'properties', 'ns', 'let', 'pattern', 'diagnostics']);

class SchemaReader {
  readonly messages: Diagnostic[] = [];
  /** The pattern each message is about, for messages inside a pattern. */
  readonly patternOf = new Map<Diagnostic, string>();
  private readonly ids = new Set<string>();
  private currentPattern?: string;

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
  ) {}

  error(at: SchElement, message: string): void {
    const found = diagnostic('error', 'schematron-schema', message, { file: this.file, line: at.line, column: at.column });
    this.messages.push(found);
    if (this.currentPattern !== undefined) this.patternOf.set(found, this.currentPattern);
  }

  /** The attribute, or a message saying it is missing. */
  required(element: SchElement, attribute: string, why: string): string | undefined {
    const value = element.attributes[attribute];
    if (value !== undefined && value.trim() !== '') return value;
    this.error(element, `<${element.name}> has no @${attribute}: ${why}`);
    return undefined;
  }

  schema(root: SchElement): SchemaModel | undefined {
    if (root.ns !== SCHEMATRON_NS || root.name !== 'schema') {
      const namespace = root.ns === '' ? 'in no namespace' : `in namespace “${root.ns}”`;
      this.error(root, `the root element is <${root.name}> ${namespace}; expected <schema> in ${SCHEMATRON_NS} (ISO Schematron)`);
      return undefined;
    }
    this.queryBinding(root);
    this.unsupported(root);
    const diagnostics = this.diagnosticTexts(root);
    const schemaLets = this.lets(root);
    const phase = this.phase(root);
    const patterns = childElements(root, 'pattern').map((p, i) => this.pattern(p, i + 1));
    this.globalLetsUnique(schemaLets, patterns);
    const active = phase.active === undefined ? patterns : patterns.filter((p) => phase.active?.has(p.name));
    // Pattern-level lets are global variables, visible in every pattern, as in the XSLT-based
    // processors (SchXslt, the ISO skeleton); a phase's lets come after the schema's (and hide them).
    const model: SchemaModel = {
      namespaces: this.namespaces(root),
      lets: [...schemaLets, ...phase.lets, ...active.flatMap((p) => p.lets)],
      patterns: active.map((p) => ({ ...p, lets: [] })),
      diagnostics,
    };
    for (const pattern of model.patterns) this.checkDiagnosticRefs(pattern, diagnostics);
    return model;
  }

  /** The phase run: its lets and active patterns (undefined: all patterns). */
  private phase(root: SchElement): { lets: LetDeclaration[]; active?: Set<string> } {
    const wanted =
      this.options.phase === undefined || this.options.phase === '#DEFAULT' ? root.attributes.defaultPhase : this.options.phase;
    if (wanted === undefined || wanted === '#ALL') return { lets: [] };
    const phases = childElements(root, 'phase');
    const phase = phases.find((p) => p.attributes.id === wanted);
    if (phase === undefined) {
      const known = phases.map((p) => p.attributes.id).filter((id) => id !== undefined);
      this.error(
        root,
        `the phase “${wanted}” is not declared; expected the id of a <phase>${known.length === 0 ? ' (there is none)' : ` (declared: ${known.join(', ')})`}, #ALL or #DEFAULT`,
      );
      return { lets: [] };
    }
    const active = new Set(
      childElements(phase, 'active')
        .map((a) => a.attributes.pattern)
        .filter((id): id is string => id !== undefined),
    );
    return { lets: this.lets(phase), active };
  }

  /** Schema-level and pattern-level lets are global: a name declared twice among them is an error (ISO 19757-3:2016 §5.4.5). */
  private globalLetsUnique(schemaLets: readonly LetDeclaration[], patterns: readonly Pattern[]): void {
    const seen = new Set(schemaLets.map((l) => l.name));
    for (const pattern of patterns) {
      for (const declaration of pattern.lets) {
        if (seen.has(declaration.name)) {
          const found = diagnostic(
            'error',
            'schematron-schema',
            `the variable $${declaration.name} is declared twice: schema- and pattern-level lets are global, so their names must be unique in the schema`,
            { file: this.file, line: declaration.line, column: declaration.column },
          );
          this.messages.push(found);
          this.patternOf.set(found, pattern.name);
        }
        seen.add(declaration.name);
      }
    }
  }

  private queryBinding(root: SchElement): void {
    const binding = root.attributes.queryBinding;
    if (!this.options.strict) {
      if (binding === undefined || foreignQueryBindings.includes(binding.trim().toLowerCase())) return;
      this.error(
        root,
        `@queryBinding="${binding}" is not one this engine runs; expected one of ${foreignQueryBindings.join(', ')} (expressions are evaluated as XPath 3.1)`,
      );
      return;
    }
    if (binding !== undefined && queryBindings.includes(binding.trim().toLowerCase())) return;
    const found = binding === undefined ? 'no @queryBinding (ISO default: xslt, XPath 1.0)' : `@queryBinding="${binding}"`;
    this.error(root, `${found}; expected queryBinding="xslt3" or "xslt2": the engine evaluates XPath 3.1`);
  }

  private unsupported(root: SchElement): void {
    for (const element of foreignChildren(root)) {
      this.error(
        element,
        `<${element.name}> (namespace ${element.ns}) is not supported by this engine: rules can use XPath 3.1 only (define functions with <let> and an inline function)`,
      );
    }
    for (const element of childElements(root)) {
      if (!schemaChildren.has(element.name))
        this.error(
          element,
          `<${element.name}> is not supported by this engine (supported: ns, let, pattern, rule, assert, report, value-of, name, diagnostics)`,
        );
    }
  }

  private namespaces(root: SchElement): Record<string, string> {
    const namespaces: Record<string, string> = {};
    for (const ns of childElements(root, 'ns')) {
      const prefix = this.required(ns, 'prefix', 'a namespace declaration needs a prefix');
      const uri = this.required(ns, 'uri', 'a namespace declaration needs a URI');
      if (prefix !== undefined && uri !== undefined) namespaces[prefix] = uri;
    }
    return namespaces;
  }

  private lets(parent: SchElement): LetDeclaration[] {
    const lets: LetDeclaration[] = [];
    for (const element of childElements(parent, 'let')) {
      const name = this.required(element, 'name', 'a variable needs a name');
      const value = this.required(element, 'value', 'the engine needs the value as an XPath expression in @value');
      if (name !== undefined && lets.some((l) => l.name === name))
        this.error(element, `the variable $${name} is declared twice in the same <${parent.name}>`);
      if (name !== undefined && value !== undefined) lets.push({ name, value, line: element.line, column: element.column });
    }
    return lets;
  }

  private pattern(element: SchElement, index: number): Pattern {
    const name = element.attributes.id ?? `pattern-${index}`;
    this.currentPattern = name;
    try {
      return this.patternContent(element, name);
    } finally {
      this.currentPattern = undefined;
    }
  }

  private patternContent(element: SchElement, name: string): Pattern {
    if (element.attributes.abstract === 'true' || element.attributes['is-a'] !== undefined) {
      this.error(element, 'abstract patterns (@abstract, @is-a) are not supported by this engine');
    }
    if (element.attributes.documents !== undefined)
      this.error(element, 'pattern/@documents is not supported by this engine: patterns apply to the document validated');
    for (const child of childElements(element)) {
      if (!['rule', 'let', 'title', 'p'].includes(child.name))
        this.error(child, `<${child.name}> in a pattern is not supported by this engine`);
    }
    const rules = childElements(element, 'rule')
      .map((r) => this.rule(r, name))
      .filter((r): r is Rule => r !== undefined);
    return { name, lets: this.lets(element), rules, line: element.line, column: element.column };
  }

  private rule(element: SchElement, patternName: string): Rule | undefined {
    if (element.attributes.abstract === 'true') this.error(element, 'abstract rules are not supported by this engine');
    for (const child of childElements(element, 'extends')) this.error(child, '<extends> is not supported by this engine');
    const context = this.required(element, 'context', 'a rule needs the pattern of the nodes it applies to');
    const checks = childElements(element)
      .filter((c) => c.name === 'assert' || c.name === 'report')
      .map((c) => this.check(c, element.attributes.id ?? patternName))
      .filter((c): c is Check => c !== undefined);
    if (context === undefined) return undefined;
    const subject = element.attributes.subject;
    return {
      context,
      ...(subject === undefined ? {} : { subject }),
      lets: this.lets(element),
      checks,
      line: element.line,
      column: element.column,
    };
  }

  /** `fallbackId`: the id of the rule, or else of the pattern (or `pattern-<n>`), for schemas that are not the project's. */
  private check(element: SchElement, fallbackId: string): Check | undefined {
    const test = this.required(element, 'test', `an ${element.name} needs an XPath test`);
    const own = this.options.strict
      ? this.required(element, 'id', 'every assert and report needs an id: it is the rule id of its messages (tei-edition/<id>)')
      : element.attributes.id;
    if (own !== undefined) {
      if (this.ids.has(own)) this.error(element, `the id “${own}” is used twice; ids must be unique in the schema`);
      this.ids.add(own);
    }
    const id = this.options.strict ? own : (own ?? fallbackId);
    const role = this.role(element);
    const message = this.message(element);
    if (test === undefined || id === undefined || role === undefined) return undefined;
    const subject = element.attributes.subject;
    const diagnostics = (element.attributes.diagnostics ?? '').split(/\s+/u).filter((d) => d !== '');
    const kind = element.name === 'assert' ? 'assert' : 'report';
    return {
      kind,
      id,
      rule: `${this.options.ruleSet}/${id}`,
      role,
      test,
      ...(subject === undefined ? {} : { subject }),
      message,
      diagnostics,
      line: element.line,
      column: element.column,
    };
  }

  private role(element: SchElement): Role | undefined {
    const role = element.attributes.role;
    if (role === undefined) return 'error';
    if (!this.options.strict) return foreignRoles[role.trim().toLowerCase()] ?? 'error';
    const known = roles.find((r) => r === role.trim());
    if (known === undefined)
      this.error(
        element,
        `@role="${role}" is not a role this toolkit knows; expected one of ${roles.join(', ')} (the severity of the message)`,
      );
    return known;
  }

  private diagnosticTexts(root: SchElement): Map<string, DiagnosticText> {
    const texts = new Map<string, DiagnosticText>();
    for (const group of childElements(root, 'diagnostics')) {
      for (const element of childElements(group, 'diagnostic')) {
        const id = this.required(element, 'id', 'a diagnostic is referred to by its id');
        if (id !== undefined) texts.set(id, { id, message: this.message(element), line: element.line, column: element.column });
      }
    }
    return texts;
  }

  private checkDiagnosticRefs(pattern: Pattern, texts: ReadonlyMap<string, DiagnosticText>): void {
    for (const check of pattern.rules.flatMap((r) => r.checks)) {
      for (const ref of check.diagnostics.filter((d) => !texts.has(d))) {
        const found = diagnostic('error', 'schematron-schema', `@diagnostics refers to “${ref}”, which is not the id of a <diagnostic>`, {
          file: this.file,
          line: check.line,
          column: check.column,
        });
        this.messages.push(found);
        this.patternOf.set(found, pattern.name);
      }
    }
  }

  /** The text of an assertion or diagnostic: literal text, value-of, name; emph, dir and span as text. */
  private message(element: SchElement): MessagePart[] {
    const parts: MessagePart[] = [];
    for (const child of element.children) {
      if (typeof child === 'string') parts.push({ kind: 'text', text: child });
      else if (child.ns === SCHEMATRON_NS && child.name === 'value-of') {
        const select = this.required(child, 'select', 'value-of needs the XPath whose value is written');
        if (select !== undefined) parts.push({ kind: 'value-of', select, line: child.line, column: child.column });
      } else if (child.ns === SCHEMATRON_NS && child.name === 'name') {
        const path = child.attributes.path;
        parts.push({ kind: 'name', ...(path === undefined ? {} : { path }), line: child.line, column: child.column });
      } else parts.push(...this.message(child));
    }
    return parts;
  }
}

/** Reads the schema's model; undefined when the root is not a Schematron schema. */
export function readSchema(
  root: SchElement,
  file: string,
  options: ReadOptions = projectRules,
): { model?: SchemaModel; messages: Diagnostic[]; patternOf: ReadonlyMap<Diagnostic, string> } {
  const reader = new SchemaReader(file, options);
  const model = reader.schema(root);
  return { ...(model === undefined ? {} : { model }), messages: reader.messages, patternOf: reader.patternOf };
}
