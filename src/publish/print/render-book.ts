/**
 * The print edition's Typst source (`edition.typ`), made by the XSLT 3.0 stylesheet
 * `xslt/print/edition.xsl` (SaxonJS): the front (the book design of `book.typ`, the settings,
 * title page and contents), one chapter per text in chronological order, and the indexes.
 * Typst is known only to the stylesheet and book.typ; this module passes the documents and puts
 * the parts in order. Pure apart from the transformation engine.
 */
import { pathToFileURL } from 'node:url';
import { parseForTransform, transform } from '../xslt/saxon-transform.js';
import { editionJson, type PublishedMetadata, type SiteRegister, type SiteText } from '../edition/published-documents.js';

/** What every part's transformation gets, parsed once per thread. */
export interface PrintContext {
  readonly sef: unknown;
  readonly editionJson: string;
  readonly registers: readonly unknown[];
  readonly bookLibrary: string;
}

export interface Chapter {
  /** The text's source id. */
  readonly id: string;
  readonly typst: string;
  /** Its place in the book: the Gregorian date key, then the title's sort key. */
  readonly sortKey: string;
  /** The persons and places of the text's own lists (standOff, teiHeader), for the indexes (XML); absent when it has none. */
  readonly registerEntries?: string;
  /**
   * The pointers of its names that resolve nowhere, as the HTML summaries give them (XML, for
   * unresolvedPointerWarnings in src/publish/html/unresolved-pointers.ts); absent when there are none.
   */
  readonly unresolvedPointers?: string;
}

export async function printContext(
  sef: unknown,
  edition: PublishedMetadata | undefined,
  registers: readonly SiteRegister[],
  bookLibrary: string,
): Promise<PrintContext> {
  const parsed = await Promise.all(registers.map((r) => parseForTransform(r.xml, pathToFileURL(r.path).href)));
  return { sef, editionJson: editionJson(edition), registers: parsed, bookLibrary };
}

function params(context: PrintContext): Record<string, unknown> {
  return { 'edition-json': context.editionJson, registers: [...context.registers], 'book-library': context.bookLibrary };
}

export async function renderChapter(context: PrintContext, text: SiteText): Promise<Chapter> {
  const result = await transform({
    sef: context.sef,
    sourceText: text.xml,
    sourceBaseUri: pathToFileURL(text.path).href,
    params: { ...params(context), 'text-id': text.id, ...(text.images === undefined ? {} : { 'local-images': { ...text.images } }) },
  });
  const secondary = (name: string): string | undefined => Object.entries(result.documents).find(([href]) => href.endsWith(name))?.[1];
  const registerEntries = secondary('register-entries');
  const unresolvedPointers = secondary('unresolved-pointers');
  return {
    id: text.id,
    typst: result.principal,
    sortKey: secondary('sort-key') ?? '',
    ...(registerEntries === undefined ? {} : { registerEntries }),
    ...(unresolvedPointers === undefined ? {} : { unresolvedPointers }),
  };
}

/**
 * The front (book design, settings, title page, contents) and the back (indexes). `chapters`: the
 * book's chapters, whose texts' own register lists (standOff, teiHeader) join the indexes.
 */
export async function renderFrame(context: PrintContext, chapters: readonly Chapter[] = []): Promise<{ front: string; back: string }> {
  const textEntries = await Promise.all(
    chapters.flatMap((c) =>
      c.registerEntries === undefined
        ? []
        : [parseForTransform(c.registerEntries, `urn:x-tei-edition:register-entries:${encodeURIComponent(c.id)}`)],
    ),
  );
  const [front, back] = await Promise.all(
    ['front', 'back'].map((initialTemplate) =>
      transform({
        sef: context.sef,
        initialTemplate,
        params: { ...params(context), ...(initialTemplate === 'back' && textEntries.length > 0 ? { 'text-entries': textEntries } : {}) },
      }),
    ),
  );
  return { front: front?.principal ?? '', back: back?.principal ?? '' };
}

/** edition.typ: the front, the chapters in chronological order (then by title, then by id), the back. */
export function assembleBook(frame: { front: string; back: string }, chapters: readonly Chapter[]): string {
  const ordered = [...chapters].sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return [frame.front, ...ordered.map((c) => c.typst), frame.back].join('');
}
