/**
 * Paths into a JSON document, in the three spellings we need: segments while working, JSON
 * Pointers (RFC 6901) to look positions up (and because ajv reports them), and the readable
 * `sources[1].layout.profile` form for messages.
 */

export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/**
 * A message about one place in the config, before it has a line and column. The schema adapter
 * and the semantic checks both produce these; the loader turns them into diagnostics.
 */
export interface ConfigFinding {
  /** The place the message is about; its readable form starts the message. */
  readonly path: JsonPath;
  /** Point at the key of this member of the object at `path` rather than at the value at `path`. */
  readonly memberKey?: string;
  /** What was found and what was expected, without the path (the loader prefixes it). */
  readonly message: string;
  readonly hint?: string;
}

export function toPointer(path: JsonPath): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Array indices come back as numbers, so that the readable form can print `[1]`. */
export function fromPointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function readablePath(path: JsonPath): string {
  if (path.length === 0) return 'top level';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (identifier.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** A found value as a message shows it: scalars as JSON, shortened; containers by kind only. */
export function shortValue(value: unknown, max = 40): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  const points = [...value];
  return JSON.stringify(points.length <= max ? value : `${points.slice(0, max - 1).join('')}…`);
}
