/**
 * `convert` (and the first step of `build`): config → read raw files → convert (in-process or
 * in worker threads) → write `tei/<id>.xml` atomically, never over a hand-edited file. The I/O
 * edge of the converter: the stages themselves are pure.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { diagnostic, isRule, type Diagnostic } from '../lib/diagnostics/diagnostic.js';
import type { EditionConfig, SourceConfig } from '../lib/config/types.js';
import { rawSources } from '../lib/config/sources.js';
import type { EditionText } from '../publish/edition/edition-text.js';
import { convertMany, type ConvertTaskResult } from '../convert/convert-pool.js';
import type { BuildCache } from '../lib/cache/build-cache.js';
import { cacheKey, contentHash } from '../lib/cache/cache-key.js';
import { checkStamp } from '../lib/xml/generated-stamp.js';
import { writeFileAtomic } from '../lib/io/atomic-write.js';
import { readInputFile } from '../lib/io/read-input-file.js';
import { realPath } from '../lib/io/output-folders.js';
import { NotARegularFile } from '../lib/io/read-file-within.js';
import type { CliIO } from './cli-io.js';
import type { Reporter } from './reporter.js';
import { fileSystemDiagnostic, isFileSystemError } from './unexpected-errors.js';
import { display, loadEdition, type LoadedEdition } from './load-edition.js';

export interface ConvertOptions {
  readonly config: string;
  /** Source ids to convert; all when empty. */
  readonly sources: readonly string[];
  readonly outDir?: string;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly report: boolean;
  readonly jobs?: number;
  /** Add the names worklist (`entities`) to the messages. */
  readonly reportNames?: boolean;
  /** `build`: a TEI file edited by hand is kept (an info message), and published as it is, instead of refused. */
  readonly keepHandEdited?: boolean;
  /** The edition, when the caller loaded it already (build loads it once). */
  readonly loaded?: LoadedEdition;
  /** The build cache: a raw text whose bytes, config and registers did not change is not converted again. */
  readonly cache?: BuildCache;
  /** `build --shard`: convert only the sources this says are the shard's. */
  readonly only?: (sourceId: string) => boolean;
}

export type FileStatus = 'written' | 'unchanged' | 'kept' | 'refused' | 'failed' | 'dry-run';

export interface FileOutcome {
  readonly source: string;
  readonly raw: string;
  readonly tei: string;
  readonly status: FileStatus;
  readonly messages: Diagnostic[];
  /** Register entries mentioned, `kind:id`. */
  readonly mentioned?: string[];
}

export type ConvertRun =
  | {
      readonly ok: true;
      readonly config: EditionConfig;
      readonly configPath: string;
      readonly configShown: string;
      readonly registers: LoadedEdition['registers'];
      readonly files: FileOutcome[];
      readonly messages: Diagnostic[];
      /** The TEI of each raw source that has one now (written, unchanged, kept or dry-run), by source id: what build validates and publishes. */
      readonly texts: ReadonlyMap<string, EditionText>;
    }
  | { readonly ok: false; readonly messages: Diagnostic[] };

