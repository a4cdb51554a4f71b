/**
 * The two kinds of source an edition config lists: raw transcriptions (`raw`, converted to TEI)
 * and TEI the editor already has (`tei`, used as it is).
 */
import type { EditionConfig, SourceConfig, TeiSource } from './types.js';

export function isTeiSource(source: SourceConfig | TeiSource): source is TeiSource {
  return 'tei' in source;
}

/** The raw sources, each with its place in `sources` (for messages at `sources[k]`). */
export function rawSources(config: EditionConfig): SourceConfig[] {
  return config.sources.filter((s): s is SourceConfig => !isTeiSource(s));
}

/** The TEI sources, with their index in `sources`. */
export function teiSources(config: EditionConfig): { readonly source: TeiSource; readonly index: number }[] {
  return config.sources.flatMap((source, index) => (isTeiSource(source) ? [{ source, index }] : []));
}
