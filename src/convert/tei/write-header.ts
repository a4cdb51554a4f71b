/**
 * The TEI header: what the text is (fileDesc, from the config), how it was encoded
 * (encodingDesc: every rule the converter applied, stated so the source can be recovered),
 * what it is about (profileDesc) and how it was made (revisionDesc). TEI P5 §2.
 */
import type { XmlElementWriter } from '../../lib/xml/xml-writer.js';
import type { EditionConfig, SourceConfig } from '../../lib/config/types.js';
import { editorialDeclaration } from './editorial-declaration.js';
import type { HeaderContext } from './header-context.js';
import { close, element } from './write-body.js';

export const CONVERTER_ID = 'tei-edition';

/** `declareCharacters` is called inside encodingDesc, where the characters declaration goes (known only once the text is written). */
export function writeHeader(
  parent: XmlElementWriter,
  ctx: HeaderContext,
  depth: number,
  declareCharacters: (encodingDesc: XmlElementWriter) => void,
): void {
  const header = element(parent, 'teiHeader', {}, depth);
  writeFileDesc(header, ctx, depth + 1);
  writeEncodingDesc(header, ctx, depth + 1, declareCharacters);
  writeProfileDesc(header, ctx, depth + 1);
  const revision = element(header, 'revisionDesc', {}, depth + 1);
  const change = element(revision, 'change', { who: `#${CONVERTER_ID}` }, depth + 2);
  change.txt(`Converted from ${ctx.rawFile} by tei-edition ${ctx.toolVersion}.`);
  close(revision, depth + 1);
  close(header, depth);
}

function leaf(
  parent: XmlElementWriter,
  name: string,
  text: string,
  depth: number,
  attributes: Record<string, string> = {},
): XmlElementWriter {
  return element(parent, name, attributes, depth).txt(text);
}

function writeFileDesc(parent: XmlElementWriter, ctx: HeaderContext, depth: number): void {
  const { edition, source } = ctx;
  const fileDesc = element(parent, 'fileDesc', {}, depth);
  const titleStmt = element(fileDesc, 'titleStmt', {}, depth + 1);
  leaf(titleStmt, 'title', source.title, depth + 2, { type: 'main' });
  leaf(titleStmt, 'author', source.author, depth + 2);
  for (const editor of edition.editors) {
    leaf(titleStmt, 'editor', editor.name, depth + 2, { 'xml:id': editor.id, ...(editor.role ? { role: editor.role } : {}) });
  }
  for (const r of source.responsibilities ?? []) {
    const stmt = element(titleStmt, 'respStmt', { 'xml:id': r.id }, depth + 2);
    leaf(stmt, 'resp', r.resp, depth + 3);
    leaf(stmt, 'name', r.name, depth + 3);
    close(stmt, depth + 2);
  }
  const conv = element(titleStmt, 'respStmt', { 'xml:id': CONVERTER_ID }, depth + 2);
  leaf(conv, 'resp', 'conversion of the raw transcription to TEI (layout, line and page breaks, hyphenation, notes)', depth + 3);
  leaf(conv, 'name', `tei-edition ${ctx.toolVersion}`, depth + 3);
  close(conv, depth + 2);
  close(titleStmt, depth + 1);

  const pub = element(fileDesc, 'publicationStmt', {}, depth + 1);
  if (edition.publisher !== null) leaf(pub, 'publisher', edition.publisher, depth + 2);
  else leaf(pub, 'authority', edition.editors.map((e) => e.name).join(', '), depth + 2);
  const availability = element(pub, 'availability', {}, depth + 2);
  leaf(availability, 'licence', edition.licence.name, depth + 3, edition.licence.url ? { target: edition.licence.url } : {});
  if (edition.licence.note) leaf(availability, 'p', edition.licence.note, depth + 3);
  close(availability, depth + 2);
  if (edition.date) leaf(pub, 'date', edition.date, depth + 2, { when: edition.date });
  close(pub, depth + 1);

  const series = element(fileDesc, 'seriesStmt', {}, depth + 1);
  leaf(series, 'title', edition.title, depth + 2, { level: 's' });
  close(series, depth + 1);

  const sourceDesc = element(fileDesc, 'sourceDesc', {}, depth + 1);
  writeBibl(sourceDesc, source, editorialLang(edition), depth + 2);
  close(sourceDesc, depth + 1);
  close(fileDesc, depth);
}

