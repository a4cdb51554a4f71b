/**
 * What the search index takes from the pages the stylesheet made (no second rendering): the
 * parts of a text page a result can link to, with their reading-view text and the register
 * entries they name, and the standard names of the register pages' entries.
 *
 * The stylesheet marks what is read here (xslt/html/modules/page.xsl, f:search-marks): the text's
 * article carries `data-search-text` (its id) and `data-search-year` (Gregorian); the parts are the
 * elements with an anchor (`para-N`, `note-N`, `head-N`, `opener-N`, `closer-N`); a name links its
 * entry (`persons.html#id`, `places.html#id`). What the reading view does not show is left out by
 * its class (NOT_READING): the source-lines view's forms, the line-end hyphens, the paragraph
 * numbers, the page markers, the note calls with their popovers (a copy of the note, which is
 * indexed where the notes follow the text) and the notes' way back.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type UnitKind = 'title' | 'para' | 'note' | 'head' | 'opener' | 'closer';

export interface PageUnit {
  /** The anchor on the page ('' for the text's title: the top of the page). */
  readonly anchor: string;
  readonly kind: UnitKind;
  /** A note's label as the page shows it (1, a…); else ''. */
  label: string;
  text: string;
  readonly persons: Set<string>;
  readonly places: Set<string>;
}

export interface TextPageUnits {
  readonly textId: string;
  readonly file: string;
  /** The text's title and date as the page's header shows them ('' on a part page). */
  title: string;
  date: string;
  readonly year?: number;
  readonly units: PageUnit[];
}

/** Classes of what the reading view hides or repeats (edition.css, notes.xsl, transcr.xsl). */
export const NOT_READING = new Set(['source-only', 'lb-hyphen', 'fw', 'cb', 'para-anchor', 'pb', 'note-ref', 'note-back']);
const ANCHOR = /^(para|note|head|opener|closer)-\d+$/;
const INLINE = new Set([
  'a',
  'span',
  'em',
  'i',
  'b',
  'strong',
  'sup',
  'sub',
  'time',
  'cite',
  'abbr',
  'mark',
  'small',
  'q',
  'code',
  's',
  'u',
  'del',
  'ins',
  'bdi',
  'bdo',
  'var',
  'dfn',
  'kbd',
  'samp',
  'data',
  'wbr',
  'br',
]);
const BLOCK_SPANS = new Set(['p', 'l', 'lg', 'item', 'ab', 'head', 'label']);

interface Open {
  readonly unit?: PageUnit;
  readonly skip: boolean;
  readonly capture?: 'title' | 'date' | 'label';
  readonly space: boolean;
}

function classesOf(tag: SaxesTagPlain): string[] {
  const c = tag.attributes.class;
  return typeof c === 'string' ? c.split(/\s+/) : [];
}

