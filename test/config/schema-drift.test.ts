/**
 * `src/lib/config/types.ts` and `schemas/edition.schema.json` describe the same config twice; this
 * test keeps them from drifting apart. Both are reduced to the same plain description (each
 * interface or alias by name, each property with its optionality, type and doc text) and the
 * two descriptions are compared both ways. The last tests run the comparison on altered copies,
 * to show that it does fail, and how its messages read.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const typesPath = 'src/lib/config/types.ts';
const schemaPath = 'schemas/edition.schema.json';
const typesSource = readFileSync(root + typesPath, 'utf8');
const schema: unknown = JSON.parse(readFileSync(root + schemaPath, 'utf8'));

/** The root of the schema is the interface EditionConfig; each `$defs` entry is the declaration of its name. */
const rootName = 'EditionConfig';

interface Property {
  readonly optional: boolean;
  /** Normalised type: `string`, `ref(IsoDate)`, `enum(columns|prose)`, `array<ref(Person)>`, `null | number`. */
  readonly type: string;
  readonly doc?: string;
}

type Declaration =
  | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, Property>; readonly doc?: string }
  | { readonly kind: 'alias'; readonly type: string; readonly doc?: string };

type Declarations = ReadonlyMap<string, Declaration>;

// ---- types.ts → declarations

function fromTypeScript(source: string): Declarations {
  const file = ts.createSourceFile(typesPath, source, ts.ScriptTarget.ES2022, true);
  const declarations = new Map<string, Declaration>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const properties = new Map<string, Property>();
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || member.type === undefined)
          throw new Error(`${statement.name.text}: unexpected member ${member.getText()}`);
        properties.set(
          member.name.getText(),
          withDoc({ optional: member.questionToken !== undefined, type: tsType(member.type) }, docOf(member)),
        );
      }
      declarations.set(statement.name.text, withDoc({ kind: 'object', properties }, docOf(statement)));
    } else if (ts.isTypeAliasDeclaration(statement)) {
      declarations.set(statement.name.text, withDoc({ kind: 'alias', type: tsType(statement.type) }, docOf(statement)));
    }
  }
  return declarations;
}

function tsType(node: ts.TypeNode): string {
  if (ts.isParenthesizedTypeNode(node)) return tsType(node.type);
  if (ts.isUnionTypeNode(node)) return union(node.types.map(tsType));
  if (ts.isArrayTypeNode(node)) return `array<${tsType(node.elementType)}>`;
  if (ts.isLiteralTypeNode(node)) {
    if (node.literal.kind === ts.SyntaxKind.NullKeyword) return 'null';
    if (ts.isStringLiteral(node.literal)) return `enum(${node.literal.text})`;
  }
  if (ts.isTypeReferenceNode(node) && node.typeArguments === undefined) return `ref(${node.typeName.getText()})`;
  if (node.kind === ts.SyntaxKind.StringKeyword) return 'string';
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'number';
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  return `unsupported(${node.getText()})`;
}

/** The last doc comment before a node is its own (the file's header comment precedes the first). */
function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs[docs.length - 1];
  const text = last === undefined ? undefined : ts.getTextOfJSDocComment(last.comment);
  return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
}

// ---- schema → declarations

function fromSchema(root: unknown): Declarations {
  const declarations = new Map<string, Declaration>([[rootName, schemaDeclaration(root)]]);
  const defs = isRecord(root) && isRecord(root.$defs) ? root.$defs : {};
  for (const [name, definition] of Object.entries(defs)) declarations.set(name, schemaDeclaration(definition));
  return declarations;
}

function schemaDeclaration(s: unknown): Declaration {
  const record = isRecord(s) ? s : {};
  const doc = typeof record.description === 'string' ? record.description : undefined;
  if (record.type !== 'object') return withDoc({ kind: 'alias', type: schemaType(s) }, doc);
  const required = isArray(record.required) ? record.required : [];
  const properties = new Map<string, Property>();
  for (const [name, property] of Object.entries(isRecord(record.properties) ? record.properties : {})) {
    const description = isRecord(property) && typeof property.description === 'string' ? property.description : undefined;
    properties.set(name, withDoc({ optional: !required.includes(name), type: schemaType(property) }, description));
  }
  return withDoc({ kind: 'object', properties }, doc);
}

