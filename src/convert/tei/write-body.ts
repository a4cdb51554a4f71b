/**
 * Document model → TEI `<text>` (through the escaping writer, xml-writer.ts). Block elements are indented; inside mixed
 * content the only white space written is the source's own word spaces and a line feed before
 * each `<lb/>` that is not inside a word, so the XML reads like the source's lines.
 */
import type { XmlElementWriter } from '../../lib/xml/xml-writer.js';
import type { Block, Division, EditionDocument, FormeWork, Inline, Note, Paragraph, PrintedMarks } from '../model/document.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export function writeText(parent: XmlElementWriter, doc: EditionDocument, depth: number): void {
  const text = element(parent, 'text', {}, depth);
  if (doc.front.length > 0) {
    const front = element(text, 'front', {}, depth + 1);
    const div = element(front, 'div', { type: 'front' }, depth + 2);
    for (const b of doc.front) writeBlock(div, b, depth + 3);
    close(front, depth + 1);
  }
  const body = element(text, 'body', {}, depth + 1);
  for (const div of doc.body) writeBlock(body, div, depth + 2);
  for (const fw of doc.trailing) {
    indent(body, depth + 2);
    writeForme(body, fw);
  }
  close(body, depth + 1);
  close(text, depth);
}

/** Start an element on its own indented line. */
export function element(parent: XmlElementWriter, name: string, attributes: Record<string, string>, depth: number): XmlElementWriter {
  indent(parent, depth);
  return parent.ele(name, attributes);
}

const indents: string[] = [];

export function indent(parent: XmlElementWriter, depth: number): void {
  parent.txt((indents[depth] ??= `\n${'  '.repeat(depth)}`));
}

export function close(el: XmlElementWriter, depth: number): void {
  indent(el, depth);
}

function writeBlock(parent: XmlElementWriter, block: Block, depth: number): void {
  switch (block.kind) {
    case 'div':
      writeDivision(parent, block, depth);
      return;
    case 'p':
    case 'head':
    case 'opener':
    case 'closer': {
      const el = element(parent, block.kind, {}, depth);
      writeInlines(el, block.content, depth + 1);
      return;
    }
  }
}

function writeDivision(parent: XmlElementWriter, div: Division, depth: number): void {
  const attributes: Record<string, string> = { type: div.type };
  if (div.n !== undefined) attributes.n = div.n;
  if (div.resp !== undefined) attributes.resp = `#${div.resp}`;
  const el = element(parent, 'div', attributes, depth);
  for (const child of div.children) writeBlock(el, child, depth + 1);
  close(el, depth);
}

function writeInlines(parent: XmlElementWriter, inlines: readonly Inline[], depth: number): void {
  inlines.forEach((inline, i) => writeInline(parent, inline, inlines[i - 1], depth));
}

function writeInline(parent: XmlElementWriter, inline: Inline, previous: Inline | undefined, depth: number): void {
  switch (inline.kind) {
    case 'text':
      if (inline.value !== '') parent.txt(inline.value);
      return;
    case 'lb': {
      // A line feed stands for the source's line end between words; none inside a word.
      if (inline.wordBreak === 'none' && previous !== undefined && previous.kind !== 'pb') parent.txt('\n');
      const attributes: Record<string, string> = { n: String(inline.n) };
      if (inline.wordBreak !== 'none') attributes.break = 'no';
      if (inline.wordBreak === 'soft-hyphen') attributes.rend = 'hyphen';
      parent.ele('lb', attributes);
      return;
    }
    case 'pb': {
      if (!inline.inWord && previous !== undefined) parent.txt('\n');
      parent.ele('pb', inline.inWord ? { n: inline.n, break: 'no' } : { n: inline.n });
      return;
    }
    case 'fw':
      writeForme(parent, inline);
      return;
    case 'note':
      writeNote(parent, inline, depth);
      return;
    case 'choice': {
      const [a, b] = inline.variant === 'sic-corr' ? ['sic', 'corr'] : ['orig', 'reg'];
      const choice = parent.ele('choice');
      writeInlines(choice.ele(a as string), inline.source, depth);
      writeInlines(choice.ele(b as string), inline.edited, depth);
      return;
    }
    case 'phrase': {
      const el = parent.ele(inline.element, { ...inline.attributes });
      writeInlines(el, inline.content, depth);
      return;
    }
  }
}

function writeForme(parent: XmlElementWriter, fw: FormeWork): void {
  const el = parent.ele('fw', { type: fw.type });
  el.ele('lb', { n: String(fw.line) });
  el.txt(fw.text);
}

/**
 * How a footnote's call and body mark were printed, as `@rend` tokens (the header lists them):
 * the call's shape, `call-plain` (`mot1`, `mot*`), `call-paren` (`(1)`), `call-bracket` (`[1]`),
 * `call-superscript` (`¹`); `call-glued` when no space stands before it; the body's mark,
 * `mark-plain` (`1 …`), `mark-dot` (`1. …`), `mark-close-paren` (`1) …`), `mark-paren`, `mark-bracket`, `mark-bracket-dot`
 * (`[1]. …`), `mark-superscript`.
 */
export function printedRend(printed: PrintedMarks): string {
  const call = printed.call.startsWith('(')
    ? 'call-paren'
    : printed.call.startsWith('[')
      ? 'call-bracket'
      : /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(printed.call)
        ? 'call-superscript'
        : 'call-plain';
  const m = printed.mark;
  const mark = m.startsWith('(')
    ? 'mark-paren'
    : m.startsWith('[')
      ? m.endsWith('.')
        ? 'mark-bracket-dot'
        : 'mark-bracket'
      : /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(m)
        ? 'mark-superscript'
        : m.endsWith('.')
          ? 'mark-dot'
          : m.endsWith(')')
            ? 'mark-close-paren'
            : 'mark-plain';
  return [call, ...(printed.glued ? ['call-glued'] : []), mark].join(' ');
}

function writeNote(parent: XmlElementWriter, note: Note, depth: number): void {
  const attributes: Record<string, string> = { n: note.n, place: 'foot' };
  if (note.resp !== undefined) attributes.resp = `#${note.resp}`;
  if (!note.anchored) attributes.anchored = 'false';
  if (note.printed) attributes.rend = printedRend(note.printed);
  const el = parent.ele('note', attributes);
  if (note.paragraphs.length === 1) {
    writeInlines(el, (note.paragraphs[0] as Paragraph).content, depth + 1);
    return;
  }
  for (const p of note.paragraphs) {
    const pe = element(el, 'p', {}, depth + 1);
    writeInlines(pe, p.content, depth + 2);
  }
  close(el, depth);
}