/** The parts of a text page (undefined for a page that is not a text's: index, registers, search). */
export function textPageUnits(file: string, html: string): TextPageUnits | undefined {
  if (!html.includes('data-search-text=')) return undefined;
  const parser = new SaxesParser({ xmlns: false });
  let page: TextPageUnits | undefined;
  const stack: Open[] = [];
  let unit: PageUnit | undefined;
  let last: PageUnit | undefined;
  let inText = 0;
  let skipping = 0;
  let capture: { kind: 'title' | 'date' | 'label'; text: string } | undefined;
  const newUnit = (anchor: string, kind: UnitKind): PageUnit => ({
    anchor,
    kind,
    label: '',
    text: '',
    persons: new Set(),
    places: new Set(),
  });
  parser.on('opentag', (tag) => {
    const classes = classesOf(tag);
    const attrs = tag.attributes;
    const id = typeof attrs.id === 'string' ? attrs.id : '';
    if (page === undefined && typeof attrs['data-search-text'] === 'string') {
      const year = Number(attrs['data-search-year']);
      page = {
        textId: attrs['data-search-text'],
        file,
        title: '',
        date: '',
        ...(attrs['data-search-year'] !== undefined && Number.isInteger(year) ? { year } : {}),
        units: [],
      };
    }
    const skip = classes.some((c) => NOT_READING.has(c));
    let opened: PageUnit | undefined;
    let cap: Open['capture'];
    if (page !== undefined && skipping === 0) {
      if (tag.name === 'h1' && classes.includes('text-title')) cap = 'title';
      else if (tag.name === 'dd' && classes.includes('text-date')) cap = 'date';
      if ((id === 'text' || (tag.name === 'section' && classes.includes('notes'))) && !skip) inText++;
      if (inText > 0 && ANCHOR.test(id)) {
        opened = newUnit(id, id.replace(/-\d+$/, '') as UnitKind);
        page.units.push(opened);
      }
    }
    if (unit !== undefined && classes.includes('note-back')) cap = 'label';
    if (cap !== undefined && capture === undefined) capture = { kind: cap, text: '' };
    else cap = undefined;
    const space = !INLINE.has(tag.name) || classes.some((c) => BLOCK_SPANS.has(c)) || (tag.name === 'br' && !classes.includes('lb'));
    const target = opened ?? unit;
    if (space && target && skipping === 0) target.text += ' ';
    if (skip) skipping++;
    if (!skip && skipping === 0 && target && tag.name === 'a' && typeof attrs.href === 'string') {
      const m = /^(persons|places)\.html#(.+)$/.exec(attrs.href);
      if (m?.[1] === 'persons') target.persons.add(decodeURIComponent(m[2] ?? ''));
      else if (m?.[1] === 'places') target.places.add(decodeURIComponent(m[2] ?? ''));
    }
    stack.push({ ...(opened ? { unit: opened } : {}), skip, ...(cap ? { capture: cap } : {}), space });
    if (opened) unit = opened;
    if (tag.isSelfClosing) close(tag);
  });
  const close = (tag: SaxesTagPlain): void => {
    const open = stack.pop();
    if (open === undefined) return;
    if (open.skip) skipping--;
    const id = typeof tag.attributes.id === 'string' ? tag.attributes.id : '';
    if ((id === 'text' || (tag.name === 'section' && classesOf(tag).includes('notes'))) && !open.skip && inText > 0) inText--;
    if (open.capture && capture) {
      const text = capture.text.replace(/\s+/g, ' ').trim();
      if (open.capture === 'label' && unit) unit.label = text;
      else if (open.capture === 'title' && page) page.title = text;
      else if (open.capture === 'date' && page) page.date = text;
      capture = undefined;
    }
    if (open.space && unit && skipping === 0) unit.text += ' ';
    if (open.unit) {
      last = open.unit;
      unit = [...stack].reverse().find((o) => o.unit)?.unit;
    }
  };
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) close(tag);
  });
  parser.on('text', (text) => {
    if (capture) capture.text += text;
    if (skipping > 0 || page === undefined) return;
    if (unit) unit.text += text;
    else if (inText > 0 && text.trim() !== '') {
      // Words outside any anchored part (a list or a table between paragraphs) go with the part before them, else with the text's start.
      if (last === undefined) {
        last = newUnit('text', 'para');
        page.units.push(last);
      }
      last.text += ` ${text}`;
    }
  });
  parser.write(html).close();
  if (page === undefined) return undefined;
  for (const u of page.units) u.text = u.text.replace(/\s+/g, ' ').trim();
  if (page.title !== '' && !/-\d+\.html$/.test(file.replace(page.textId, '')))
    page.units.unshift({ ...newUnit('', 'title'), text: page.title });
  return page;
}

/** The standard names of a register page's entries (persons.html, places.html): id → name. */
export function registerNames(html: string): Map<string, string> {
  const names = new Map<string, string>();
  const parser = new SaxesParser({ xmlns: false });
  let entry = '';
  let name: { text: string } | undefined;
  parser.on('opentag', (tag) => {
    const classes = classesOf(tag);
    if (tag.name === 'article' && classes.includes('entry') && typeof tag.attributes.id === 'string') entry = tag.attributes.id;
    else if (entry !== '' && classes.includes('entry-name')) name = { text: '' };
  });
  parser.on('text', (text) => {
    if (name) name.text += text;
  });
  parser.on('closetag', (tag) => {
    if (name && classesOf(tag).includes('entry-name')) {
      names.set(entry, name.text.replace(/\s+/g, ' ').trim());
      name = undefined;
      entry = '';
    }
  });
  parser.write(html).close();
  return names;
}
