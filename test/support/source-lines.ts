/**
 * Nothing is lost, and it can be shown: from a TEI file the converter wrote, rebuild each line
 * of the raw transcription, keyed by `lb/@n` — source readings (`sic`, `orig`), hyphens recorded
 * on breaks, note calls and markers put back from `note/@n` and `@resp`, and the notes heading
 * and legend from the header, characters XML cannot hold from their `g` and the header's
 * `charDecl`. Tests compare the result with the raw file line by line.
 */
import { childElements, isElement, parseElements, textContent, type XmlChild, type XmlElement } from '../../src/lib/xml/element-tree.js';
import { CODE_POINT_PROPERTY } from '../../src/convert/tei/character-declaration.js';
import type { NoteConvention } from '../../src/lib/config/types.js';

export interface RecoveryConventions {
  /** How note calls and bodies were printed (a footnote at a page's foot says it on its own `@rend`). */
  readonly notes: NoteConvention;
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

export function recoverSourceLines(xml: string, conventions: RecoveryConventions): RecoveredSource {
  const tei = parseElements(xml).find((e) => e.name === 'TEI');
  const header = tei ? childElements(tei, 'teiHeader')[0] : undefined;
  const state = new Recovery(conventions, header ? declaredCharacters(header) : new Map());
  const text = tei ? childElements(tei, 'text')[0] : undefined;
  if (text) state.walk(text.children);
  const headerQuotes: string[] = [];
  if (header) collectQuotes(header, headerQuotes);
  return { lines: state.result(), headerQuotes, strayHyphens: state.strayHyphens };
}

class Recovery {
  private readonly lines = new Map<number, string>();
  private current: number | undefined;
  readonly strayHyphens: number[] = [];

  constructor(
    private readonly conventions: RecoveryConventions,
    private readonly characters: ReadonlyMap<string, string>,
  ) {}

  result(): Map<number, string> {
    const out = new Map<number, string>();
    for (const [n, text] of this.lines) out.set(n, text.replace(/\s+/gu, ' ').trim());
    return out;
  }

  private append(text: string): void {
    if (this.current === undefined) return;
    this.lines.set(this.current, (this.lines.get(this.current) ?? '') + text);
  }

  walk(nodes: readonly XmlChild[]): void {
    for (const node of nodes) this.visit(node);
  }

  private visit(node: XmlChild): void {
    if (!isElement(node)) {
      this.append(node);
      return;
    }
    const attrs = node.attrs;
    switch (node.name) {
      case 'lb':
        this.lineBreak(attrs);
        return;
      case 'g':
        // A character XML cannot hold, declared in the header; else the g's own content.
        this.append(this.characters.get((attrs.ref ?? '').replace(/^#/u, '')) ?? textContent(node));
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
        this.walk(node.children);
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
        this.walk(node.children);
        this.append(' ');
        return;
      default:
        this.walk(node.children);
    }
  }

  private lineBreak(attrs: Readonly<Record<string, string>>): void {
    const before = this.current === undefined ? '' : (this.lines.get(this.current) ?? '');
    if (attrs.rend === 'hyphen') this.append('-');
    else if (attrs.break !== 'no' && /\p{L}-\s*$/u.test(before) && this.current !== undefined) this.strayHyphens.push(this.current);
    this.current = Number(attrs.n);
    if (!this.lines.has(this.current)) this.lines.set(this.current, '');
  }

  /** The call goes back where the note stands; the body's lines get their marker again. */
  private note(node: XmlElement, attrs: Readonly<Record<string, string>>): void {
    const callLine = this.current;
    const n = attrs.n ?? '';
    const { notes, editorMarker } = this.conventions;
    const printed = printedMarks(attrs.rend ?? '', n);
    if (attrs.anchored !== 'false') {
      this.append(
        printed
          ? `${printed.glued ? '' : ' '}${printed.call}`
          : notes === 'parenthesised-footnotes'
            ? ` (${n})`
            : notes === 'bracketed-endnotes'
              ? ` [${n}]`
              : '',
      );
    }
    const bodyStart = firstLineNumber(node.children);
    this.current = undefined;
    this.walk(node.children);
    if (bodyStart !== undefined) {
      const marker = printed
        ? `${printed.mark} `
        : notes === 'parenthesised-footnotes'
          ? `(${n}) `
          : notes === 'bracketed-endnotes'
            ? `[${n}]. `
            : '';
      this.lines.set(bodyStart, marker + (this.lines.get(bodyStart) ?? '').trimStart());
    }
    if (editorMarker && attrs.resp === `#${editorMarker.resp}` && this.current !== undefined) this.append(` ${editorMarker.marker}`);
    this.current = callLine;
  }
}

const superscript = (n: string) => [...n].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] ?? d).join('');

/** A footnote's call and mark as printed, from its `@rend` tokens (tei/write-body.ts, printedRend). */
function printedMarks(rend: string, n: string): { call: string; glued: boolean; mark: string } | undefined {
  const tokens = new Set(rend.split(/\s+/u));
  const call = tokens.has('call-paren')
    ? `(${n})`
    : tokens.has('call-bracket')
      ? `[${n}]`
      : tokens.has('call-superscript')
        ? superscript(n)
        : tokens.has('call-plain')
          ? n
          : undefined;
  const mark = tokens.has('mark-paren')
    ? `(${n})`
    : tokens.has('mark-bracket')
      ? `[${n}]`
      : tokens.has('mark-bracket-dot')
        ? `[${n}].`
        : tokens.has('mark-superscript')
          ? superscript(n)
          : tokens.has('mark-dot')
            ? `${n}.`
            : tokens.has('mark-close-paren')
              ? `${n})`
              : tokens.has('mark-plain')
                ? n
                : undefined;
  return call === undefined || mark === undefined ? undefined : { call, glued: tokens.has('call-glued'), mark };
}

function firstLineNumber(nodes: readonly XmlChild[]): number | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === 'lb') return Number(node.attrs.n);
    const inner = firstLineNumber(node.children);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** `encodingDesc/charDecl/char`: xml:id → the character its code-point property gives. */
function declaredCharacters(header: XmlElement): Map<string, string> {
  const found = new Map<string, string>();
  for (const enc of childElements(header, 'encodingDesc')) {
    for (const decl of childElements(enc, 'charDecl')) {
      for (const char of childElements(decl, 'char')) {
        const property = childElements(char, 'localProp').find((p) => p.attrs.name === CODE_POINT_PROPERTY);
        const m = /^U\+([0-9A-F]{4,6})$/u.exec(property?.attrs.value ?? '');
        const id = char.attrs['xml:id'];
        if (m && id !== undefined) found.set(id, String.fromCodePoint(Number.parseInt(m[1] as string, 16)));
      }
    }
  }
  return found;
}

function collectQuotes(element: XmlElement, out: string[]): void {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (child.name === 'q' && (child.attrs.type ?? '').startsWith('source-')) out.push(textContent(child));
    else collectQuotes(child, out);
  }
}
