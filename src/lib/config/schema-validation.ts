/**
 * The ajv adapter: validates a parsed config against `schemas/edition.schema.json` and turns
 * ajv's errors into findings that say what was found and what was expected. ajv knows nothing of
 * line numbers or of our message style; nothing outside this file knows about ajv.
 */

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { DefinedError } from 'ajv';
import schema from '../../../schemas/edition.schema.json' with { type: 'json' };
import type { EditionConfig } from './types.js';
import { didYouMean } from './did-you-mean.js';
import { fromPointer, shortValue, type ConfigFinding } from './json-path.js';

export type SchemaValidationResult =
  { readonly ok: true; readonly config: EditionConfig } | { readonly ok: false; readonly findings: ConfigFinding[] };

let cached: ValidateFunction<EditionConfig> | undefined;

/** Compiling the schema costs far more than validating a config: do it once per process. */
function editionValidator(): ValidateFunction<EditionConfig> {
  cached ??= new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true }).compile<EditionConfig>(schema);
  return cached;
}

export function validateEditionSchema(value: unknown): SchemaValidationResult {
  const validate = editionValidator();
  if (validate(value)) return { ok: true, config: value };
  return { ok: false, findings: schemaErrorsToFindings(validate.errors ?? []) };
}

/** Exported for tests that feed it errors from small schemas (anyOf, oneOf) the config schema lacks. */
export function schemaErrorsToFindings(errors: readonly ErrorObject[]): ConfigFinding[] {
  const findings = mergeMissingKeys(withoutNoise(errors)).map(finding);
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${JSON.stringify(f.path)}|${f.memberKey ?? ''}|${f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * ajv reports every failed branch of an anyOf/oneOf and then the anyOf/oneOf itself; the branch
 * errors contradict one another ("must be string", "must be object"), so keep only the summary.
 * `if` errors only restate that a `then` failed, which is reported on its own.
 */
function withoutNoise(errors: readonly ErrorObject[]): DefinedError[] {
  // ajv documents that errors from its own keywords are DefinedError; we add no keywords.
  const all = errors as readonly DefinedError[];
  const compounds = all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inBranch = (e: DefinedError) =>
    compounds.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && isUnder(e.instancePath, c.instancePath));
  return all.filter((e) => e.keyword !== 'if' && !inBranch(e));
}

/** Several missing keys of one object make one message, not one each at the same place. */
function mergeMissingKeys(errors: readonly DefinedError[]): (DefinedError | MissingKeys)[] {
  const merged: (DefinedError | MissingKeys)[] = [];
  const byObject = new Map<string, MissingKeys>();
  for (const e of errors) {
    if (e.keyword !== 'required') {
      merged.push(e);
      continue;
    }
    const group = byObject.get(e.instancePath);
    if (group) group.keys.push(e.params.missingProperty);
    else {
      const fresh: MissingKeys = {
        keyword: 'missing-keys',
        instancePath: e.instancePath,
        keys: [e.params.missingProperty],
        parentSchema: e.parentSchema,
      };
      byObject.set(e.instancePath, fresh);
      merged.push(fresh);
    }
  }
  return merged;
}

interface MissingKeys {
  readonly keyword: 'missing-keys';
  readonly instancePath: string;
  readonly keys: string[];
  readonly parentSchema: unknown;
}

function isUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

function finding(e: DefinedError | MissingKeys): ConfigFinding {
  const path = fromPointer(e.instancePath);
  if (e.keyword === 'missing-keys') return missingKeys(path, e);
  const found = shortValue(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = e.params.additionalProperty;
      const allowed = propertyNames(e.parentSchema);
      return withHint(
        { path, memberKey: key, message: `found unknown key ${JSON.stringify(key)}, expected one of the keys ${allowed.join(', ')}` },
        didYouMean(key, allowed),
      );
    }
    case 'enum': {
      const allowed = e.params.allowedValues.map((v) => JSON.stringify(v));
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, e.params.allowedValues.map(String)) : undefined;
      return withHint({ path, message: `found ${found}, expected one of ${allowed.join(', ')}` }, suggestion);
    }
    case 'pattern':
      return { path, message: `found ${found}, expected ${describePattern(e.params.pattern)}` };
    case 'type':
      return { path, message: `found ${found}, expected ${describeTypes(e.params.type)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `found ${found}, expected a number ${e.params.comparison} ${e.params.limit}` };
    case 'minLength':
      return {
        path,
        message: `found ${found}, expected ${e.params.limit === 1 ? 'a non-empty string' : `at least ${e.params.limit} characters`}`,
      };
    case 'anyOf':
      return { path, message: `found ${found}, expected ${describeBranches(e.schema)}` };
    case 'oneOf':
      return e.params.passingSchemas === null
        ? { path, message: `found ${found}, expected ${describeBranches(e.schema)}` }
        : { path, message: `found ${found}, which fits more than one of the allowed forms, expected exactly one` };
    default:
      return { path, message: `found ${found}, which ${e.message ?? 'does not match the schema'}` };
  }
}

function missingKeys(path: ConfigFinding['path'], e: MissingKeys): ConfigFinding {
  const [only, ...more] = e.keys;
  if (only === undefined || more.length > 0) {
    return { path, message: `missing required keys ${e.keys.map((k) => JSON.stringify(k)).join(', ')}` };
  }
  const description = propertyDescription(e.parentSchema, only);
  return withHint({ path, message: `missing required key ${JSON.stringify(only)}` }, description && `${only}: ${description}`);
}

function withHint(f: ConfigFinding, hint: string | undefined): ConfigFinding {
  return hint === undefined || hint === '' ? f : { ...f, hint };
}

/** Patterns say little to a reader who did not write them; these say what they mean. */
const patternMeanings: Record<string, string> = {
  '^[a-z0-9-]+$': 'lower-case letters, digits and hyphens',
  '^[a-z][a-z0-9-]*$': 'an id: a lower-case letter, then lower-case letters, digits or hyphens',
  '^\\d{4}(-\\d{2}(-\\d{2})?)?$': 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
  '^\\d+(-\\d+)?$': 'a line or a line range: 12 or 12-20',
  '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$': 'a BCP 47 language tag such as fr or fr-FR',
};

function describePattern(pattern: string): string {
  const meaning = patternMeanings[pattern];
  return meaning === undefined ? `a string matching ${pattern}` : `${meaning} (${pattern})`;
}

const typeWords: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  array: 'an array',
  object: 'an object',
};

function describeTypes(types: string | readonly string[]): string {
  const list = typeof types === 'string' ? types.split(',') : types;
  return list.map((t) => typeWords[t] ?? t).join(' or ');
}

function describeBranches(branches: unknown): string {
  if (!isArray(branches)) return 'one of the allowed forms';
  return branches.map(describeSchema).join(' or ');
}

function describeSchema(s: unknown): string {
  if (!isRecord(s)) return 'a value';
  if (typeof s.$ref === 'string') return `a ${s.$ref.split('/').pop() ?? 'value'}`;
  if (isArray(s.enum)) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('const' in s) return JSON.stringify(s.const);
  if (typeof s.pattern === 'string') return describePattern(s.pattern);
  if (typeof s.type === 'string') return describeTypes(s.type);
  if (isArray(s.type)) return describeTypes(s.type.map(String));
  return 'a value of another form';
}

function propertyNames(objectSchema: unknown): string[] {
  return isRecord(objectSchema) && isRecord(objectSchema.properties) ? Object.keys(objectSchema.properties) : [];
}

function propertyDescription(objectSchema: unknown, key: string): string | undefined {
  if (!isRecord(objectSchema) || !isRecord(objectSchema.properties)) return undefined;
  const property = objectSchema.properties[key];
  return isRecord(property) && typeof property.description === 'string' ? property.description : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array.isArray narrows to any[]; this keeps the items unknown. */
function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
