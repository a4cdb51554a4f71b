/** What the engine keeps of a Schematron schema: ISO/IEC 19757-3 elements it runs, with positions. */

export type Role = 'error' | 'warning' | 'info';

export interface Located {
  readonly line: number;
  readonly column: number;
}

/** `<let name value>`: a variable in scope for what follows it. */
export interface LetDeclaration extends Located {
  readonly name: string;
  readonly value: string;
}

/** Assertion or diagnostic text: literal text, `<value-of select>`, `<name path>`. */
export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | ({ readonly kind: 'value-of'; readonly select: string } & Located)
  | ({ readonly kind: 'name'; readonly path?: string } & Located);

export interface Check extends Located {
  readonly kind: 'assert' | 'report';
  readonly id: string;
  /** The rule id of its messages: `tei-edition/<id>` for the project's rules, `<schema name>/<id>` for others. */
  readonly rule: string;
  readonly role: Role;
  readonly test: string;
  readonly subject?: string;
  readonly message: readonly MessagePart[];
  /** Ids of `<diagnostic>` elements whose text is added as the message's hint. */
  readonly diagnostics: readonly string[];
}

export interface Rule extends Located {
  readonly context: string;
  readonly subject?: string;
  readonly lets: readonly LetDeclaration[];
  readonly checks: readonly Check[];
}

export interface Pattern extends Located {
  /** `@id`, or `pattern-<n>` (1-based) when it has none. */
  readonly name: string;
  readonly lets: readonly LetDeclaration[];
  readonly rules: readonly Rule[];
}

export interface DiagnosticText extends Located {
  readonly id: string;
  readonly message: readonly MessagePart[];
}

export interface SchemaModel {
  /** Prefix → namespace URI, from `<ns>`. */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly lets: readonly LetDeclaration[];
  readonly patterns: readonly Pattern[];
  readonly diagnostics: ReadonlyMap<string, DiagnosticText>;
}
