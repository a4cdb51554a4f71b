/** Stage 6: document model + config → TEI P5 XML text. The only place that knows XML syntax. */
import { create } from 'xmlbuilder2';
import type { EditionDocument } from '../model/document.js';
import { writeHeader, type HeaderContext } from './write-header.js';
import { close, TEI_NS, writeText } from './write-body.js';

export function writeTei(doc: EditionDocument, ctx: Omit<HeaderContext, 'doc'>): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' });
  const tei = root.ele(TEI_NS, 'TEI', { 'xml:lang': ctx.edition.language });
  writeHeader(tei, { ...ctx, doc }, 1);
  writeText(tei, doc, 1);
  close(tei, 0);
  const xml = root.end({ prettyPrint: false, headless: false });
  // The declaration on a line of its own (the generated stamp goes on the next line).
  return `${xml.replace(/^(<\?xml[^>]*\?>)\n?/u, '$1\n')}\n`;
}
