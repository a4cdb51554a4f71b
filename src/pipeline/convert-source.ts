/**
 * The converter as one pure function: raw bytes of one source + its config → TEI text and
 * messages. Stages, in order (each a folder of `src/`):
 *   read (decode) → lines → layout → model → enrich → tei (write).
 * No file system here: the CLI reads and writes, so this runs in memory, in tests and in workers.
 */
import { FatalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionConfig, SourceConfig } from '../config/types.js';
import { decodeRawText } from '../read/decode.js';
import { splitLines } from '../lines/split-lines.js';
import { analyseLayout } from '../layout/analyse-layout.js';
import { parseLineRange } from '../layout/overrides.js';
import type { LayoutSettings } from '../layout/types.js';
import { buildDocument } from '../model/build-document.js';
import type { EditionDocument } from '../model/document.js';
import { frenchLexicon, type Lexicon } from '../enrich/lexicon.js';
import { enrichDocument } from '../enrich/enrich-document.js';
import { writeTei } from '../tei/write-tei.js';
import { stampGenerated } from '../tei/generated-stamp.js';
import { toolVersion } from '../tool-version.js';
import { findPossibleMisprints } from '../analysis/possible-misprints.js';

export interface ConvertInput {
  readonly bytes: Uint8Array;
  /** The raw file's path as reported in messages (relative to the working directory). */
  readonly file: string;
  readonly source: SourceConfig;
  readonly edition: EditionConfig['edition'];
  readonly lexicon?: Lexicon;
  /** Add the misprint worklist (`convert --report`) to the messages. */
  readonly reportMisprints?: boolean;
  /** The config file, for messages about the config's corrections. */
  readonly configFile?: string;
}

export interface ConvertResult {
  /** The TEI text, stamped as generated; absent when a fatal error stopped the conversion. */
  readonly xml?: string;
  readonly document?: EditionDocument;
  readonly messages: Diagnostic[];
}

export function convertSource(input: ConvertInput): ConvertResult {
  const messages: Diagnostic[] = [];
  try {
    const decoded = decodeRawText(input.bytes, input.file);
    messages.push(...decoded.messages);
    const lines = splitLines(decoded.text);
    const lexicon = input.lexicon ?? frenchLexicon();
    const settings = layoutSettings(input.source);
    const { layout, messages: layoutMessages } = analyseLayout(lines, settings, lexicon, input.file);
    messages.push(...layoutMessages);
    const built = buildDocument(layout, {
      textType: input.source.type ?? 'text',
      title: input.source.title,
      flows: input.source.layout.flows ?? [],
      pageNumbering: pageNumbering(input.source, layout.firstPage !== undefined),
    });
    const { document, messages: enrichMessages } = enrichDocument(built, { source: input.source, file: input.file, lexicon, ...(input.configFile ? { configFile: input.configFile } : {}) });
    messages.push(...enrichMessages);
    if (input.reportMisprints) messages.push(...findPossibleMisprints(document, lexicon, input.file));
    const xml = writeTei(document, { edition: input.edition, source: input.source, toolVersion, rawFile: input.source.raw });
    return { xml: stampGenerated(xml), document, messages };
  } catch (error) {
    if (error instanceof FatalError) return { messages: [...messages, error.diagnostic] };
    throw error;
  }
}

export function layoutSettings(source: SourceConfig): LayoutSettings {
  return {
    profile: source.layout.profile,
    firstPage: source.firstPage ?? null,
    runningHeads: source.layout.runningHeads ?? [],
    ocrNoise: source.layout.ocr ?? false,
    overrides: (source.layout.overrides ?? []).map((o) => ({ ...parseLineRange(o.lines), role: o.role })),
    noteConvention: source.notes?.convention ?? 'none',
    notesHeading: source.notes?.heading ?? 'Notes',
  };
}

function pageNumbering(source: SourceConfig, hasPages: boolean): EditionDocument['facts']['pageNumbering'] {
  if (!hasPages) return 'none';
  return source.firstPage != null || (source.layout.runningHeads ?? []).length > 0 ? 'printed' : 'counted';
}
