import { mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { DEFAULT_CACHE_FOLDER } from '../cache-option.js';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.js';
import type { Argv } from 'yargs';
import type { OutputTransaction } from '../../lib/io/output-folders.js';
import type { CliIO } from '../cli-io.js';
import type { CommandDefinition } from '../command.js';
import type { Reporter } from '../reporter.js';
import type { ConvertRun } from '../run-convert.js';
import { outputRoot, refusalDiagnostic } from '../output-root.js';
import { DEFAULT_MAX_SIZE_MB, jobsOption, maxSizeOption } from '../jobs-option.js';
import { exitCodeFor, type ExitPolicy, isUsageFailure, ON_ONE_FILE } from '../exit-codes.js';
import { display } from '../display-path.js';
import { diagnostic, isRule } from '../../lib/diagnostics/diagnostic.js';
import type { BuildCache } from '../../lib/cache/build-cache.js';
import { inShard, parseShard, type Shard } from '../shard-assignment.js';
import { convertOptions, summaryCounts } from './convert.js';

/**
 * `build`: everything that makes the edition, from one loading of it: convert the raw texts to
 * TEI (a TEI file edited by hand is kept, and said), take the TEI sources as they are, then, from
 * those documents in memory: publish them and the registers in `output/tei/`, validate exactly
 * those bytes (RELAX NG and Schematron for what tei-edition wrote; well-formedness for TEI
 * brought as it is), and when valid render the HTML reading edition in `output/html/` and the
 * print edition in `output/print/` from the same documents.
 *
 * The three output folders are written beside the old ones and swapped in together only when
 * everything succeeded: an invalid edition, a failed stylesheet, a full disk or a kill leaves the
 * previous output whole. The output may not hold the edition's sources (`--out .` is refused).
 * `--dry-run` does all of it and swaps nothing in.
 */
export const buildCommand: CommandDefinition = {
  command: 'build',
  describe: 'Build the edition: convert to TEI, validate it, publish it, its HTML and its print editions in output/',
  builder: (yargs) =>
    buildOptions(yargs)
      .option('shard', {
        describe:
          'i/n: do the per-text work of share i of n (1 ≤ i ≤ n; texts assigned by id) into the cache only, for `tei-edition merge` (a CI matrix)',
        type: 'string',
      })
      .example('$0 build', 'build the edition described by ./edition.json')
      .example(
        '$0 build --shard 2/4 --cache shard',
        'a CI matrix job: its share of the texts, into the cache folder shard/ (see `merge`)',
      ) as never,
  run: async (args, io, reporter) => {
    const out = typeof args.out === 'string' ? args.out : undefined;
    const dryRun = args['dry-run'] === true;
    // The edition (config and registers) is loaded once; where the build publishes is checked
    // before anything is written, even the TEI of convert.
    const { loadEdition } = await import('../load-edition.js');
    const edition = await loadEdition(String(args.config), io);
    if (!('config' in edition) || edition.messages.some((m) => m.severity === 'error')) return usageError(edition.messages, reporter);
    const checked = outputRoot(
      { config: edition.config, configPath: edition.configPath, registerFiles: Object.values(edition.registers.files) },
      out,
      io,
    );
    if ('refusal' in checked) return usageError([...edition.messages, checked.refusal], reporter);
    const shard = parseShard(args.shard);
    if (typeof shard === 'string')
      return usageError([...edition.messages, diagnostic('error', 'usage', shard, { file: 'tei-edition' })], reporter);
    const { buildCache } = await import('../cache-option.js');
    // A build that publishes nothing leaves no output folder it created (its cache goes with it).
    const createdFrom = firstMissingFolder(checked.root);
    const cache = buildCache(args.cache, checked.root, io.cwd, {
      readOnly: dryRun,
      extra: Array.isArray(args['merge-from']) ? args['merge-from'].map(String) : [],
    });
    const dropCreated = async (): Promise<void> => {
      if (shard === undefined && createdFrom !== undefined && cache?.dir === join(checked.root, DEFAULT_CACHE_FOLDER))
        await removeCreated(cache.dir, checked.root, createdFrom);
    };
    if (shard !== undefined && (cache === undefined || dryRun))
      return usageError(
        [
          ...edition.messages,
          diagnostic(
            'error',
            'usage',
            `--shard writes its share into the cache: it cannot be used with ${dryRun ? '--dry-run' : '--no-cache'}`,
            { file: 'tei-edition' },
          ),
        ],
        reporter,
      );
    const { runConvert } = await import('../run-convert.js');
    const run = await runConvert(
      {
        ...convertOptions(args),
        sources: [],
        dryRun,
        report: false,
        keepHandEdited: true,
        loaded: edition,
        ...(cache === undefined ? {} : { cache }),
        ...(shard === undefined ? {} : { only: (id: string) => inShard(id, shard) }),
      },
      io,
      reporter,
    );
    reporter.messages(run.messages);
    if (!run.ok) {
      await dropCreated();
      reporter.json({ command: 'build', ok: false, messages: run.messages });
      return exitCodeFor(run.messages);
    }
    const root = checked.root;
    const { OutputTransaction } = await import('../../lib/io/output-folders.js');
    const built = await OutputTransaction.run(async (output) => {
      const result = await publishAndRender(
        run,
        root,
        {
          jobs: typeof args.jobs === 'number' ? args.jobs : undefined,
          print: args.print !== false,
          maxSize: typeof args['max-size'] === 'number' ? args['max-size'] : DEFAULT_MAX_SIZE_MB,
          cache,
          shard,
        },
        output,
        io,
        reporter,
      );
      return {
        commit: shard === undefined && !dryRun && !result.halted && exitCodeFor(result.messages) === 0 && result.validated,
        value: result,
      };
    });
    if (built.halted) {
      await dropCreated();
      // Its messages were printed as they came.
      reporter.json({ command: 'build', ok: false, messages: [...run.messages, ...built.messages] });
      return exitCodeFor([...run.messages, ...built.messages]);
    }
    for (const f of run.files) reporter.line(`${f.status.padEnd(9)}  ${f.tei}  ← ${f.raw}`);
    const teiOut = join(root, 'tei');
    const messages = [...run.messages, ...built.messages];
    const ok = exitCodeFor(messages) === 0 && built.validated;
    if (built.published.length > 0) {
      reporter.line(
        built.validated
          ? `validated ${built.published.length} TEI files (${built.checkedWith}): no errors`
          : 'the TEI to publish is not valid: build stopped (fix the errors above, or see `tei-edition validate`)',
      );
    }
    if (cache !== undefined) reporter.line(cacheLine(cache, built));
    if (ok && shard !== undefined)
      reporter.line(
        `shard ${shard.index}/${shard.count}: ${built.texts} text${built.texts === 1 ? '' : 's'} done into the cache ${display(io, cache?.dir ?? '')}/; nothing published (\`tei-edition merge\` makes the edition from the shards' caches)`,
      );
    else if (ok && dryRun)
      reporter.line(`dry run: everything was made and checked, nothing was written (the output in ${display(io, root)}/ is unchanged)`);
    else if (ok) {
      reporter.line(
        `published ${built.published.length} TEI file${built.published.length === 1 ? '' : 's'} (texts and registers) in ${display(io, teiOut)}/`,
      );
      reporter.line(`wrote the HTML edition: ${built.site.length} pages in ${display(io, join(root, 'html'))}/ (open index.html)`);
      if (built.book.length > 0) reporter.line(`wrote the print edition: ${built.book.join(' and ')} (${built.pages} pages)`);
      else reporter.line('the print edition was not made (--no-print): the previous one is unchanged');
    } else if (built.published.length > 0)
      reporter.line(`nothing was published: the previous output in ${display(io, root)}/ is unchanged`);
    reporter.summary(`build: ${built.texts} text${built.texts === 1 ? '' : 's'}`, messages);
    const published = ok && !dryRun && shard === undefined;
    if (!published) await dropCreated();
    reporter.json({
      command: 'build',
      ok,
      dryRun,
      ...(shard === undefined ? {} : { shard: `${shard.index}/${shard.count}` }),
      ...(cache === undefined ? {} : { cache: { dir: display(io, cache.dir), rendered: built.rendered, stages: cache.stats() } }),
      files: run.files,
      published: published ? built.published : [],
      validated: built.validated,
      site: published ? built.site : [],
      book: published ? built.book : [],
      summary: summaryCounts(messages),
    });
    return exitCodeFor(messages, BUILD_POLICY);
  },
};

/**
 * What build validates is what it publishes: a file that cannot be read there, or a TEI source's
 * own schema that cannot be used, is an error of that source (exit 1), as a file that cannot be
 * written or a worker's crash is (ON_ONE_FILE).
 */
const BUILD_POLICY: ExitPolicy = {
  inputRules: [...(ON_ONE_FILE.inputRules ?? []), 'file-unreadable', 'schema-file', 'schematron-file', 'schematron-schema'],
};
/** Validation messages that stop the build's validation of a group (not cached): an unusable schema, a file that cannot be read. */
const VALIDATION_ON_ONE_FILE: ExitPolicy = { inputRules: ['internal-error'] };

interface Built {
  /** The run stopped before its end (a source missing, an output folder refused, a schema or stylesheet that cannot be used): what it did is not listed. Its exit code is its messages'. */
  readonly halted: boolean;
  readonly messages: Diagnostic[];
  /** The texts of the edition (converted and TEI sources). */
  readonly texts: number;
  /** The published TEI files, as messages show them (in their final place). */
  readonly published: string[];
  readonly validated: boolean;
  /** What the TEI was checked with, as the summary line says it. */
  readonly checkedWith: string;
  readonly site: string[];
  readonly book: string[];
  readonly pages: number;
  /** Texts whose HTML was made again (not taken from the cache). */
  readonly rendered?: number;
}

/**
 * Into staged folders: the TEI (texts and the registers their @ref point to), validated there;
 * then, when valid, the HTML and print editions, from the same documents. The caller swaps them
 * in only when all succeeded.
 */
async function publishAndRender(
  run: Extract<ConvertRun, { ok: true }>,
  root: string,
  options: { jobs: number | undefined; print: boolean; maxSize: number; cache: BuildCache | undefined; shard: Shard | undefined },
  output: OutputTransaction,
  io: CliIO,
  reporter: Reporter,
): Promise<Built> {
  const nothing: Built = {
    halted: false,
    messages: [],
    texts: 0,
    published: [],
    validated: false,
    checkedWith: '',
    site: [],
    book: [],
    pages: 0,
  };
  if (exitCodeFor(run.messages) !== 0) return nothing;
  const shown = (p: string): string => display(io, p);
  const { readEditionDocuments } = await import('../../publish/edition/edition-documents.js');
  const shard = options.shard;
  const read = await readEditionDocuments(
    { config: run.config, configPath: run.configPath, configShown: run.configShown, registers: run.registers },
    io.cwd,
    shown,
    'build',
    run.texts,
    shard === undefined ? undefined : (id) => !inShard(id, shard),
  );
  // A shard: its own texts (the others' ids still make the links between texts, and their config titles the edition's metadata).
  const documents = shard === undefined ? read : { ...read, texts: read.texts.filter((t) => inShard(t.id, shard)) };
  reporter.messages(documents.messages);
  if (documents.messages.some((m) => m.severity === 'error'))
    return { ...nothing, messages: documents.messages, halted: documents.messages.some((m) => isRule(m, 'tei-source-missing')) };
  const { texts, registers } = documents;
  const teiOut = join(root, 'tei');
  const staged = await output.stage(teiOut, shown);
  if (!('dir' in staged)) {
    const refused = [refusalDiagnostic(staged)];
    reporter.messages(refused);
    return { ...nothing, halted: true, messages: refused };
  }
  // The bytes published are the bytes validated and rendered: the documents in memory.
  const written: { path: string; shown: string; tei: boolean; schema?: string }[] = [];
  const published: string[] = [];
  const files: { name: string; xml: string; shown: string; tei: boolean; schema?: string }[] = [
    ...texts.map((t) => ({
      name: `${t.id}.xml`,
      xml: t.xml,
      shown: t.shown,
      tei: t.origin === 'tei',
      ...(t.schema === undefined ? {} : { schema: t.schema }),
    })),
    // The registers go along, where the texts' @ref point (persons.xml#… beside the texts).
    ...registers.map((r) => ({ name: r.file, xml: r.xml, shown: shown(r.path), tei: false })),
  ];
  for (const file of files) {
    const path = resolve(staged.dir, file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.xml);
    written.push({ path, shown: file.shown, tei: file.tei, ...(file.schema === undefined ? {} : { schema: file.schema }) });
    published.push(shown(resolve(teiOut, file.name)));
  }
  // (The validator, and SaxonJS with it, is loaded only when a file is to be checked again.)
  const { DEFAULT_SCHEMA, DEFAULT_SCHEMATRON } = await import('../../validate/default-schemas.js');
  // Messages name the file the editor corrects (tei/<id>.xml, the register, the TEI source), not the staged copy.
  const sourceOf = new Map(written.map((w) => [w.path, w.shown]));
  const shownAs = (p: string): string => sourceOf.get(resolve(p)) ?? shown(join(teiOut, relative(staged.dir, p)));
  const maxBytes = Math.round(options.maxSize * 1024 * 1024);
  // What tei-edition wrote (and the registers) meets its own schema and rules; TEI brought as it
  // is, the schema its source names (with the Schematron embedded in it), else well-formedness.
  const ours = written.filter((w) => !w.tei).map((w) => w.path);
  const brought = written.filter((w) => w.tei);
  const schemas = [...new Set(brought.map((w) => w.schema ?? ''))];
  const groups = [
    { paths: ours, schema: DEFAULT_SCHEMA as string | null, schematron: DEFAULT_SCHEMATRON as string | null },
    ...schemas.map((schema) => ({
      paths: brought.filter((w) => (w.schema ?? '') === schema).map((w) => w.path),
      schema: schema === '' ? null : schema,
      schematron: null,
    })),
  ];
  const messages: Diagnostic[] = [];
  let halted = false;
  const xmlOf = new Map(written.map((w, i) => [w.path, files[i]?.xml ?? '']));
  const { validationKeys } = await import('../../validate/validation-cache.js');
  for (const group of groups) {
    if (group.paths.length === 0) continue;
    // With the cache, only the files whose bytes, schemas or register ids changed are checked again.
    const keys =
      options.cache === undefined
        ? undefined
        : await validationKeys({
            paths: group.paths,
            schema: group.schema,
            schematron: group.schematron,
            maxBytes,
            registers,
            xmlOf,
            shownAs,
          });
    const cached = await Promise.all(
      group.paths.map(async (path) =>
        keys === undefined ? undefined : options.cache?.get<Diagnostic[]>('validate', keys.get(path) ?? ''),
      ),
    );
    const found = cached.flatMap((c) => (Array.isArray(c) ? c : []));
    reporter.messages(found);
    messages.push(...found);
    const paths = group.paths.filter((_, i) => !Array.isArray(cached[i]));
    if (paths.length === 0) continue;
    const { runValidation } = await import('../run-validate.js');
    const validation = await runValidation(
      {
        paths,
        schema: group.schema,
        schematron: group.schematron,
        maxBytes,
        shownAs,
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      },
      io,
      reporter,
    );
    reporter.messages(validation.messages);
    messages.push(...validation.messages);
    const unusable = isUsageFailure(validation.messages, VALIDATION_ON_ONE_FILE);
    halted ||= unusable;
    if (keys === undefined || unusable) continue;
    for (const path of paths) {
      const shownPath = shownAs(path);
      await options.cache?.put(
        'validate',
        keys.get(path) ?? '',
        validation.messages.filter((m) => m.position.file === shownPath),
      );
    }
  }
  const checkedWith = [
    ours.length > 0 ? 'schemas/tei-edition.rng, schemas/tei-edition.sch' : '',
    ...schemas.map((schema) => {
      const n = brought.filter((w) => (w.schema ?? '') === schema).length;
      return `${n} TEI source${n === 1 ? '' : 's'}: ${schema === '' ? 'well-formed' : shown(schema)}`;
    }),
  ]
    .filter(Boolean)
    .join('; ');
  if (exitCodeFor(messages) !== 0 || halted) return { ...nothing, texts: texts.length, messages, published, checkedWith };
  const { textOverrides } = await import('../../publish/edition/edition-text.js');
  const edition = {
    ...(documents.corpusTitle === undefined ? {} : { title: documents.corpusTitle }),
    ...run.config.edition,
    ...textOverrides(read.texts),
  };
  const input = { edition, texts, registers, messages: [] };
  const jobs = options.jobs === undefined ? {} : { jobs: options.jobs };
  const { runHtml } = await import('../run-html.js');
  const cached = options.cache === undefined ? {} : { cache: { store: options.cache, base: dirname(run.configPath) } };
  if (options.shard !== undefined) {
    // A shard's share: its texts' pages and chapters into the cache, nothing published.
    const { renderShard } = await import('../shard.js');
    const shard = await renderShard(
      { edition, texts, registers, textIds: documents.textIds, configPath: run.configPath, cache: options.cache, ...jobs },
      io,
      reporter,
    );
    messages.push(...shard.messages);
    return {
      ...nothing,
      halted: shard.halted,
      messages,
      texts: texts.length,
      published,
      validated: true,
      checkedWith,
      rendered: shard.rendered,
    };
  }
  const html = await runHtml(
    {
      config: run.configPath,
      input: { ...input, targetDir: join(root, 'html'), failedDir: join(root, 'print-failed') },
      output,
      ...jobs,
      ...cached,
    },
    io,
    reporter,
  );
  reporter.messages(html.messages);
  messages.push(...html.messages);
  // A usage error (no stylesheet, an output folder refused) stops the build; errors in the texts do not.
  if (isUsageFailure(html.messages))
    return { ...nothing, halted: true, texts: texts.length, messages, published, validated: true, checkedWith };
  const rendered = html.rendered === undefined ? {} : { rendered: html.rendered };
  if (!options.print)
    return {
      halted: false,
      messages,
      texts: texts.length,
      published,
      validated: true,
      checkedWith,
      site: html.pages,
      book: [],
      pages: 0,
      ...rendered,
    };
  const { runPdf } = await import('../run-pdf.js');
  const pdf = await runPdf(
    {
      config: run.configPath,
      input: { ...input, targetDir: join(root, 'print'), failedDir: join(root, 'print-failed') },
      output,
      pointerWarnings: false,
      ...jobs,
      ...cached,
    },
    io,
    reporter,
  );
  reporter.messages(pdf.messages);
  messages.push(...pdf.messages);
  return {
    halted: isUsageFailure(pdf.messages),
    messages,
    texts: texts.length,
    published,
    validated: true,
    checkedWith,
    site: html.pages,
    book: pdf.files,
    pages: pdf.pages,
    ...rendered,
  };
}

/** The options build and merge share. */
export function buildOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
    .option('out', { describe: 'output directory (default: output/ beside the config)', type: 'string' })
    .option('force', {
      describe: 'regenerate TEI files that were edited by hand from their raw texts (the edits are lost); default: keep and publish them',
      type: 'boolean',
      default: false,
    })
    .option('dry-run', { describe: 'do everything (convert, validate, render) but write nothing', type: 'boolean', default: false })
    .option('cache', {
      describe:
        'the build cache folder (default: .tei-edition-cache/ in the output folder); --no-cache: a clean build, the cache neither read nor written',
      type: 'string',
    })
    .option('print', {
      describe: 'make the print edition (output/print/); --no-print leaves the previous one as it is',
      type: 'boolean',
      default: true,
    })
    .option('max-size', maxSizeOption('largest TEI file to validate, in MB'))
    .option('jobs', jobsOption('worker threads (default: one per core from 2 MB of raw text on; 1 = in process)'));
}

