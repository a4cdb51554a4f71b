/**
 * The search index of the reading edition, as classic scripts that the search page loads on demand
 * with <script> elements: that works from a host and from file:// alike (docs/decisions/search.md).
 * Pure: the texts' parts (page-units.ts) in reading order in, the files of `search/` out.
 *
 *   search/manifest.js     the texts (id, title, date, year, first part), the term shards' keys,
 *                          the first part of each document chunk
 *   search/facets.js       each person and place mentioned: id, standard name, the parts naming it
 *   search/terms/<i>.js    a shard of the inverted index: term → the parts holding it (ascending
 *                          part numbers, delta-coded); the shards are consecutive ranges of the
 *                          sorted terms (the manifest has each one's first term), so a query
 *                          loads one shard per word, and a prefix the shards its range meets
 *   search/docs/<i>.js     consecutive parts: [page, anchor, kind, label, text], for the snippets
 *
 * Each file is `(self.TeiEditionSearchQueue ||= []).push(["<name>", <JSON>])` (in ES5): a file may
 * arrive before the search page's script (search.html asks for the manifest and the facets in its
 * head), which then takes what is queued. The parts are numbered in reading order,
 * so that the results come sorted by text and, in a text, by place.
 */
import { searchTermsFactory } from './search-terms.js';
import type { PageUnit, TextPageUnits } from './page-units.js';

export const SEARCH_FORMAT = 1;
/** A shard of the term index holds about this many bytes of JSON. */
const SHARD_BYTES = 24_000;
/** Text of the parts in one document chunk (characters), about: a result page of 20 hits loads at most 20 chunks. */
const DOC_CHARS = 8_000;

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

export function buildSearchIndex(input: SearchIndexInput, onText?: (done: number, total: number) => void): SearchIndex {
  const terms = searchTermsFactory();
  const units: NumberedUnit[] = [];
  const manifestTexts: (string | number | null)[][] = [];
  const postings = new Map<string, number[]>();
  const persons = new Map<string, number[]>();
  const places = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, n: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [n]);
    else if (list[list.length - 1] !== n) list.push(n);
  };
  input.texts.forEach((text, i) => {
    const first = text.pages[0];
    manifestTexts.push([text.id, first?.title || text.id, first?.date ?? '', first?.year ?? null, units.length]);
    for (const page of text.pages) {
      const file = page.file === `${text.id}.html` ? '' : page.file;
      for (const unit of page.units) {
        const n = units.length;
        units.push({ page: file, unit });
        for (const { word } of terms.words(unit.text)) {
          const term = terms.term(word);
          if (term !== '') add(postings, term, n);
        }
        for (const p of unit.persons) add(persons, p, n);
        for (const p of unit.places) add(places, p, n);
      }
    }
    onText?.(i + 1, input.texts.length);
  });
  const files = new Map<string, string>();
  const data = (name: string, value: unknown): void => {
    files.set(`search/${name}.js`, `(self.TeiEditionSearchQueue=self.TeiEditionSearchQueue||[]).push([${JSON.stringify(name)},${JSON.stringify(value)}]);\n`);
  };
  const shards = shardTerms([...postings.keys()].sort(), postings);
  shards.forEach((shard, i) => data(`terms/${i}`, Object.fromEntries(shard.terms.map((t) => [t, deltas(postings.get(t) ?? [])]))));
  const docs = docChunks(units);
  docs.forEach((chunk, i) => data(`docs/${i}`, chunk.units.map(({ page, unit }) => [page, unit.anchor, unit.kind, unit.label, unit.text])));
  data('facets', {
    persons: facet(persons, input.persons),
    places: facet(places, input.places),
  });
  data('manifest', { format: SEARCH_FORMAT, units: units.length, texts: manifestTexts, shards: shards.map((s) => s.key), docs: docs.map((d) => d.first) });
  return { files, units: units.length, terms: postings.size };
}

/** Ascending numbers as their differences (smaller JSON). */
function deltas(list: readonly number[]): number[] {
  return list.map((n, i) => n - (i === 0 ? 0 : list[i - 1] ?? 0));
}

function facet(mentions: ReadonlyMap<string, number[]>, names: ReadonlyMap<string, string>): [string, string, number[]][] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return [...mentions.entries()]
    .map(([id, list]): [string, string, number[]] => [id, names.get(id) ?? id, deltas(list)])
    .sort((a, b) => collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : 1));
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
    bytes += t.length + 4 + 4 * (postings.get(t)?.length ?? 0);
  }
  return shards;
}

function docChunks(units: readonly NumberedUnit[]): { first: number; units: NumberedUnit[] }[] {
  const chunks: { first: number; units: NumberedUnit[] }[] = [];
  let chars = Infinity;
  units.forEach((u, n) => {
    if (chars >= DOC_CHARS) {
      chunks.push({ first: n, units: [] });
      chars = 0;
    }
    chunks[chunks.length - 1]?.units.push(u);
    chars += u.unit.text.length + 20;
  });
  return chunks;
}
