/**
 * The HTML stage's cache (render-site.ts's SiteCache): a text's pages and summaries are kept
 * under the hash of what they depend on, a collection page under the hash of every summary.
 *
 * A text's page depends on: the stylesheet, the edition's metadata, the list of the edition's
 * texts (links between texts), the text's id, place and local images, its bytes, and the register
 * entries its pointers reach. The last is what lets an edit of a register redo only the texts
 * that name what changed: the key holds, for every id the text's @ref, @key and @corresp name
 * (read from its XML; in any form: `#x`, `persons.xml#x`, `x`), the rows of the register table
 * (render-pages.ts: the target, link and tooltip of the entry) and the entry's XML, with the XML
 * of the entries it is nested in (a place in a country): a text never misses an entry it names
 * (it may be redone for one it does not). test/cache/incremental.test.ts checks it on an edit.
 */
import { relative } from 'node:path';
import type { CollectionTemplate, OrderAndPagers, SiteCache } from './render-site.js';
import type { RenderContext, RenderedText } from './render-pages.js';
import type { BuildCache } from '../../lib/cache/build-cache.js';
import { cacheKey, contentHash } from '../../lib/cache/cache-key.js';
import type { SitePage, SiteText } from '../edition/published-documents.js';

export interface HtmlCacheInputs {
  readonly cache: BuildCache;
  /** The edition's metadata (edition-json), the ids of its texts, and the register table (registerTable below). */
  readonly context: Pick<RenderContext, 'editionJson' | 'textIds' | 'registerTableXml'>;
  /** The compiled stylesheet's bytes (its hash). */
  readonly stylesheetHash: string;
  /** The registers' XML (the collection pages list their entries). */
  readonly registersHash: string;
  /** The registers (a text depends on the entries it names). */
  readonly registers: readonly { readonly xml: string }[];
  /** Texts' places are keyed relative to this folder (the edition's), so that a checkout elsewhere (a CI shard) finds the same keys. */
  readonly base: string;
}

export function htmlCache(inputs: HtmlCacheInputs): SiteCache {
  const { cache, context } = inputs;
  const rows = registerRowsById(context.registerTableXml);
  for (const [id, entries] of registerEntriesById(inputs.registers)) rows.set(id, [...(rows.get(id) ?? []), ...entries]);
  const textIds = context.textIds.join('\n');
  const textKey = (text: SiteText): string =>
    cacheKey('html-text', [
      inputs.stylesheetHash,
      context.editionJson,
      textIds,
      text.id,
      relative(inputs.base, text.path),
      text.images === undefined ? null : sortedEntries(text.images),
      contentHash(text.xml),
      namedRows(text.xml, rows),
    ]);
  const orderKey = (keys: readonly string[]): string =>
    cacheKey('html-order', [inputs.stylesheetHash, context.editionJson, keys.map(contentHash)]);
  const collectionKey = (template: CollectionTemplate, summaries: readonly string[]): string =>
    cacheKey('html-collection', [
      inputs.stylesheetHash,
      context.editionJson,
      textIds,
      inputs.registersHash,
      template,
      summaries.map(contentHash),
    ]);
  return {
    text: async (text) => valid(await cache.get<RenderedText>('html-text', textKey(text))),
    keepText: (text, rendered) => cache.put('html-text', textKey(text), rendered),
    collection: async (template, summaries) => page(await cache.get<SitePage>('html-collection', collectionKey(template, summaries))),
    keepCollection: (template, summaries, made) => cache.put('html-collection', collectionKey(template, summaries), made),
    order: async (keys) => {
      const found = await cache.get<OrderAndPagers>('html-order', orderKey(keys));
      return found !== undefined && Array.isArray(found.order) && Array.isArray(found.pagers) ? found : undefined;
    },
    keepOrder: (keys, made) => cache.put('html-order', orderKey(keys), made),
  };
}

/**
 * The register table's rows (`<h:target p="file#id" …></h:target>` as SaxonJS serialises them, or
 * `<h:target …/>`, whatever the prefix; xslt/html/modules/namesdates.xsl), by the id after the '#'.
 */
export function registerRowsById(tableXml: string): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const match of tableXml.matchAll(/<(?:[\w.-]+:)?target\b[^>]*?(?:\/>|>\s*<\/(?:[\w.-]+:)?target>)/gu)) {
    const row = match[0];
    const pointer = /\sp="([^"]*)"/u.exec(row)?.[1] ?? '';
    const id = pointer.slice(pointer.lastIndexOf('#') + 1);
    const list = byId.get(id);
    if (list === undefined) byId.set(id, [row]);
    else list.push(row);
  }
  return byId;
}

