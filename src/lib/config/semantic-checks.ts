/**
 * Checks a schema cannot express: ids that must be unique or must refer to one another, dates
 * that must agree across calendars, strings that must contain one another. They run only on a
 * config the schema accepted, so they can trust its types.
 */

import { julianIsoToGregorianIso, isValidDate, type Calendar } from '../dates/julian.js';
import { didYouMean } from './did-you-mean.js';
import { readablePath, shortValue, type ConfigFinding, type JsonPath } from './json-path.js';
import type { EditionConfig, SourceConfig, SourceDate } from './types.js';
import { isTeiSource } from './sources.js';

export function checkEditionSemantics(config: EditionConfig): ConfigFinding[] {
  return [
    ...charactersXmlCannotHold(config, []),
    ...uniqueIds(config.sources.flatMap((s, k) => (s.id === undefined ? [] : [{ id: s.id, path: ['sources', k, 'id'] }]))),
    ...uniqueIds(config.edition.editors.map((p, k) => ({ id: p.id, path: ['edition', 'editors', k, 'id'] }))),
    ...editionDates(config),
    ...config.sources.flatMap((source, index) => {
      if (isTeiSource(source)) return [];
      const at: JsonPath = ['sources', index];
      return [
        ...responsibilities(config, source, at),
        ...(source.date ? sourceDate(source.date, [...at, 'date']) : []),
        ...isoDate(source.bibl.date, [...at, 'bibl', 'date'], ['gregorian', 'julian']),
        ...flowsNeedColumns(source, at),
        ...correctionsContainSic(source, at),
        ...overrideRanges(source, at),
      ];
    }),
  ];
}

interface Declared {
  readonly id: string;
  readonly path: JsonPath;
}

/** Reports each id that repeats an earlier one, pointing at the repeat and naming the first. */
function uniqueIds(ids: readonly Declared[]): ConfigFinding[] {
  const first = new Map<string, JsonPath>();
  const findings: ConfigFinding[] = [];
  for (const { id, path } of ids) {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, path);
    else
      findings.push({
        path,
        message: `found ${JSON.stringify(id)}, which is already the id of ${readablePath(earlier.slice(0, -1))}, expected a unique id`,
      });
  }
  return findings;
}

/**
 * One TEI file declares the edition's editors and the source's responsibilities side by side
 * (`titleStmt/respStmt`), and `@resp` may point at either: so ids must be unique across both,
 * and every reference must find one of them.
 */
function responsibilities(config: EditionConfig, source: SourceConfig, at: JsonPath): ConfigFinding[] {
  const declared: Declared[] = [
    ...config.edition.editors.map((p, k) => ({ id: p.id, path: ['edition', 'editors', k, 'id'] })),
    ...(source.responsibilities ?? []).map((r, k) => ({ id: r.id, path: [...at, 'responsibilities', k, 'id'] })),
  ];
  const findings = uniqueIds(declared).filter((f) => f.path[0] === 'sources');
  const references = [
    ...(source.layout.flows ?? []).map((flow, k) => ({ id: flow.resp, path: [...at, 'layout', 'flows', k, 'resp'] })),
    { id: source.notes?.editorResp, path: [...at, 'notes', 'editorResp'] },
  ];
  const ids = [...new Set(declared.map((d) => d.id))];
  for (const { id, path } of references) {
    if (id === undefined || ids.includes(id)) continue;
    const expected =
      ids.length === 0
        ? `an id declared in edition.editors or ${readablePath([...at, 'responsibilities'])} (none is declared)`
        : `one of ${ids.map((i) => JSON.stringify(i)).join(', ')} (from edition.editors and ${readablePath([...at, 'responsibilities'])})`;
    const hint = didYouMean(id, ids);
    findings.push({ path, message: `found ${JSON.stringify(id)}, which is not declared, expected ${expected}`, ...(hint ? { hint } : {}) });
  }
  return findings;
}

function editionDates(config: EditionConfig): ConfigFinding[] {
  return [
    ...isoDate(config.edition.date, ['edition', 'date'], ['gregorian']),
    ...isoDate(config.edition.calendar.julianUntil, ['edition', 'calendar', 'julianUntil'], ['gregorian']),
  ];
}

/**
 * The pattern lets `1917-13-40` through; a date must also exist in one of the calendars it may
 * be written in (a bibliography may copy an Old Style date: 1900-02-29 exists only there).
 */
