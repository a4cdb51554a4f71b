/**
 * The toolkit's one reader of XML documents (an adapter around fast-xml-parser): a small
 * read-only element tree over its ordered output, for registers and TEI files.
 * Each element keeps the offset of its `<` (for message positions) and its XPath; entities are
 * decoded here, once (the five predefined ones and character references). Comments and
 * processing instructions are dropped, which is why a commented-out example reads as nothing.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  /** Local name: a namespace prefix (`tei:person`) is dropped. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlChild[];
  /** UTF-16 offset of the element's `<` in the parsed text. */
  readonly offset: number;
  /** Where the element is, e.g. `/TEI/text[1]/body[1]/listPerson[1]/person[3]`. */
  readonly xpath: string;
}

export type XmlChild = XmlElement | string;

type RawNode = { [key: string]: unknown; [key: symbol]: unknown };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded below, in one pass: decoding `&amp;` first and then `&#…;` would turn
  // a written `&amp;#233;` into “é”.
  processEntities: false,
  ignorePiTags: true,
  ignoreDeclaration: true,
  captureMetaData: true,
});

const metaKey = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Parses well-formed XML (check it first with XMLValidator); returns the top-level elements. */
export function parseElements(xml: string): XmlElement[] {
  return convert(parser.parse(xml) as RawNode[], '').filter(isElement);
}

export function isElement(child: XmlChild): child is XmlElement {
  return typeof child !== 'string';
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(isElement).filter((c) => name === undefined || c.name === name);
}

/** Text content of an element and its descendants, as written (white space untouched). */
export function textContent(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

function convert(nodes: readonly RawNode[], parentPath: string): XmlChild[] {
  const counts = new Map<string, number>();
  const out: XmlChild[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      out.push(decodeEntities(String(node['#text'])));
      continue;
    }
    const rawName = Object.keys(node).find((k) => k !== ':@');
    if (rawName === undefined) continue;
    const name = localName(rawName);
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    const xpath = parentPath === '' ? `/${name}` : `${parentPath}/${name}[${n}]`;
    out.push({
      name,
      attrs: decodeAttributes(node[':@']),
      children: convert((node[rawName] as RawNode[] | undefined) ?? [], xpath),
      offset: startIndex(node),
      xpath,
    });
  }
  return out;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function startIndex(node: RawNode): number {
  const meta = node[metaKey] as { startIndex?: number } | undefined;
  return meta?.startIndex ?? 0;
}

function decodeAttributes(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (raw === null || typeof raw !== 'object') return attrs;
  for (const [key, value] of Object.entries(raw)) attrs[key] = decodeEntities(String(value));
  return attrs;
}

const entity = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const predefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(entity, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return predefined[name] ?? whole;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
