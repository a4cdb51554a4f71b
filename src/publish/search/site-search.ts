/**
 * The search index of a site from its pages as the stylesheet made them (render-site.ts): each
 * text page read once (page-units.ts), the texts in reading order, the standard names from the
 * register pages; then the index files (search-index.ts) and the browser's copy of the word rules
 * (assets/search-terms.js). Pure: the caller writes the files.
 */
import { buildSearchIndex, type SearchIndex, type SearchText } from './search-index.js';
import { registerNames, textPageUnits, type TextPageUnits } from './page-units.js';
import { searchTermsScript } from './search-terms.js';
import type { ReadingEntry, SitePage } from '../edition/published-documents.js';

export interface SiteSearch extends SearchIndex {
  /** The texts indexed. */
  readonly texts: number;
  /** Pages that could not be read (the index goes on without them). */
  readonly skipped: { readonly file: string; readonly message: string }[];
}

/** `onProgress(done, total)`: pages read, then texts indexed (twice the texts in all). */
export function siteSearch(
  pages: readonly SitePage[],
  order: readonly ReadingEntry[],
  onProgress?: (done: number, total: number) => void,
): SiteSearch {
  const byText = new Map<string, TextPageUnits[]>();
  const textPages = pages.filter((p) => p.file.endsWith('.html'));
  const total = textPages.length + order.length;
  let done = 0;
  let persons = new Map<string, string>();
  let places = new Map<string, string>();
  const skipped: { file: string; message: string }[] = [];
  for (const page of textPages) {
    try {
      if (page.file === 'persons.html') persons = registerNames(page.html);
      else if (page.file === 'places.html') places = registerNames(page.html);
      else {
        const units = textPageUnits(page.file, page.html);
        if (units !== undefined) {
          const list = byText.get(units.textId);
          if (list === undefined) byText.set(units.textId, [units]);
          else list.push(units);
        }
      }
    } catch (error) {
      skipped.push({ file: page.file, message: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(++done, total);
  }
  const partNumber = (p: TextPageUnits): number => Number(/-(\d+)\.html$/.exec(p.file.slice(p.textId.length))?.[1] ?? 0);
  const texts: SearchText[] = [];
  const seen = new Set<string>();
  for (const id of [...order.map((e) => e.id), ...byText.keys()]) {
    const list = byText.get(id);
    if (list === undefined || seen.has(id)) continue;
    seen.add(id);
    texts.push({ id, pages: [...list].sort((a, b) => partNumber(a) - partNumber(b)) });
  }
  const index = buildSearchIndex({ texts, persons, places }, () => onProgress?.(++done, total));
  index.files.set('assets/search-terms.js', searchTermsScript());
  return { ...index, texts: texts.length, skipped };
}