function isoDate(value: string | undefined, path: JsonPath, calendars: readonly Calendar[]): ConfigFinding[] {
  if (value === undefined) return [];
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  if (calendars.some((calendar) => isValidDate({ year, month, day }, calendar))) return [];
  const where = calendars.length === 1 ? `the ${calendars[0] ?? 'gregorian'} calendar` : 'any calendar';
  return [{ path, message: `found ${JSON.stringify(value)}, which is not a date in ${where}, expected a real date` }];
}

/** The Gregorian date is stored, not computed, so that the config reads as the TEI will; it must be right. */
function sourceDate(date: SourceDate, at: JsonPath): ConfigFinding[] {
  const invalid = [
    ...isoDate(date.value, [...at, 'value'], [date.calendar]),
    ...isoDate(date.gregorian, [...at, 'gregorian'], ['gregorian']),
  ];
  if (invalid.length > 0) return invalid;
  if (date.calendar === 'gregorian') {
    if (date.gregorian === undefined || date.gregorian === date.value) return [];
    return [
      {
        path: [...at, 'gregorian'],
        message: `found ${JSON.stringify(date.gregorian)}, which differs from value ${JSON.stringify(date.value)} of a gregorian date, expected the same date or no "gregorian"`,
      },
    ];
  }
  const expected = julianIsoToGregorianIso(date.value);
  if (date.gregorian === undefined) {
    const what =
      expected === undefined
        ? `the Gregorian equivalent of Julian ${JSON.stringify(date.value)}`
        : `"gregorian": ${JSON.stringify(expected)} (Julian ${date.value})`;
    return [{ path: at, message: `missing "gregorian", which a julian date needs, expected ${what}` }];
  }
  // Partial dates (1917-11) cannot be converted exactly; the pattern and isoDate checked them.
  if (expected === undefined || date.gregorian === expected || !/^\d{4}-\d{2}-\d{2}$/.test(date.gregorian)) return [];
  return [
    {
      path: [...at, 'gregorian'],
      message: `found ${JSON.stringify(date.gregorian)} for Julian ${JSON.stringify(date.value)}, expected ${JSON.stringify(expected)}`,
    },
  ];
}

function flowsNeedColumns(source: SourceConfig, at: JsonPath): ConfigFinding[] {
  const { profile, flows } = source.layout;
  if (flows === undefined || profile === 'columns') return [];
  return [
    {
      path: [...at, 'layout'],
      memberKey: 'flows',
      message: `found "flows" with profile ${JSON.stringify(profile)}, expected "flows" only with profile "columns"`,
      hint: 'remove "flows", or set "profile": "columns"',
    },
  ];
}

function correctionsContainSic(source: SourceConfig, at: JsonPath): ConfigFinding[] {
  return (source.corrections ?? []).flatMap((c, k) =>
    c.match.includes(c.sic)
      ? []
      : [
          {
            path: [...at, 'corrections', k, 'sic'],
            message: `found ${shortValue(c.sic)}, which does not occur in match ${shortValue(c.match)}, expected a part of match`,
          },
        ],
  );
}

function overrideRanges(source: SourceConfig, at: JsonPath): ConfigFinding[] {
  return (source.layout.overrides ?? []).flatMap((o, k) => {
    const [start = 0, end = start] = o.lines.split('-').map(Number);
    const path = [...at, 'layout', 'overrides', k, 'lines'];
    if (start < 1 || end < 1) return [{ path, message: `found ${JSON.stringify(o.lines)}, expected line numbers from 1` }];
    if (start > end)
      return [
        { path, message: `found ${JSON.stringify(o.lines)}, whose start is after its end, expected ${JSON.stringify(`${end}-${start}`)}` },
      ];
    return [];
  });
}

/**
 * Config strings go into the TEI header, where a character XML 1.0 cannot hold could only be a
 * `<g>`, which TEI does not allow in every header element (`authority`, `resp`…): such a character
 * is a config error at its place. (In a raw text it is recorded as `<g>`: see the converter.)
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;

function charactersXmlCannotHold(value: unknown, at: JsonPath): ConfigFinding[] {
  if (typeof value === 'string') {
    const found = NOT_XML.exec(value)?.[0];
    if (found === undefined) return [];
    const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return [
      {
        path: at,
        message: `found the control character ${code}, which XML 1.0 cannot hold; expected text that can go into the TEI header`,
        hint: 'delete it (it is usually a stray character pasted from another program)',
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, k) => charactersXmlCannotHold(item, [...at, k]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .filter(([key]) => !FILE_PATHS.has(key))
      .flatMap(([key, item]) => charactersXmlCannotHold(item, [...at, key]));
  return [];
}

/** Members that are file paths, not text for the header: a file name may hold any character. */
const FILE_PATHS = new Set(['raw', 'tei', 'schema', 'registers', '$schema']);
