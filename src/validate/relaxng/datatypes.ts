/**
 * Datatypes for RELAX NG: the built-in library (`string`, `token`, RELAX NG §6.2.10) and the XML
 * Schema datatypes TEI schemas use (XSD 1.0 Part 2), with the facets `pattern`, `minInclusive`,
 * `maxInclusive`, `minLength`, `maxLength` and `length`.
 */
import { xsdPatternToRegExp } from './xsd-regex.js';

export const XSD_LIBRARY = 'http://www.w3.org/2001/XMLSchema-datatypes';

export interface Datatype {
  /** Identifies the datatype and its parameters, for interning. */
  readonly key: string;
  readonly name: string;
  /** Whether a string is a valid lexical form. */
  allows(value: string): boolean;
  /** Whether two lexical forms denote the same value (for `value` patterns). */
  equal(a: string, b: string): boolean;
  /** "a URI", "an integer ≥ 0 matching the pattern …": how messages describe what was expected. */
  readonly description: string;
  /** ID-type of this datatype (RELAX NG DTD compatibility): IDs must be unique in a document. */
  readonly idType?: 'ID' | 'IDREF' | 'IDREFS';
}

const collapse = (s: string): string => s.replace(/[\x20\t\n\r]+/g, ' ').trim();
const isBlank = (s: string): boolean => /^[\x20\t\n\r]*$/.test(s);
export { isBlank };

const ncName = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
const name = /^[\p{L}_:][\p{L}\p{M}\p{N}_:.\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
const timezone = '(Z|[+-](0\\d|1[0-3]):[0-5]\\d|[+-]14:00)?';
const year = '-?([1-9]\\d{3,}|0\\d{3})';
const month = '(0[1-9]|1[0-2])';
const day = '(0[1-9]|[12]\\d|3[01])';
const time = '(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?|24:00:00(\\.0+)?)';
const re = (s: string): RegExp => new RegExp(`^${s}$`);

function validDayOfMonth(value: string): boolean {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)/.exec(value);
  if (m === null) return true;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (lengths[mo - 1] ?? 31);
}

interface Lexical {
  readonly test: (s: string) => boolean;
  readonly description: string;
  readonly numeric?: boolean;
  readonly preserve?: boolean;
}

const lexicalSpaces: Record<string, Lexical> = {
  string: { test: () => true, description: 'a string', preserve: true },
  normalizedString: { test: () => true, description: 'a string', preserve: true },
  token: { test: () => true, description: 'a token' },
  NCName: { test: (s) => ncName.test(s), description: 'an XML name without colon (NCName)' },
  ID: { test: (s) => ncName.test(s), description: 'an identifier (NCName)' },
  IDREF: { test: (s) => ncName.test(s), description: 'an identifier reference (NCName)' },
  IDREFS: { test: (s) => s !== '' && s.split(' ').every((t) => ncName.test(t)), description: 'identifier references' },
  ENTITY: { test: (s) => ncName.test(s), description: 'an entity name' },
  Name: { test: (s) => name.test(s), description: 'an XML name' },
  NMTOKEN: { test: (s) => /^[\p{L}\p{M}\p{N}_:.\-\u00B7]+$/u.test(s), description: 'a name token' },
  NMTOKENS: { test: (s) => s !== '' && s.split(' ').every((t) => /^[\p{L}\p{M}\p{N}_:.\-\u00B7]+$/u.test(t)), description: 'name tokens' },
  QName: { test: (s) => s.split(':').length <= 2 && s.split(':').every((t) => ncName.test(t)), description: 'a qualified name' },
  language: { test: (s) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(s), description: 'a language tag (BCP 47)' },
  anyURI: { test: (s) => !/[\u0000-\u001F\u007F]/.test(s), description: 'a URI' },
  boolean: { test: (s) => /^(true|false|1|0)$/.test(s), description: 'a boolean (true, false, 1 or 0)' },
  decimal: { test: (s) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s), description: 'a decimal number', numeric: true },
  integer: { test: (s) => /^[+-]?\d+$/.test(s), description: 'an integer', numeric: true },
  nonNegativeInteger: { test: (s) => /^(\+?\d+|-0+)$/.test(s), description: 'an integer ≥ 0', numeric: true },
  positiveInteger: { test: (s) => /^\+?0*[1-9]\d*$/.test(s), description: 'an integer ≥ 1', numeric: true },
  nonPositiveInteger: { test: (s) => /^(-\d+|\+?0+)$/.test(s), description: 'an integer ≤ 0', numeric: true },
  negativeInteger: { test: (s) => /^-0*[1-9]\d*$/.test(s), description: 'an integer ≤ -1', numeric: true },
  double: {
    test: (s) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(s),
    description: 'a floating-point number',
    numeric: true,
  },
  float: {
    test: (s) => /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN)$/.test(s),
    description: 'a floating-point number',
    numeric: true,
  },
  duration: {
    test: (s) => /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(s),
    description: 'a duration (e.g. P1Y2M)',
  },
  date: { test: (s) => re(`${year}-${month}-${day}${timezone}`).test(s) && validDayOfMonth(s), description: 'a date (YYYY-MM-DD)' },
  dateTime: {
    test: (s) => re(`${year}-${month}-${day}T${time}${timezone}`).test(s) && validDayOfMonth(s),
    description: 'a date and time (YYYY-MM-DDThh:mm:ss)',
  },
  time: { test: (s) => re(`${time}${timezone}`).test(s), description: 'a time (hh:mm:ss)' },
  gYear: { test: (s) => re(`${year}${timezone}`).test(s), description: 'a year (YYYY)' },
  gYearMonth: { test: (s) => re(`${year}-${month}${timezone}`).test(s), description: 'a year and month (YYYY-MM)' },
  gMonth: { test: (s) => re(`--${month}${timezone}`).test(s), description: 'a month (--MM)' },
  gMonthDay: { test: (s) => re(`--${month}-${day}${timezone}`).test(s), description: 'a month and day (--MM-DD)' },
  gDay: { test: (s) => re(`---${day}${timezone}`).test(s), description: 'a day (---DD)' },
};