export async function runConvert(options: ConvertOptions, io: CliIO, reporter: Reporter): Promise<ConvertRun> {
  const found = options.loaded === undefined ? await loadEdition(options.config, io, options.outDir) : options.loaded;
  if (!isLoaded(found)) return { ok: false, messages: found.messages };
  const loaded = found;
  if (loaded.messages.some((m) => m.severity === 'error')) return { ok: false, messages: loaded.messages };
  const { config, configPath, configShown: shownConfig, registers } = loaded;
  const raw = rawSources(config);
  const unknown = options.sources.filter((id) => !raw.some((s) => s.id === id));
  if (unknown.length > 0) {
    const known = raw.map((s) => s.id).join(', ');
    return {
      ok: false,
      messages: [
        diagnostic(
          'error',
          'unknown-source',
          `no source with id ${unknown.map((u) => `“${u}”`).join(', ')} in the config; expected one of: ${known}`,
          { file: shownConfig },
        ),
      ],
    };
  }
  const named = options.sources.length === 0 ? raw : raw.filter((s) => options.sources.includes(s.id));
  const chosen = options.only === undefined ? named : named.filter((s) => options.only?.(s.id) === true);
  const base = dirname(configPath);
  const outDir = resolve(base, options.outDir ?? 'tei');
  const clash = targetClash(
    raw,
    chosen,
    base,
    outDir,
    configPath,
    Object.values(registers.files).map((f) => resolve(io.cwd, f)),
    io,
  );
  if (clash) return { ok: false, messages: [clash] };

  const inputs = await Promise.all(chosen.map(async (source) => readSource(io, base, source)));
  const readable = inputs.filter((i) => i.bytes !== undefined);
  let done = 0;
  reporter.progress('convert', 0, chosen.length);
  const registersHash = options.cache === undefined ? '' : contentHash(JSON.stringify([registers.entries, registers.targets]));
  const keys = readable.map((i) =>
    cacheKey('convert', [
      contentHash(i.bytes as Uint8Array),
      { ...i.source },
      config.edition ?? null,
      shownConfig,
      i.rawShown,
      options.report,
      options.reportNames ?? false,
      registersHash,
    ]),
  );
  const cached = await Promise.all(keys.map(async (key) => options.cache?.get<ConvertTaskResult>('convert', key)));
  const missing = readable.flatMap((_, i) => (cached[i] === undefined || !Array.isArray(cached[i]?.messages) ? [i] : []));
  done = readable.length - missing.length;
  const converted = await convertMany(
    missing
      .map((m) => readable[m] as SourceInput)
      .map((i) => ({
        bytes: i.bytes as Uint8Array,
        file: i.rawShown,
        source: i.source,
        edition: config.edition,
        reportMisprints: options.report,
        reportNames: options.reportNames ?? false,
        configFile: shownConfig,
        registers: { entries: registers.entries, targets: registers.targets },
      })),
    {
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      onDone: (index) => reporter.progress('convert', ++done, chosen.length, readable[missing[index] ?? -1]?.source.id),
    },
  );
  const results = [...cached] as (ConvertTaskResult | undefined)[];
  for (const [n, i] of missing.entries()) {
    const result = converted[n] as ConvertTaskResult;
    results[i] = result;
    // A crash (a bug) is not a result to keep.
    if (!result.messages.some((m) => isRule(m, 'internal-error'))) await options.cache?.put('convert', keys[i] as string, result);
  }

  const files: FileOutcome[] = [];
  const texts = new Map<string, EditionText>();
  for (const input of inputs) {
    const tei = resolve(outDir, `${input.source.id}.xml`);
    const teiShown = display(io, tei);
    if (input.bytes === undefined) {
      files.push({ source: input.source.id, raw: input.rawShown, tei: teiShown, status: 'failed', messages: input.messages });
      continue;
    }
    const result = results[readable.indexOf(input)] as ConvertTaskResult;
    const messages = [...input.messages, ...result.messages];
    if (result.xml === undefined || messages.some((m) => m.severity === 'error')) {
      files.push({ source: input.source.id, raw: input.rawShown, tei: teiShown, status: 'failed', messages });
      continue;
    }
    const written = await writeTeiFile(tei, teiShown, result.xml, options, messages, io);
    const status = written.status;
    if (written.xml !== undefined)
      texts.set(input.source.id, {
        id: input.source.id,
        xml: written.xml,
        path: tei,
        shown: teiShown,
        origin: status === 'kept' ? 'hand-edited' : 'converted',
      });
    files.push({
      source: input.source.id,
      raw: input.rawShown,
      tei: teiShown,
      status,
      messages,
      ...(result.mentioned ? { mentioned: result.mentioned } : {}),
    });
  }
  return {
    ok: true,
    config,
    configPath,
    configShown: shownConfig,
    registers,
    files,
    messages: [...loaded.messages, ...files.flatMap((f) => f.messages)],
    texts,
  };
}

function isLoaded(edition: LoadedEdition | { readonly messages: Diagnostic[] }): edition is LoadedEdition {
  return 'config' in edition;
}

