/**
 * The search index of the reading edition, as classic scripts that the search page loads on demand
 * with <script> elements: that works from a host and from file:// alike (docs/decisions/search.md).
 * Pure: the texts' parts (page-units.ts) in reading order in, the files of `search/` out.
 *
 * Nothing a first query must load grows with the number of texts, except what its own words hold:
 *
 *   search/manifest.js     small: the counts, the term shards' first terms, the shards' sizes, the
 *                          year facet's values
 *   search/facets.js       the person and place facets' values: id and standard name (as long as
 *                          the registers, not the texts)
 *   search/terms/<i>.js    a shard of the inverted index: term → the parts holding it, grouped by
 *                          text ([text, parts in it, part…]…, delta-coded), so that a query knows
 *                          each result's text without any other file; the shards are consecutive
 *                          ranges of the sorted terms (the manifest has each one's first term), so a
 *                          query loads one shard per word, and a prefix the shards its range meets
 *   search/texts/<i>.js    TEXTS_PER_SHARD consecutive texts: [id, title, date], for the results
 *                          and the text facet's values shown
 *   search/facets/<i>.js   the same texts' facet data: [year, first part, parts, persons, places],
 *                          persons and places as [value, n, part in the text × n]…: a query's facet
 *                          counts load the shards of the texts its results are in
 *   search/docs/<i>.js     DOC_UNITS consecutive parts: [page, anchor, kind, label, text], for the
 *                          snippets of the results shown
 *
 * Each file is `(self.TeiEditionSearchQueue ||= []).push(["<name>", <JSON>])` (in ES5): a file may
 * arrive before the search page's script (search.html asks for the manifest and the facets in its
 * head), which then takes what is queued. The parts are numbered in reading order, so that the
 * results come sorted by text and, in a text, by place.
 */
import { searchTermsFactory } from './search-terms.js';
import type { PageUnit, TextPageUnits } from './page-units.js';

export const SEARCH_FORMAT = 2;
/** A shard of the term index holds about this many bytes of JSON. */
const SHARD_BYTES = 24_000;
/** Texts per text shard and per facet shard: the first results' titles come in one or two. */
export const TEXTS_PER_SHARD = 64;
/** Parts per document chunk (about 7 KB of text on the synthetic corpus): a result page of 20 hits loads at most 20 chunks. */
export const DOC_UNITS = 16;
/** Texts spanning more years than this get a facet of decades. */
const DECADES_OVER = 30;

export interface SearchText {
  readonly id: string;
  /** Its pages in order (a very long text: the contents page, then its parts). */
  readonly pages: readonly TextPageUnits[];
}

export interface SearchIndexInput {
  /** In reading order. */
  readonly texts: readonly SearchText[];
  /** Standard names of the register entries, by id. */
  readonly persons: ReadonlyMap<string, string>;
  readonly places: ReadonlyMap<string, string>;
}

export interface SearchIndex {
  /** Path in the site (search/…) → content. */
  readonly files: Map<string, string>;
  readonly units: number;
  readonly terms: number;
}

interface NumberedUnit {
  readonly page: string;
  readonly unit: PageUnit;
}

/** A text as the index holds it: its metadata, its parts' range, and the parts naming each person or place (numbers in the text). */
interface IndexedText {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly year: number | null;
  readonly first: number;
  count: number;
  readonly persons: Map<string, number[]>;
  readonly places: Map<string, number[]>;
}