/** xml:lang for the notes the editors wrote in the config, when their language is not the texts' (att.global, TEI P5 §1.3.1.1). */
function editorialLang(edition: EditionConfig['edition']): Record<string, string> {
  const lang = edition.editorialLanguage;
  return lang !== undefined && lang !== edition.language ? { 'xml:lang': lang } : {};
}

function writeBibl(parent: XmlElementWriter, source: SourceConfig, noteLang: Record<string, string>, depth: number): void {
  const b = source.bibl;
  const bibl = element(parent, 'bibl', {}, depth);
  if (b.title === undefined) {
    bibl.txt(b.text);
  } else {
    const parts: [string, string, Record<string, string>][] = [];
    if (b.author) parts.push(['author', b.author, {}]);
    parts.push(['title', b.title, { level: b.in ? 'a' : 'm' }]);
    if (b.in) parts.push(['title', b.in, { level: 'm' }]);
    if (b.volume) parts.push(['biblScope', b.volume, { unit: 'volume' }]);
    if (b.pages) parts.push(['biblScope', b.pages, { unit: 'page' }]);
    if (b.date) parts.push(['date', b.date, { when: b.date }]);
    parts.forEach(([name, text, attributes], i) => {
      if (i > 0) bibl.txt(', ');
      bibl.ele(name, attributes).txt(text);
    });
    bibl.txt('.');
  }
  for (const unknown of b.unknown ?? []) leaf(bibl, 'note', unknown, depth + 1, { type: 'unknown', ...noteLang });
  if (b.note) leaf(bibl, 'note', b.note, depth + 1, noteLang);
  if (b.title !== undefined) leaf(bibl, 'note', b.text, depth + 1, { type: 'citation' });
  if ((b.unknown ?? []).length > 0 || b.note || b.title !== undefined) close(bibl, depth);
}

function writeEncodingDesc(
  parent: XmlElementWriter,
  ctx: HeaderContext,
  depth: number,
  declareCharacters: (encodingDesc: XmlElementWriter) => void,
): void {
  const enc = element(parent, 'encodingDesc', {}, depth);
  const project = element(enc, 'projectDesc', {}, depth + 1);
  leaf(
    project,
    'p',
    `Part of the edition “${ctx.edition.title}”, converted from a raw plain-text transcription with tei-edition. Every word of the source is kept; every intervention is encoded so that the source reading can be recovered.`,
    depth + 2,
  );
  close(project, depth + 1);
  editorialDeclaration(enc, ctx, depth + 1);
  declareCharacters(enc);
  close(enc, depth);
}

function writeProfileDesc(parent: XmlElementWriter, ctx: HeaderContext, depth: number): void {
  const { source, edition } = ctx;
  const profile = element(parent, 'profileDesc', {}, depth);
  if (source.date) {
    const creation = element(profile, 'creation', {}, depth + 1);
    const d = source.date;
    const attributes: Record<string, string> =
      d.calendar === 'julian' ? { when: d.gregorian ?? d.value, 'when-custom': d.value, datingMethod: '#julian' } : { when: d.value };
    if (d.event) attributes.type = d.event;
    leaf(creation, 'date', d.label ?? d.value, depth + 2, attributes);
    close(creation, depth + 1);
  }
  const lang = element(profile, 'langUsage', {}, depth + 1);
  leaf(lang, 'language', languageName(edition.language), depth + 2, { ident: edition.language });
  close(lang, depth + 1);
  if (source.date?.calendar === 'julian' || ctx.doc.facts.julianDates) {
    const cal = element(profile, 'calendarDesc', {}, depth + 1);
    const julian = element(cal, 'calendar', { 'xml:id': 'julian' }, depth + 2);
    leaf(
      julian,
      'p',
      `Julian calendar (Old Style), used in Russia until 31 January 1918 (Old Style), followed by 14 February 1918 (New Style). Dates in @when are Gregorian; @when-custom gives the Julian date.`,
      depth + 3,
    );
    close(julian, depth + 2);
    close(cal, depth + 1);
  }
  close(profile, depth);
}

const languageNames: Record<string, string> = { fr: 'français', en: 'English', de: 'Deutsch', ru: 'русский', it: 'italiano' };

function languageName(tag: string): string {
  return languageNames[tag.split('-')[0] ?? tag] ?? tag;
}