/** The outermost folder of `folder`'s path that does not exist yet (undefined: it exists). */
function firstMissingFolder(folder: string): string | undefined {
  let missing: string | undefined;
  for (let f = resolve(folder); !existsSync(f); f = dirname(f)) {
    missing = f;
    if (dirname(f) === f) break;
  }
  return missing;
}

/** The cache a failed first build made, and the folders it made for it, up to the first that existed. */
async function removeCreated(cacheDir: string, root: string, top: string): Promise<void> {
  await rm(cacheDir, { recursive: true, force: true });
  const { removeEmptyFolders } = await import('../../lib/io/output-folders.js');
  await removeEmptyFolders(root, top);
}

function usageError(messages: Diagnostic[], reporter: Reporter): number {
  reporter.messages(messages);
  reporter.json({ command: 'build', ok: false, messages });
  return exitCodeFor(messages);
}

/** What the cache gave: the texts whose HTML was made again, and the entries found untrustworthy. */
function cacheLine(cache: BuildCache, built: Built): string {
  const stats = Object.values(cache.stats());
  const hits = stats.reduce((n, s) => n + s.hits, 0);
  const ignored = stats.reduce((n, s) => n + s.ignored, 0);
  const unwritten = stats.reduce((n, s) => n + s.unwritten, 0);
  const redone =
    built.rendered === undefined ? '' : `${built.rendered} of ${built.texts} text${built.texts === 1 ? '' : 's'} rendered again, `;
  return `cache: ${redone}${hits} result${hits === 1 ? '' : 's'} reused${ignored > 0 ? `, ${ignored} damaged or foreign entr${ignored === 1 ? 'y' : 'ies'} ignored and made again` : ''}${unwritten > 0 ? `, ${unwritten} could not be stored (is the disk full?)` : ''}`;
}