/**
 * A TEI file convert would write that is one of the edition's own inputs (a source id `persons`
 * beside `persons.xml`, a raw text at `tei/<id>.xml`): refused, even with --force, since writing it
 * would replace what tei-edition did not write.
 */
function targetClash(
  all: readonly SourceConfig[],
  chosen: readonly SourceConfig[],
  base: string,
  outDir: string,
  configPath: string,
  registerPaths: readonly string[],
  io: CliIO,
): Diagnostic | undefined {
  const inputs = new Map<string, string>([[realPath(configPath), 'the edition config']]);
  for (const path of registerPaths) inputs.set(realPath(path), 'a register');
  for (const source of all) inputs.set(realPath(resolve(base, source.raw)), `the raw text of source “${source.id}”`);
  for (const source of chosen) {
    const target = resolve(outDir, `${source.id}.xml`);
    const what = inputs.get(realPath(target));
    if (what !== undefined) {
      return diagnostic(
        'error',
        'convert-target-is-input',
        `the TEI of source “${source.id}” would be written to ${display(io, target)}, which is ${what}: it would be replaced; expected a TEI file of its own`,
        { file: display(io, configPath) },
        {
          fatal: true,
          hint: "give the source another id, or move the file (convert never writes over the edition's inputs, even with --force)",
        },
      );
    }
  }
  return undefined;
}

interface SourceInput {
  readonly source: SourceConfig;
  readonly rawShown: string;
  readonly bytes?: Uint8Array;
  readonly messages: Diagnostic[];
}

async function readSource(io: CliIO, base: string, source: SourceConfig): Promise<SourceInput> {
  const path = resolve(base, source.raw);
  const rawShown = display(io, path);
  try {
    return { source, rawShown, bytes: new Uint8Array(await readInputFile(path)), messages: [] };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const found =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'a directory'
          : error instanceof NotARegularFile
            ? error.message.replace(/^it is /u, '').replace(/; expected .*$/u, '')
            : `an unreadable file (${code})`;
    return {
      source,
      rawShown,
      messages: [
        diagnostic(
          'error',
          'input-missing',
          `found ${found}, expected the raw text of source “${source.id}” (config: sources[].raw)`,
          { file: rawShown },
          { fatal: true },
        ),
      ],
    };
  }
}

/**
 * Writes unless the file on disk was edited by hand (or not written by us); skips identical
 * content. Returns the TEI the source has now (for build to publish), unless it failed.
 */
async function writeTeiFile(
  path: string,
  shown: string,
  xml: string,
  options: ConvertOptions,
  messages: Diagnostic[],
  io: CliIO,
): Promise<{ readonly status: FileStatus; readonly xml?: string }> {
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing === xml) return { status: 'unchanged', xml };
  if (existing !== undefined && !options.force) {
    const state = checkStamp(existing);
    if (state !== 'unchanged') {
      const why = state === 'edited' ? 'was edited since tei-edition generated it' : 'was not generated by tei-edition';
      if (options.keepHandEdited) {
        messages.push(
          diagnostic(
            'info',
            'hand-edited-tei',
            `${shown} ${why}: kept, and published as it is`,
            { file: shown },
            { hint: '`tei-edition convert --force` regenerates it from the raw text (and loses the edits)' },
          ),
        );
        return { status: 'kept', xml: existing };
      }
      messages.push(
        diagnostic(
          'error',
          'hand-edited-tei',
          `${shown} ${why}; not overwritten`,
          { file: shown },
          {
            hint: 'keep your edits (move the file away, or make the change in the raw text or the config), or run convert with --force to replace it',
          },
        ),
      );
      return { status: 'refused' };
    }
  }
  if (options.dryRun) return { status: 'dry-run', xml };
  try {
    await writeFileAtomic(path, xml);
  } catch (error) {
    // One file that cannot be written is a message on that file; the others are still written.
    if (!isFileSystemError(error)) throw error;
    messages.push(fileSystemDiagnostic(error, io));
    return { status: 'failed' };
  }
  return { status: 'written', xml };
}

export { display };
