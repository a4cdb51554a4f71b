/**
 * `tei-edition init --from-tei <folder>`: an edition.json that describes TEI files the editor
 * already has, one `tei` source per file, with the edition's metadata read from their headers
 * (the most common language, the first publisher, licence and editors found), for the editor to
 * refine. Pure: the command reads the files and writes the config.
 */
import type { EditionConfig, TeiSource } from '../../lib/config/types.js';
import type { HeaderSummary } from '../../publish/xslt/header-summary.js';

export interface TeiFileSummary {
  /** Path relative to the edition folder, with `/`. */
  readonly path: string;
  readonly header: HeaderSummary;
}

/** A BCP 47 primary tag from a TEI language code (`fre` → `fr`), or undefined. */
function bcp47(code: string | undefined): string | undefined {
  const primary = code?.split(/[-_]/u)[0]?.toLowerCase();
  if (primary === undefined || !/^[a-z]{2,3}$/u.test(primary)) return undefined;
  const two: Record<string, string> = {
    fre: 'fr',
    fra: 'fr',
    ger: 'de',
    deu: 'de',
    eng: 'en',
    ita: 'it',
    lat: 'la',
    spa: 'es',
    por: 'pt',
    pol: 'pl',
    rus: 'ru',
    dut: 'nl',
    nld: 'nl',
  };
  return two[primary] ?? primary;
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function editionFromTei(files: readonly TeiFileSummary[], title: string | undefined): EditionConfig {
  const headers = files.map((f) => f.header);
  const corpus = headers.find((h) => h.corpus);
  const editors = [...new Set(headers.flatMap((h) => h.editors))].slice(0, 5);
  const licence = headers.find((h) => h.licence !== undefined)?.licence;
  const sources: TeiSource[] = files.map((f) => ({ tei: f.path }));
  return {
    $schema: './node_modules/tei-edition/schemas/edition.schema.json',
    edition: {
      title: title ?? corpus?.title ?? (files.length === 1 ? headers[0]?.title : undefined) ?? `Edition of ${files.length} TEI texts`,
      editors:
        editors.length > 0
          ? editors.map((name, i) => ({ id: `editor${i === 0 ? '' : `-${i + 1}`}`, name }))
          : [{ id: 'editor', name: 'Your name', role: 'edition' }],
      publisher: headers.find((h) => h.publisher !== undefined)?.publisher ?? null,
      licence:
        licence === undefined
          ? { name: "Unknown: see each text's header", note: 'No licence was found in the TEI headers; say which one applies.' }
          : licence.name.length > 80
            ? { name: 'See the note', ...(licence.url === undefined ? {} : { url: licence.url }), note: licence.name }
            : { ...licence },
      language: mostCommon(headers.map((h) => bcp47(h.language))) ?? 'en',
      calendar: { sourceCalendar: 'gregorian', display: 'new-style-only' },
    },
    sources,
  };
}
