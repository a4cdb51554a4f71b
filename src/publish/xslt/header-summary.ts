/**
 * What a TEI header says about its document that an edition config records: title, language,
 * publisher, licence, editors. Read with SaxonJS's XPath, as the stylesheets read headers.
 */
import type SaxonJS from 'saxon-js';
import { loadedSaxonJs, parseForTransform } from './saxon-transform.js';

export interface HeaderSummary {
  readonly title?: string;
  readonly language?: string;
  readonly publisher?: string;
  readonly licence?: { readonly name: string; readonly url?: string };
  readonly editors: string[];
  readonly corpus: boolean;
}

const NS = { namespaceContext: { tei: 'http://www.tei-c.org/ns/1.0' } };

function text(expression: string, document: SaxonJS.DomNode): string | undefined {
  const value = loadedSaxonJs().XPath.evaluate(`normalize-space(string((${expression})[1]))`, document, NS);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function headerSummary(xml: string, baseUri: string): Promise<HeaderSummary> {
  return summariseHeader((await parseForTransform(xml, baseUri)) as SaxonJS.DomNode);
}

/** The same, of a document already parsed (a corpus, as it is split). */
export function summariseHeader(document: SaxonJS.DomNode): HeaderSummary {
  const header = '/*/tei:teiHeader';
  const title = text(`${header}/tei:fileDesc/tei:titleStmt/tei:title[not(@type = ("sub", "alt"))]`, document);
  const language = text(`/*/@xml:lang, ${header}/tei:profileDesc/tei:langUsage/tei:language/@ident, /*/tei:text/@xml:lang`, document);
  const publisher = text(`${header}/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:distributor, tei:authority)`, document);
  const availability = `${header}/tei:fileDesc/tei:publicationStmt/tei:availability`;
  const licenceName = text(`${availability}/tei:licence, ${availability}/tei:p, ${availability}/@status`, document);
  const licenceUrl = text(`${availability}/tei:licence/@target`, document);
  const editors = loadedSaxonJs().XPath.evaluate(
    `distinct-values(${header}/tei:fileDesc/tei:titleStmt/(tei:editor, tei:respStmt/(tei:persName, tei:name, tei:orgName))/normalize-space()[. ne ''])`,
    document,
    { ...NS, resultForm: 'array' },
  ) as string[];
  const corpus = loadedSaxonJs().XPath.evaluate('exists(/tei:teiCorpus)', document, NS) === true;
  return {
    ...(title === undefined ? {} : { title }),
    ...(language === undefined ? {} : { language }),
    ...(publisher === undefined ? {} : { publisher }),
    ...(licenceName === undefined && licenceUrl === undefined
      ? {}
      : { licence: { name: (licenceName ?? licenceUrl) as string, ...(licenceUrl === undefined ? {} : { url: licenceUrl }) } }),
    editors,
    corpus,
  };
}
