/** Convert a raw text given inline, with a minimal source config (tests of single rules). */
import type { EditionConfig, SourceConfig } from '../../src/lib/config/types.js';
import { convertSource, type ConvertResult } from '../../src/convert/convert-source.js';
import { formatDiagnostic } from '../../src/lib/diagnostics/format.js';
import { parseXml, type El } from './xml-query.js';

export const testEdition: EditionConfig['edition'] = {
  title: 'Test edition',
  editors: [{ id: 'ed', name: 'Editor' }],
  publisher: null,
  licence: { name: 'CC BY 4.0' },
  language: 'fr',
  calendar: { sourceCalendar: 'gregorian', display: 'new-style-only' },
};

export function testSource(overrides: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id: 'test',
    raw: 'test.txt',
    title: 'Titre de test',
    author: 'Auteur',
    bibl: { text: 'Test source.' },
    layout: { profile: 'prose' },
    ...overrides,
  };
}

export function convertText(
  text: string | Uint8Array,
  overrides: Partial<SourceConfig> = {},
): ConvertResult & { tei: El; printed: string } {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const result = convertSource({ bytes, file: 'test.txt', source: testSource(overrides), edition: testEdition });
  return { ...result, tei: parseXml(result.xml ?? '<none/>'), printed: result.messages.map(formatDiagnostic).join('\n') };
}