function schemaType(s: unknown): string {
  if (!isRecord(s)) return 'unsupported';
  if (typeof s.$ref === 'string') return `ref(${s.$ref.replace('#/$defs/', '')})`;
  if (isArray(s.enum)) return union(s.enum.map((v) => (v === null ? 'null' : `enum(${String(v)})`)));
  if (isArray(s.anyOf)) return union(s.anyOf.map(schemaType));
  // `if`/`then`/`else` chooses one of two shapes: the union of the two.
  if (s.if !== undefined && s.then !== undefined && s.else !== undefined) return union([schemaType(s.then), schemaType(s.else)]);
  const types = isArray(s.type) ? s.type : [s.type];
  return union(
    types.map((t) => {
      if (t === 'integer') return 'number';
      if (t === 'array') return `array<${schemaType(s.items)}>`;
      return typeof t === 'string' ? t : 'unsupported';
    }),
  );
}

// ---- shared

/** String literals merge into one enum; members sort, so that order does not count. */
function union(members: readonly string[]): string {
  const literals = members.filter((m) => m.startsWith('enum(')).map((m) => m.slice(5, -1));
  const others = members.filter((m) => !m.startsWith('enum('));
  const all = literals.length === 0 ? others : [`enum(${literals.sort().join('|')})`, ...others];
  return all.sort().join(' | ');
}