/**
 * The rows of the entries a text's pointers may reach: every id its @ref, @key and @corresp name,
 * and, through the entries' own pointers (a person's affiliation), every id those name in turn.
 */
export function namedRows(xml: string, rows: ReadonlyMap<string, readonly string[]>): string[] {
  const ids = new Set(pointedIds(xml));
  for (const id of ids) for (const row of rows.get(id) ?? []) for (const more of pointedIds(row)) ids.add(more);
  return [...ids].sort().flatMap((id) => rows.get(id) ?? []);
}

/** The ids an XML text's @ref, @key and @corresp name, in any form (`#x`, `file.xml#x`, `x`). */
function pointedIds(xml: string): string[] {
  const ids: string[] = [];
  for (const match of xml.matchAll(/\s(?:ref|key|corresp)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
    for (const token of (match[1] ?? match[2] ?? '').split(/\s+/u)) {
      if (token !== '') ids.push(decodeEntities(token.slice(token.lastIndexOf('#') + 1)));
    }
  }
  return ids;
}

function decodeEntities(text: string): string {
  return text.includes('&')
    ? text.replace(/&(amp|lt|gt|quot|apos);/gu, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '')
    : text;
}

function sortedEntries(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A cached text as render-site needs it (an entry of the right shape, else nothing). */
function valid(value: RenderedText | undefined): RenderedText | undefined {
  if (
    value === undefined ||
    !Array.isArray(value.pages) ||
    typeof value.summaries?.summaries !== 'string' ||
    typeof value.summaries.keys !== 'string'
  )
    return undefined;
  return value.pages.every((p) => typeof p.file === 'string' && typeof p.html === 'string') ? value : undefined;
}

function page(value: SitePage | undefined): SitePage | undefined {
  return value !== undefined && typeof value.file === 'string' && typeof value.html === 'string' ? value : undefined;
}

/**
 * Each register element with an xml:id: its XML, and the XML of the elements with an xml:id it is
 * nested in (a place's country), by id. A scan of the tags: registers are well-formed (build
 * checked them), and comments, CDATA and processing instructions are skipped.
 */
export function registerEntriesById(registers: readonly { readonly xml: string }[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const { xml } of registers) {
    const open: { name: string; start: number; id?: string }[] = [];
    const ranges: { id: string; start: number; end: number; depth: number }[] = [];
    for (const tag of xml.matchAll(
      /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/gu,
    )) {
      const [whole, closing, name, attributes, empty] = tag;
      if (name === undefined) continue;
      const start = tag.index;
      if (closing === '/') {
        const element = open.pop();
        if (element?.id !== undefined) ranges.push({ id: element.id, start: element.start, end: start + whole.length, depth: open.length });
        continue;
      }
      const id = /\sxml:id\s*=\s*["']([^"']*)["']/u.exec(attributes ?? '')?.[1];
      if (empty === '/') {
        if (id !== undefined) ranges.push({ id, start, end: start + whole.length, depth: open.length });
      } else open.push({ name, start, ...(id === undefined ? {} : { id }) });
    }
    for (const range of ranges) {
      // The entries it is nested in: the ranges that hold it.
      const holders = ranges.filter((r) => r !== range && r.start < range.start && r.end >= range.end);
      const list = byId.get(range.id) ?? [];
      list.push(xml.slice(range.start, range.end), ...holders.map((h) => xml.slice(h.start, h.end)));
      byId.set(range.id, list);
    }
  }
  return byId;
}

/**
 * The register table (render-pages.ts) of these registers, from the cache, else made (one
 * transformation, so SaxonJS is loaded) and kept: the keys of the texts need it before anything
 * is rendered.
 */
export async function registerTable(
  cache: BuildCache,
  stylesheetHash: string,
  editionJson: string,
  registersHash: string,
  make: () => Promise<string>,
): Promise<string> {
  const key = cacheKey('html-register-table', [stylesheetHash, editionJson, registersHash]);
  const found = await cache.get<string>('html-register-table', key);
  if (typeof found === 'string') return found;
  const made = await make();
  await cache.put('html-register-table', key, made);
  return made;
}
