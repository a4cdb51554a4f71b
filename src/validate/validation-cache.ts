/**
 * The validation's cache keys: a file's messages depend on its bytes, the schemas it is checked
 * against, the largest size checked, how messages name it, and the ids the registers hold (the
 * Schematron checks that every pointer reaches an entry; it reads nothing else of them).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheKey, contentHash } from '../lib/cache/cache-key.js';

export interface ValidationKeyInputs {
  readonly paths: readonly string[];
  readonly schema: string | null;
  readonly schematron: string | null;
  readonly maxBytes: number;
  readonly registers: readonly { readonly file: string; readonly xml: string }[];
  /** The XML of each path (the documents in memory). */
  readonly xmlOf: ReadonlyMap<string, string>;
  readonly shownAs: (path: string) => string;
}

/** Each path's key; undefined when a schema cannot be read (then nothing is cached). */
export async function validationKeys(inputs: ValidationKeyInputs): Promise<Map<string, string> | undefined> {
  const schemas = await schemaHash([inputs.schema, inputs.schematron]);
  if (schemas === undefined) return undefined;
  const registerIds = inputs.registers.map((r) => [
    r.file,
    [...r.xml.matchAll(/\sxml:id\s*=\s*["']([^"']*)["']/gu)].map((m) => m[1]).sort(),
  ]);
  return new Map(
    inputs.paths.map((path) => [
      path,
      cacheKey('validate', [contentHash(inputs.xmlOf.get(path) ?? ''), schemas, inputs.maxBytes, inputs.shownAs(path), registerIds]),
    ]),
  );
}

/** The schemas' bytes, with every file of their folders (a RELAX NG schema includes others beside it). */
async function schemaHash(files: readonly (string | null)[]): Promise<string | undefined> {
  const parts: string[] = [];
  try {
    for (const file of files) {
      if (file === null) {
        parts.push('none');
        continue;
      }
      const dir = dirname(file);
      const siblings = (await readdir(dir)).filter((name) => /\.(rng|rnc|sch|xsd|xsl)$/u.test(name)).sort();
      parts.push(file, ...(await Promise.all(siblings.map(async (name) => `${name}:${contentHash(await readFile(join(dir, name)))}`))));
    }
  } catch {
    return undefined;
  }
  return contentHash(parts.join('\n'));
}
