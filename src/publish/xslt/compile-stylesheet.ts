/**
 * XSLT 3.0 stylesheets are run by SaxonJS from their compiled form (SEF, a JSON file), compiled
 * with Saxonica's `xslt3` compiler (JavaScript, in this package's dependencies; never Java).
 * Compiled once: by `npm ci` (the `prepare` script) or on first use when a stylesheet of the
 * folder changed since, recognised by a SHA-256 of every `.xsl` file in the stylesheet's folder
 * and of every file it includes or imports from elsewhere (the shared modules), stored next to
 * the SEF.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../../lib/io/atomic-write.js';

const run = promisify(execFile);

export interface CompiledStylesheet {
  /** The SEF, as SaxonJS takes it (`stylesheetInternal`). */
  readonly sef: unknown;
  readonly sefPath: string;
  /** Whether this call compiled it (false: the stored SEF was up to date). */
  readonly compiled: boolean;
}

/**
 * Every .xsl file under the stylesheet's folder and every file its modules include or import
 * (followed from their `href`s), in a stable order, hashed: the SEF is stale when this changes.
 */
export async function stylesheetHash(xslPath: string): Promise<string> {
  const hash = createHash('sha256');
  const files = new Set(await xslFiles(dirname(xslPath)));
  const pending = [...files];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/<xsl:(?:include|import)\s+href="([^"]+)"/g)) {
      const target = resolve(dirname(file), m[1] ?? '');
      if (!files.has(target)) {
        files.add(target);
        pending.push(target);
      }
    }
  }
  for (const file of [...files].sort()) {
    hash.update(relative(dirname(xslPath), file));
    hash.update('\u0000');
    hash.update(await readFile(file));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

async function xslFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await xslFiles(path)));
    else if (e.name.endsWith('.xsl')) found.push(path);
  }
  return found;
}

export function sefPathFor(xslPath: string): string {
  return join(dirname(xslPath), `${basename(xslPath, '.xsl')}.sef.json`);
}

/** The compiled stylesheet, compiling it first when it is missing or stale. */
export async function compiledStylesheet(xslPath: string): Promise<CompiledStylesheet> {
  const sefPath = sefPathFor(xslPath);
  const hashPath = `${sefPath}.sha256`;
  const hash = await stylesheetHash(xslPath);
  const stored = await readFile(hashPath, 'utf8').catch(() => '');
  if (stored.trim() === hash) {
    const sef: unknown = JSON.parse(await readFile(sefPath, 'utf8').catch(() => 'null'));
    if (sef !== null) return { sef, sefPath, compiled: false };
  }
  const sef = await compileToSef(xslPath);
  await writeFileAtomic(sefPath, JSON.stringify(sef));
  await writeFileAtomic(hashPath, `${hash}\n`);
  return { sef, sefPath, compiled: true };
}

export class StylesheetError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'StylesheetError';
  }
}

/** Runs the xslt3 compiler in a child Node process (it is a command-line program). */
async function compileToSef(xslPath: string): Promise<unknown> {
  const require = createRequire(import.meta.url);
  const compiler = join(dirname(require.resolve('xslt3/package.json')), 'xslt3.js');
  const out = `${sefPathFor(xslPath)}.tmp-${process.pid}`;
  try {
    await run(process.execPath, [compiler, `-xsl:${xslPath}`, `-export:${out}`, '-nogo', '-relocate:on', '-ns:##html5'], {
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error);
    const where = /line (\d+)(?: column (\d+))? of ([^:\s]+)/.exec(output);
    throw new StylesheetError(
      `the stylesheet does not compile: ${output.trim().split('\n').slice(0, 6).join(' ')}`,
      where?.[3] ?? xslPath,
      where ? Number(where[1]) : undefined,
      where?.[2] ? Number(where[2]) : undefined,
    );
  }
  const text = await readFile(out, 'utf8');
  await import('node:fs/promises').then((fs) => fs.rm(out, { force: true }));
  return JSON.parse(text) as unknown;
}