function withDoc<T extends object>(value: T, doc: string | undefined): T & { doc?: string } {
  return doc === undefined ? value : { ...value, doc };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array.isArray narrows to any[]; this keeps the items unknown. */
function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

// ---- the comparison

function drift(types: Declarations, schemaDeclarations: Declarations): string[] {
  const problems: string[] = [];
  for (const [name, t] of types) {
    const s = schemaDeclarations.get(name);
    if (s === undefined) problems.push(`${name}: declared in ${typesPath}, missing from ${schemaPath} ($defs.${name})`);
    else if (t.kind !== s.kind) problems.push(`${name}: ${describeKind(t)} in ${typesPath}, ${describeKind(s)} in ${schemaPath}`);
    else if (t.kind === 'alias' && s.kind === 'alias') {
      if (t.type !== s.type) problems.push(`${name}: ${typesPath} says ${t.type}, ${schemaPath} says ${s.type}`);
    } else if (t.kind === 'object' && s.kind === 'object') problems.push(...propertyDrift(name, t.properties, s.properties));
    if (s !== undefined && t.doc !== undefined && t.doc !== s.doc)
      problems.push(`${name}: description ${JSON.stringify(s.doc)} differs from the doc comment ${JSON.stringify(t.doc)}`);
  }
  for (const name of schemaDeclarations.keys()) {
    if (!types.has(name)) problems.push(`${name}: defined in ${schemaPath}, missing from ${typesPath}`);
  }
  return problems;
}

function propertyDrift(owner: string, t: ReadonlyMap<string, Property>, s: ReadonlyMap<string, Property>): string[] {
  const problems: string[] = [];
  for (const [name, tp] of t) {
    const sp = s.get(name);
    const where = `${owner}.${name}`;
    if (sp === undefined) {
      problems.push(`${where}: in ${typesPath}, missing from ${schemaPath}`);
      continue;
    }
    if (tp.optional !== sp.optional)
      problems.push(
        `${where}: ${tp.optional ? 'optional' : 'required'} in ${typesPath}, ${sp.optional ? 'optional' : 'required'} in ${schemaPath}`,
      );
    if (tp.type !== sp.type) problems.push(`${where}: ${typesPath} says ${tp.type}, ${schemaPath} says ${sp.type}`);
    if (tp.doc !== undefined && tp.doc !== sp.doc)
      problems.push(`${where}: description ${JSON.stringify(sp.doc)} differs from the doc comment ${JSON.stringify(tp.doc)}`);
  }
  for (const name of s.keys()) {
    if (!t.has(name)) problems.push(`${owner}.${name}: in ${schemaPath}, missing from ${typesPath}`);
  }
  return problems;
}

function describeKind(d: Declaration): string {
  return d.kind === 'object' ? 'an object' : 'a type alias';
}

/** What the schema must do whatever the types say: close every object, describe every property. */
function schemaHygiene(root: unknown): string[] {
  const problems: string[] = [];
  for (const [name, d] of fromSchema(root)) {
    if (d.kind !== 'object') continue;
    const raw = name === rootName ? root : isRecord(root) && isRecord(root.$defs) ? root.$defs[name] : undefined;
    if (!isRecord(raw) || raw.additionalProperties !== false) problems.push(`${name}: additionalProperties must be false`);
    const required = isRecord(raw) && isArray(raw.required) ? raw.required : [];
    for (const key of required)
      if (typeof key !== 'string' || !d.properties.has(key)) problems.push(`${name}: required key ${String(key)} is not a property`);
    for (const [property, p] of d.properties) if (!p.doc) problems.push(`${name}.${property}: no description`);
  }
  return problems;
}

// ---- the tests

test(`${typesPath} and ${schemaPath} declare the same properties, optionality, types and docs`, () => {
  assert.deepEqual(drift(fromTypeScript(typesSource), fromSchema(schema)), []);
});

test('every schema object is closed and every property described', () => {
  assert.deepEqual(schemaHygiene(schema), []);
});

test('the reduction sees what it must (a comparison of two empty maps would pass too)', () => {
  const types = fromTypeScript(typesSource);
  assert.ok(types.size >= 17, `only ${types.size} declarations read from ${typesPath}`);
  const source = types.get('SourceConfig');
  assert.ok(source?.kind === 'object');
  assert.deepEqual(source.properties.get('firstPage'), {
    optional: true,
    type: 'null | number',
    doc: 'Printed page number of the first page, when known; otherwise pages are counted from 1.',
  });
  assert.deepEqual(types.get('LayoutProfile'), { kind: 'alias', type: 'enum(columns|prose)' });
});

test('drift in the schema is reported, naming the property', () => {
  const altered: unknown = JSON.parse(JSON.stringify(schema));
  assert.ok(isRecord(altered) && isRecord(altered.$defs));
  const defs = altered.$defs;
  const object = (name: string): Record<string, unknown> => {
    const d = defs[name];
    assert.ok(isRecord(d) && isRecord(d.properties) && isArray(d.required));
    return d;
  };
  const properties = (name: string): Record<string, unknown> => {
    const p = object(name).properties;
    assert.ok(isRecord(p));
    return p;
  };
  delete properties('SourceConfig').firstPage;
  object('SourceConfig').required = ['id', 'raw', 'title', 'author', 'layout'];
  properties('Person').colour = { description: 'Favourite colour.', type: 'string' };
  defs.LayoutProfile = { enum: ['prose', 'columns', 'verse'] };
  properties('Correction').sic = { description: 'The wrong reading.', type: 'string' };
  delete object('Licence').additionalProperties;
  assert.deepEqual(
    drift(fromTypeScript(typesSource), fromSchema(altered)),
    [
      'Person.colour: in schemas/edition.schema.json, missing from src/lib/config/types.ts',
      'SourceConfig.bibl: required in src/lib/config/types.ts, optional in schemas/edition.schema.json',
      'SourceConfig.firstPage: in src/lib/config/types.ts, missing from schemas/edition.schema.json',
      'LayoutProfile: src/lib/config/types.ts says enum(columns|prose), schemas/edition.schema.json says enum(columns|prose|verse)',
      'Correction.sic: description "The wrong reading." differs from the doc comment "The misprinted reading inside `match`."',
    ].sort((a, b) => order(a) - order(b)),
  );
  assert.deepEqual(schemaHygiene(altered), ['Licence: additionalProperties must be false']);
});

test('drift in types.ts is reported, naming the property', () => {
  const altered = typesSource
    .replace('firstPage?: number | null;', 'firstPage?: number;')
    .replace(
      "export type OverrideRole = 'front' | 'body' | 'head' | 'notes' | 'ignore';",
      "export type OverrideRole = 'front' | 'body' | 'head' | 'notes';",
    )
    .replace('  role?: string;\n}', '  role?: string;\n  email: string;\n}')
    .replace('export interface Licence {', 'export interface Licence {\n  holder?: string;');
  assert.notEqual(altered, typesSource);
  assert.deepEqual(drift(fromTypeScript(altered), fromSchema(schema)), [
    'Person.email: in src/lib/config/types.ts, missing from schemas/edition.schema.json',
    'Licence.holder: in src/lib/config/types.ts, missing from schemas/edition.schema.json',
    'SourceConfig.firstPage: src/lib/config/types.ts says number, schemas/edition.schema.json says null | number',
    'OverrideRole: src/lib/config/types.ts says enum(body|front|head|notes), schemas/edition.schema.json says enum(body|front|head|ignore|notes)',
  ]);
});

/** Problems come in the order of types.ts; this puts the expected list in that order. */
function order(problem: string): number {
  return typesSource.indexOf(`interface ${problem.split(/[.:]/)[0]} `) + typesSource.indexOf(`type ${problem.split(/[.:]/)[0]} `);
}
