/** The sample edition (edition.json at the repository root), converted in memory. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { registerFiles } from '../../src/lib/registers/register-files.js';
import type { EditionConfig, SourceConfig } from '../../src/lib/config/types.js';
import { rawSources } from '../../src/lib/config/sources.js';
import { loadEditionConfig } from '../../src/lib/config/load-config.js';
import { convertSource, type ConvertResult } from '../../src/convert/convert-source.js';
import type { RecoveryConventions } from './source-lines.js';
import { repoRoot } from './paths.js';
import { readRegister, type RegisterEntry } from '../../src/lib/registers/read-register.js';
import type { RegisterTargets } from '../../src/convert/enrich/tag-names-and-dates.js';

/** The sample edition's config; its sources are all raw transcriptions. */
export function sampleConfig(): Omit<EditionConfig, 'sources'> & { sources: SourceConfig[] } {
  const { config, messages } = loadEditionConfig(readFileSync(join(repoRoot, 'edition.json'), 'utf8'), 'edition.json');
  if (!config) throw new Error(`edition.json does not load: ${JSON.stringify(messages)}`);
  const sources = rawSources(config);
  if (sources.length !== config.sources.length) throw new Error('the sample edition has only raw sources');
  return { ...config, sources };
}

export function sampleSource(idPart: string): SourceConfig {
  const source = sampleConfig().sources.find((s) => s.id.includes(idPart));
  if (!source) throw new Error(`no sample source ${idPart}`);
  return source;
}

const cache = new Map<string, ConvertResult>();

/** The sample's registers, read as the CLI reads them (tei/persons.xml …), pointed at from tei/. */
export function sampleRegisters(): { entries: RegisterEntry[]; targets: RegisterTargets } {
  const entries: RegisterEntry[] = [];
  const targets: Record<string, string> = {};
  for (const { kind, defaultPath } of registerFiles) {
    const read = readRegister(readFileSync(join(repoRoot, defaultPath), 'utf8'), defaultPath);
    if (read.messages.length > 0) throw new Error(`${defaultPath}: ${JSON.stringify(read.messages)}`);
    entries.push(...read.entries.filter((e) => e.kind === kind));
    targets[kind] = basename(defaultPath);
  }
  return { entries, targets };
}

export function convertSample(source: SourceConfig): ConvertResult {
  const cached = cache.get(source.id);
  if (cached) return cached;
  const result = convertSource({
    bytes: readFileSync(join(repoRoot, source.raw)),
    file: source.raw,
    source,
    edition: sampleConfig().edition,
    registers: sampleRegisters(),
  });
  cache.set(source.id, result);
  return result;
}

export function recoveryConventions(source: SourceConfig): RecoveryConventions {
  const notes = source.notes;
  return {
    notes: notes?.convention ?? 'none',
    ...(notes?.editorMarker ? { editorMarker: { marker: notes.editorMarker, resp: notes.editorResp ?? 'editor' } } : {}),
  };
}

export function rawText(source: SourceConfig): string {
  return readFileSync(join(repoRoot, source.raw), 'utf8');
}