export function buildSearchIndex(input: SearchIndexInput, onText?: (done: number, total: number) => void): SearchIndex {
  const terms = searchTermsFactory();
  const units: NumberedUnit[] = [];
  const unitText: number[] = [];
  const texts: IndexedText[] = [];
  const postings = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, n: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  input.texts.forEach((text, i) => {
    const first = text.pages[0];
    const entry: IndexedText = {
      id: text.id,
      title: first?.title || text.id,
      date: first?.date ?? '',
      year: first?.year ?? null,
      first: units.length,
      count: 0,
      persons: new Map(),
      places: new Map(),
    };
    texts.push(entry);
    for (const page of text.pages) {
      const file = page.file === `${text.id}.html` ? '' : page.file;
      for (const unit of page.units) {
        const n = units.length;
        units.push({ page: file, unit });
        unitText.push(i);
        for (const { word } of terms.words(unit.text)) {
          const term = terms.term(word);
          if (term !== '') add(postings, term, n);
        }
        for (const p of unit.persons) add(entry.persons, p, n - entry.first);
        for (const p of unit.places) add(entry.places, p, n - entry.first);
      }
    }
    entry.count = units.length - entry.first;
    onText?.(i + 1, input.texts.length);
  });
  const files = new Map<string, string>();
  const data = (name: string, value: unknown): void => {
    files.set(
      `search/${name}.js`,
      `(self.TeiEditionSearchQueue=self.TeiEditionSearchQueue||[]).push([${JSON.stringify(name)},${JSON.stringify(value)}]);\n`,
    );
  };
  const grouped = new Map<string, number[]>();
  for (const [term, list] of postings) grouped.set(term, groupByText(list, unitText));
  const shards = shardTerms([...grouped.keys()].sort(), grouped);
  shards.forEach((shard, i) => data(`terms/${i}`, Object.fromEntries(shard.terms.map((t) => [t, grouped.get(t) ?? []]))));
  for (let c = 0; c * DOC_UNITS < units.length; c++) {
    data(
      `docs/${c}`,
      units.slice(c * DOC_UNITS, (c + 1) * DOC_UNITS).map(({ page, unit }) => [page, unit.anchor, unit.kind, unit.label, unit.text]),
    );
  }
  const persons = facetValues(
    texts.map((t) => t.persons),
    input.persons,
  );
  const places = facetValues(
    texts.map((t) => t.places),
    input.places,
  );
  const years = yearValues(texts);
  for (let s = 0; s * TEXTS_PER_SHARD < texts.length; s++) {
    const range = texts.slice(s * TEXTS_PER_SHARD, (s + 1) * TEXTS_PER_SHARD);
    data(
      `texts/${s}`,
      range.map((t) => [t.id, t.title, t.date]),
    );
    data(
      `facets/${s}`,
      range.map((t) => [
        t.year === null ? -1 : (years.index.get(years.key(t.year)) ?? -1),
        t.first,
        t.count,
        mentions(t.persons, persons.index),
        mentions(t.places, places.index),
      ]),
    );
  }
  data('facets', { persons: persons.values, places: places.values });
  data('manifest', {
    format: SEARCH_FORMAT,
    units: units.length,
    texts: texts.length,
    shards: shards.map((s) => s.key),
    textsPerShard: TEXTS_PER_SHARD,
    docUnits: DOC_UNITS,
    years: years.values,
  });
  return { files, units: units.length, terms: postings.size };
}

/**
 * Ascending part numbers as [text, parts in it, part…]…, the texts' and the parts' numbers as
 * differences from the previous ones (the first ones from 0): a query knows each result's text.
 */
function groupByText(list: readonly number[], unitText: readonly number[]): number[] {
  const out: number[] = [];
  let previousText = 0;
  let previousUnit = 0;
  for (let i = 0; i < list.length;) {
    const text = unitText[list[i] ?? 0] ?? 0;
    let end = i;
    while (end < list.length && unitText[list[end] ?? 0] === text) end++;
    out.push(text - previousText, end - i);
    for (; i < end; i++) {
      const unit = list[i] ?? 0;
      out.push(unit - previousUnit);
      previousUnit = unit;
    }
    previousText = text;
  }
  return out;
}

/** A facet's values: [id, standard name] sorted by name, and each id's number in that list. */
function facetValues(
  perText: readonly ReadonlyMap<string, number[]>[],
  names: ReadonlyMap<string, string>,
): { values: [string, string][]; index: Map<string, number> } {
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  const ids = new Set<string>();
  for (const map of perText) for (const id of map.keys()) ids.add(id);
  const values = [...ids]
    .map((id): [string, string] => [id, names.get(id) ?? id])
    .sort((a, b) => collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : 1));
  return { values, index: new Map(values.map(([id], i) => [id, i])) };
}

/** A text's mentions of a facet's values, flat: [value, n, part in the text × n]…, by value. */
function mentions(byId: ReadonlyMap<string, number[]>, index: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  const entries = [...byId].map(([id, parts]): [number, number[]] => [index.get(id) ?? -1, parts]).sort((a, b) => a[0] - b[0]);
  for (const [value, parts] of entries) out.push(value, parts.length, ...parts);
  return out;
}

/** The year facet's values ([key, label], ascending): years, or decades when the texts span more than DECADES_OVER years. */
function yearValues(texts: readonly IndexedText[]): {
  values: [string, string][];
  index: Map<string, number>;
  key: (year: number) => string;
} {
  const years = texts.map((t) => t.year).filter((y): y is number => y !== null);
  const decades = years.length > 0 && Math.max(...years) - Math.min(...years) > DECADES_OVER;
  const key = (year: number): string => String(decades ? Math.floor(year / 10) * 10 : year);
  const keys = [...new Set(years.map(key))].sort((a, b) => Number(a) - Number(b));
  const values = keys.map((k): [string, string] => [k, decades ? `${k}–${Number(k) + 9}` : k]);
  return { values, index: new Map(keys.map((k, i) => [k, i])), key };
}

interface Shard {
  /** Its first term: the shards are consecutive ranges of the sorted terms. */
  readonly key: string;
  readonly terms: string[];
}

/** Sorted terms in consecutive ranges of about SHARD_BYTES of JSON each. */
function shardTerms(sorted: readonly string[], postings: ReadonlyMap<string, readonly number[]>): Shard[] {
  const shards: Shard[] = [];
  let bytes = Infinity;
  for (const t of sorted) {
    if (bytes >= SHARD_BYTES) {
      shards.push({ key: t, terms: [] });
      bytes = 0;
    }
    shards[shards.length - 1]?.terms.push(t);
    bytes += t.length + 4 + 3 * (postings.get(t)?.length ?? 0);
  }
  return shards;
}
