/**
 * Stage 6: document model + config → TEI P5 XML, in UTF-8 chunks (joined by the pipeline, after
 * the stamp and the well-formedness check). The only place that knows XML syntax.
 */
import type { EditionDocument } from '../model/document.js';
import { fatal } from '../../lib/diagnostics/diagnostic.js';
import type { HeaderContext } from './header-context.js';
import { writeHeader } from './write-header.js';
import { close, TEI_NS, writeText } from './write-body.js';
import { characterDeclaration } from './character-declaration.js';
import { MalformedXmlError, XmlWriter } from '../../lib/xml/xml-writer.js';

/** `file` (the raw file, as reported) names the source in an internal error. */
export function writeTei(doc: EditionDocument, ctx: Omit<HeaderContext, 'doc'>, file: string): Uint8Array[] {
  try {
    const writer = new XmlWriter({ declaration: true });
    const tei = writer.document.ele('TEI', { xmlns: TEI_NS, 'xml:lang': ctx.edition.language });
    let declarations: number | undefined;
    writeHeader(tei, { ...ctx, doc }, 1, (encodingDesc) => {
      declarations = writer.reserve(encodingDesc);
    });
    writeText(tei, doc, 1);
    close(tei, 0);
    writer.document.txt('\n');
    const chunks = writer.end();
    if (declarations !== undefined) writer.fill(declarations, characterDeclaration(writer.undeclaredCharacters, 3));
    return chunks;
  } catch (error) {
    if (error instanceof MalformedXmlError) throw malformedTei(file, error.message);
    throw error;
  }
}

export function malformedTei(file: string, what: string): ReturnType<typeof fatal> {
  return fatal(
    'internal-malformed-tei',
    `the TEI written for this source is not well-formed XML (a bug; please report it): ${what}; nothing was written`,
    { file },
  );
}
