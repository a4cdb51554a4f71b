/**
 * Letter parts (TEI P5 §4.2.2): a text whose first paragraph opens with a form of address
 * (“Chers camarades,”, “Camarades,”) gets an `<opener><salute>`; one whose last paragraph is a
 * closing formula with a signature (“Salut N. Lénine”) gets a `<closer>` with `<salute>` and
 * `<signed>`. Both are placed at the top of the text's division, as TEI wants them.
 */
import { diagnostic, type Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import {
  placedAfter,
  type Block,
  type Closer,
  type Division,
  type EditionDocument,
  type Inline,
  type Opener,
  type Paragraph,
  type Phrase,
} from '../model/document.js';

const address =
  /^(?:(?:cher|chère|chers|chères|mes|nos|très)\s+)*(?:camarades?|amis?|amies?|citoyens|citoyennes|collègues|frères|compagnons|messieurs|mesdames|monsieur|madame|mademoiselle|travailleurs|ouvriers)\s*,/iu;
const closing =
  /^(salut fraternel|salutations fraternelles|salutations|salut|bien à vous|fraternellement|cordialement|amitiés|votre dévoué)[,.!]?(?:\s+(\p{Lu}.{0,60}))?$/iu;

export function markLetterParts(doc: EditionDocument, file: string): { document: EditionDocument; messages: Diagnostic[] } {
  const messages: Diagnostic[] = [];
  const body = doc.body.map((div) => addCloser(addOpener(div, file, messages), file, messages));
  return { document: { ...doc, body }, messages };
}

function addOpener(div: Division, file: string, messages: Diagnostic[]): Division {
  const path = firstParagraphPath(div.children);
  if (!path) return div;
  const paragraph = blockAt(div.children, path) as Paragraph;
  const textIndex = paragraph.content.findIndex((i) => i.kind === 'text');
  const text = paragraph.content[textIndex];
  if (text?.kind !== 'text') return div;
  const m = address.exec(text.value);
  if (!m) return div;
  const saluteText = m[0];
  const restText = text.value.slice(saluteText.length).trimStart();
  const salute: Phrase = { kind: 'phrase', element: 'salute', attributes: {}, content: [{ kind: 'text', value: saluteText }] };
  const opener: Opener = { kind: 'opener', content: [...paragraph.content.slice(0, textIndex), salute] };
  const remaining: Inline[] = [
    ...(restText === ''
      ? []
      : [{ kind: 'text' as const, value: restText, ...placedAfter(text, [...text.value].length - [...restText].length) }]),
    ...paragraph.content.slice(textIndex + 1),
  ];
  const keepParagraph = remaining.some((i) => i.kind === 'text' && i.value.trim() !== '');
  const children = replaceAt(div.children, path, keepParagraph ? { ...paragraph, content: remaining, opensTextBlock: false } : undefined);
  messages.push(
    diagnostic('info', 'letter-opener', `“${saluteText}” is the opening salutation: encoded as opener/salute`, {
      file,
      line: text.line ?? 0,
      column: text.column ?? 1,
    }),
  );
  const headCount = children.findIndex((b) => b.kind !== 'head');
  const at = headCount < 0 ? children.length : headCount;
  return { ...div, children: [...children.slice(0, at), opener, ...children.slice(at)] };
}

function addCloser(div: Division, file: string, messages: Diagnostic[]): Division {
  const path = lastParagraphPath(div.children);
  if (!path) return div;
  const paragraph = blockAt(div.children, path) as Paragraph;
  const texts = paragraph.content.filter((i) => i.kind === 'text');
  const lines = paragraph.content.filter((i) => i.kind === 'lb');
  const only = texts[0];
  if (texts.length !== 1 || lines.length !== 1 || only?.kind !== 'text') return div;
  const m = closing.exec(only.value);
  if (!m) return div;
  const formula = only.value.slice(0, only.value.length - (m[2]?.length ?? 0)).trimEnd();
  const signature = m[2];
  const content: Inline[] = [
    ...paragraph.content.filter((i) => i !== only),
    { kind: 'phrase', element: 'salute', attributes: {}, content: [{ kind: 'text', value: formula }] },
    ...(signature === undefined
      ? []
      : [
          { kind: 'text' as const, value: ' ' },
          { kind: 'phrase' as const, element: 'signed' as const, attributes: {}, content: [{ kind: 'text' as const, value: signature }] },
        ]),
  ];
  const closer: Closer = { kind: 'closer', content };
  messages.push(
    diagnostic('info', 'letter-closer', `“${only.value}” is the closing formula${signature ? ' and signature' : ''}: encoded as closer`, {
      file,
      line: only.line ?? 0,
      column: only.column ?? 1,
    }),
  );
  return { ...div, children: [...replaceAt(div.children, path, undefined), closer] };
}

type Path = number[];

function firstParagraphPath(blocks: readonly Block[]): Path | undefined {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind === 'p') return [i];
    if (b.kind === 'div') {
      const inner = firstParagraphPath(b.children);
      return inner ? [i, ...inner] : undefined;
    }
    if (b.kind !== 'head') return undefined;
  }
  return undefined;
}

function lastParagraphPath(blocks: readonly Block[]): Path | undefined {
  const i = blocks.length - 1;
  const b = blocks[i];
  if (b?.kind === 'p') return [i];
  if (b?.kind === 'div') {
    const inner = lastParagraphPath(b.children);
    return inner ? [i, ...inner] : undefined;
  }
  return undefined;
}

function blockAt(blocks: readonly Block[], path: Path): Block | undefined {
  const [head, ...rest] = path;
  const b = blocks[head ?? -1];
  if (rest.length === 0 || b?.kind !== 'div') return b;
  return blockAt(b.children, rest);
}

/** The blocks with the one at `path` replaced (or removed, when `replacement` is undefined). */
function replaceAt(blocks: readonly Block[], path: Path, replacement: Block | undefined): Block[] {
  const [head, ...rest] = path;
  return blocks.flatMap((b, i): Block[] => {
    if (i !== head) return [b];
    if (rest.length === 0) return replacement ? [replacement] : [];
    if (b.kind !== 'div') return [b];
    return [{ ...b, children: replaceAt(b.children, rest, replacement) }];
  });
}
