/**
 * A `teiCorpus` file as the texts in it: each `TEI` (at any depth of nested corpora) serialized as
 * a document of its own, with the namespaces in scope, and what the corpus header says. SaxonJS
 * parses and serializes, as it does for the transformations.
 */
import type SaxonJS from 'saxon-js';
import { loadedSaxonJs, parseForTransform } from './saxon-transform.js';
import { summariseHeader, type HeaderSummary } from './header-summary.js';

export interface CorpusText {
  /** `@xml:id` of the TEI element, else its `@n`, else its position (1, 2…) in the corpus. */
  readonly key: string;
  readonly xml: string;
}

export interface Corpus {
  /** What the corpus header says of the corpus: the edition's metadata when nothing else gives it. */
  readonly header: HeaderSummary;
  readonly texts: CorpusText[];
}

const TEI = 'http://www.tei-c.org/ns/1.0';

/** The texts of a corpus; undefined when the document's root is not a `teiCorpus`. */
export async function corpusTexts(xml: string, baseUri: string): Promise<Corpus | undefined> {
  const document = (await parseForTransform(xml, baseUri)) as SaxonJS.DomNode;
  const options = { namespaceContext: { tei: TEI } };
  if (loadedSaxonJs().XPath.evaluate('exists(/tei:teiCorpus)', document, options) !== true) return undefined;
  const many = { ...options, resultForm: 'array' as const };
  const keys = loadedSaxonJs().XPath.evaluate(
    'let $all := //tei:TEI return for $i in 1 to count($all) return string(($all[$i]/@xml:id, $all[$i]/@n, $i)[normalize-space()][1])',
    document,
    many,
  ) as string[];
  const texts = loadedSaxonJs().XPath.evaluate('//tei:TEI ! serialize(.)', document, many) as string[];
  return { header: summariseHeader(document), texts: texts.map((text, i) => ({ key: keys[i] ?? String(i + 1), xml: text })) };
}