export type DatatypeResult = { datatype: Datatype } | { error: string };

/** Looks up a datatype by library and name, applying its parameters; unknown names are schema errors. */
export function makeDatatype(library: string, typeName: string, params: readonly { name: string; value: string }[]): DatatypeResult {
  if (library === '') {
    if (typeName !== 'string' && typeName !== 'token')
      return { error: `no such built-in datatype "${typeName}": must be "string" or "token"` };
    if (params.length > 0) return { error: 'built-in datatypes take no parameters' };
    return { datatype: buildDatatype(typeName, lexicalSpaces[typeName] as Lexical, [], `builtin:${typeName}`) };
  }
  if (library !== XSD_LIBRARY) return { error: `datatype library "${library}" not recognised` };
  const lexical = lexicalSpaces[typeName];
  if (lexical === undefined) return { error: `datatype "${typeName}" from XML Schema not supported` };
  const facets: ((s: string) => boolean)[] = [];
  const described: string[] = [];
  for (const p of params) {
    const facet = makeFacet(p.name, p.value, lexical);
    if (typeof facet === 'string') return { error: facet };
    facets.push(facet.test);
    described.push(facet.description);
  }
  const key = `xsd:${typeName}${params.map((p) => `;${p.name}=${p.value}`).join('')}`;
  return { datatype: buildDatatype(typeName, lexical, facets, key, described) };
}

function makeFacet(facet: string, value: string, lexical: Lexical): { test: (s: string) => boolean; description: string } | string {
  switch (facet) {
    case 'pattern': {
      try {
        const regexp = xsdPatternToRegExp(value);
        return { test: (s) => regexp.test(s), description: `matching the regular expression "${value}"` };
      } catch (e) {
        return `invalid pattern "${value}": ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    case 'minInclusive':
    case 'maxInclusive': {
      if (!lexical.numeric) return `facet ${facet} is only supported on numeric datatypes`;
      const bound = Number(value);
      return facet === 'minInclusive'
        ? { test: (s) => Number(s) >= bound, description: `≥ ${value}` }
        : { test: (s) => Number(s) <= bound, description: `≤ ${value}` };
    }
    case 'minLength':
      return { test: (s) => [...s].length >= Number(value), description: `at least ${value} characters long` };
    case 'maxLength':
      return { test: (s) => [...s].length <= Number(value), description: `at most ${value} characters long` };
    case 'length':
      return { test: (s) => [...s].length === Number(value), description: `${value} characters long` };
    default:
      return `facet "${facet}" not supported`;
  }
}

function buildDatatype(
  typeName: string,
  lexical: Lexical,
  facets: ((s: string) => boolean)[],
  key: string,
  described: string[] = [],
): Datatype {
  const normalise = lexical.preserve ? (s: string) => s : collapse;
  const idType = typeName === 'ID' || typeName === 'IDREF' || typeName === 'IDREFS' ? typeName : undefined;
  return {
    key,
    name: typeName,
    description: [lexical.description, ...described].join(' '),
    allows: (value) => {
      const v = normalise(value);
      return lexical.test(v) && facets.every((f) => f(v));
    },
    equal: (a, b) => {
      const x = normalise(a);
      const y = normalise(b);
      if (x === y) return true;
      return lexical.numeric === true && lexical.test(x) && lexical.test(y) && Number(x) === Number(y);
    },
    ...(idType === undefined ? {} : { idType }),
  };
}
