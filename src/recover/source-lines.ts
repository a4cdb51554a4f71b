/**
 * Nothing is lost, and it can be shown: from a TEI file the converter wrote, rebuild each line
 * of the raw transcription, keyed by `lb/@n` — source readings (`sic`, `orig`), hyphens recorded
 * on breaks, note calls and markers put back from `note/@n` and `@resp`, and the notes heading
 * and legend from the header. Tests compare the result with the raw file line by line.
 */
import { XMLParser } from 'fast-xml-parser';

export interface RecoveryConventions {
  /** How note calls and bodies were printed. */
  readonly notes: 'parenthesised-footnotes' | 'bracketed-endnotes' | 'none';
  /** Marker printed at the end of an editor's note, e.g. `[N.E.]`, and the responsibility it became. */
  readonly editorMarker?: { readonly marker: string; readonly resp: string };
}

export interface RecoveredSource {
  /** Raw line number → the line's text, white space collapsed. */
  readonly lines: ReadonlyMap<number, string>;
  /** Text quoted in the header from the source (notes heading and legend). */
  readonly headerQuotes: readonly string[];
  /** Where the reading text still has a hyphen before an ordinary line break (a word left cut). */
  readonly strayHyphens: readonly number[];
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignorePiTags: true,
});

export function recoverSourceLines(xml: string, conventions: RecoveryConventions): RecoveredSource {
  const tree = parser.parse(xml) as XmlNode[];
  const state = new Recovery(conventions);
  const tei = findElement(tree, 'TEI');
  const text = tei ? findElement(children(tei), 'text') : undefined;
  if (text) state.walk(children(text));
  const headerQuotes: string[] = [];
  const header = tei ? findElement(children(tei), 'teiHeader') : undefined;
  if (header) collectQuotes(children(header), headerQuotes);
  return { lines: state.result(), headerQuotes, strayHyphens: state.strayHyphens };
}

class Recovery {
  private readonly lines = new Map<number, string>();
  private current: number | undefined;
  readonly strayHyphens: number[] = [];

  constructor(private readonly conventions: RecoveryConventions) {}

  result(): Map<number, string> {
    const out = new Map<number, string>();
    for (const [n, text] of this.lines) out.set(n, text.replace(/\s+/gu, ' ').trim());
    return out;
  }

  private append(text: string): void {
    if (this.current === undefined) return;
    this.lines.set(this.current, (this.lines.get(this.current) ?? '') + text);
  }

  walk(nodes: readonly XmlNode[]): void {
    for (const node of nodes) this.visit(node);
  }

  private visit(node: XmlNode): void {
    if ('#text' in node) {
      this.append(String(node['#text']));
      return;
    }
    const name = elementName(node);
    if (name === undefined) return;
    const attrs = attributes(node);
    switch (name) {
      case 'lb':
        this.lineBreak(attrs);
        return;
      case 'corr':
      case 'reg':
      case 'supplied':
        return;
      case 'note':
        this.note(node, attrs);
        return;
      case 'fw': {
        // Forme work is a line of its own between two lines of text: the text resumes after it.
        const resume = this.current;
        this.walk(children(node));
        this.current = resume;
        return;
      }
      case 'p':
      case 'head':
      case 'opener':
      case 'closer':
      case 'div':
        // Block boundaries stand where the source had white space.
        this.append(' ');
        this.walk(children(node));
        this.append(' ');
        return;
      default:
        this.walk(children(node));
    }
  }

  private lineBreak(attrs: Record<string, string>): void {
    const before = this.current === undefined ? '' : (this.lines.get(this.current) ?? '');
    if (attrs.rend === 'hyphen') this.append('-');
    else if (attrs.break !== 'no' && /\p{L}-\s*$/u.test(before) && this.current !== undefined) this.strayHyphens.push(this.current);
    this.current = Number(attrs.n);
    if (!this.lines.has(this.current)) this.lines.set(this.current, '');
  }

  /** The call goes back where the note stands; the body's lines get their marker again. */
  private note(node: XmlNode, attrs: Record<string, string>): void {
    const callLine = this.current;
    const n = attrs.n ?? '';
    const { notes, editorMarker } = this.conventions;
    if (attrs.anchored !== 'false') this.append(notes === 'parenthesised-footnotes' ? ` (${n})` : notes === 'bracketed-endnotes' ? ` [${n}]` : '');
    const bodyStart = firstLineNumber(children(node));
    this.current = undefined;
    this.walk(children(node));
    if (bodyStart !== undefined) {
      const marker = notes === 'parenthesised-footnotes' ? `(${n}) ` : notes === 'bracketed-endnotes' ? `[${n}]. ` : '';
      this.lines.set(bodyStart, marker + (this.lines.get(bodyStart) ?? '').trimStart());
    }
    if (editorMarker && attrs.resp === `#${editorMarker.resp}` && this.current !== undefined) this.append(` ${editorMarker.marker}`);
    this.current = callLine;
  }
}

function firstLineNumber(nodes: readonly XmlNode[]): number | undefined {
  for (const node of nodes) {
    if (elementName(node) === 'lb') return Number(attributes(node).n);
    const inner = firstLineNumber(children(node));
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function collectQuotes(nodes: readonly XmlNode[], out: string[]): void {
  for (const node of nodes) {
    if (elementName(node) === 'q' && (attributes(node).type ?? '').startsWith('source-')) out.push(textOf(children(node)));
    else collectQuotes(children(node), out);
  }
}

function textOf(nodes: readonly XmlNode[]): string {
  return nodes.map((n) => ('#text' in n ? String(n['#text']) : textOf(children(n)))).join('');
}

function elementName(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function children(node: XmlNode): XmlNode[] {
  const name = elementName(node);
  const value = name === undefined ? undefined : node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attributes(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

function findElement(nodes: readonly XmlNode[], name: string): XmlNode | undefined {
  return nodes.find((n) => elementName(n) === name);
}
