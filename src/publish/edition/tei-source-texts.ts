/**
 * TEI the editor already has, as texts of the edition: a file, a folder of TEI files (walked as
 * `validate` walks it), a glob (`letters/*.xml`, `**` for any depth), or a `teiCorpus` file (one
 * text per `TEI` in it). Each text keeps its bytes as they are; its id (the page `<id>.html`) is
 * the given id, else its path below the folder or glob without `.xml` (`/` → `-`), or in a corpus
 * the file's stem and the text's `xml:id` or `n`. The I/O edge of the TEI way into an edition.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic, type Diagnostic, type SourcePosition } from '../../lib/diagnostics/diagnostic.js';
import { readInputFile } from '../../lib/io/read-input-file.js';
import { collectXmlFiles } from '../../lib/io/collect-files.js';
import { corpusTexts } from '../xslt/corpus-texts.js';
import type { HeaderSummary } from '../xslt/header-summary.js';
import { checkWellFormed } from '../../lib/xml/check-well-formed.js';
import type { EditionText } from './edition-text.js';

export interface TeiSourceEntry {
  /** A file, a folder or a glob, absolute. */
  readonly path: string;
  /** The text's id, for one file holding one text. */
  readonly id?: string;
  /** The RELAX NG schema the texts are validated against (absolute). */
  readonly schema?: string;
  /** The config's title and author, over the headers'. */
  readonly title?: string;
  readonly author?: string;
  /** Where the entry is named (the config's `sources[k].tei`, or the command line): messages about the entry point there. */
  readonly at: SourcePosition;
}

export interface TeiSourceTexts {
  readonly texts: EditionText[];
  readonly messages: Diagnostic[];
  /** The header of the first `teiCorpus` read: the edition's metadata when nothing else gives it. */
  readonly corpusHeader?: HeaderSummary;
}

/** Page names the site uses for itself: a text may not take them. */
const RESERVED_IDS = new Set(['index', 'persons', 'places', 'organisations', 'bibliography', 'contents', 'search']);

const GLOB = /[*?[]/u;

export function isGlob(path: string): boolean {
  return GLOB.test(path);
}

/** The folder a glob starts from (its path before the first segment with a wildcard). */
export function globBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/u);
  const first = segments.findIndex((s) => GLOB.test(s));
  return first <= 0 ? (first === 0 ? '.' : pattern) : segments.slice(0, first).join(sep) || sep;
}

/** A glob's files' test: `*` and `?` within a path segment, `**` across segments, `[…]` a class. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const normalised = pattern.split(sep).join('/');
  let source = '';
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised[i]!;
    if (c === '*' && normalised[i + 1] === '*') {
      const slash = normalised[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = normalised.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${normalised
          .slice(i + 1, end)
          .replace(/^!/u, '^')
          .replace(/\\/gu, '\\\\')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/gu, '\\$&');
  }
  const re = new RegExp(`^${source}$`, 'u');
  return (path) => re.test(path.split(sep).join('/'));
}

/** A file name or relative path as a text id: letters, digits, `.`, `_` and `-`. */
export function textIdOf(relativePath: string): string {
  const stem = relativePath
    .replace(/\.xml$/iu, '')
    .split(/[\\/]/u)
    .join('-');
  const id = stem.replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^[^A-Za-z0-9]+/u, '') || 'text';
  return RESERVED_IDS.has(id.toLowerCase()) ? `${id}-text` : id.slice(0, 200);
}

/** The files an entry names, each with the path its id is made from. */
async function filesOf(
  entry: TeiSourceEntry,
  shown: (path: string) => string,
): Promise<{ files: { path: string; rel: string }[]; messages: Diagnostic[] }> {
  const messages: Diagnostic[] = [];
  if (isGlob(entry.path)) {
    const base = globBase(entry.path);
    const matches = globMatcher(entry.path);
    const walked = await collectXmlFiles([base], shown);
    messages.push(...walked.messages);
    const files = walked.files.filter((f) => matches(resolve(f))).map((f) => ({ path: resolve(f), rel: relative(base, f) }));
    if (files.length === 0)
      messages.push(
        diagnostic(
          'error',
          'tei-source-missing',
          `found no TEI file matching ${shown(entry.path)}; expected one or more *.xml files`,
          entry.at,
          { fatal: true },
        ),
      );
    return { files, messages };
  }
  let isFolder: boolean;
  try {
    isFolder = (await stat(entry.path)).isDirectory();
  } catch {
    messages.push(
      diagnostic(
        'error',
        'tei-source-missing',
        `found no such file or folder: ${shown(entry.path)}; expected a TEI file, a folder of TEI files or a glob`,
        entry.at,
        { fatal: true },
      ),
    );
    return { files: [], messages };
  }
  if (!isFolder) return { files: [{ path: entry.path, rel: basename(entry.path) }], messages };
  const walked = await collectXmlFiles([entry.path], shown);
  messages.push(...walked.messages);
  if (walked.files.length === 0)
    messages.push(
      diagnostic('error', 'tei-source-missing', `found no *.xml file in the folder ${shown(entry.path)}; expected TEI files`, entry.at, {
        fatal: true,
      }),
    );
  return { files: walked.files.map((f) => ({ path: resolve(f), rel: relative(entry.path, f) })), messages };
}

/** The texts of some TEI source entries, in the order named (a folder's files sorted by name). */
export async function readTeiSourceTexts(entries: readonly TeiSourceEntry[], shown: (path: string) => string): Promise<TeiSourceTexts> {
  const texts: EditionText[] = [];
  const messages: Diagnostic[] = [];
  let corpusHeader: HeaderSummary | undefined;
  const seen = new Map<string, string>();
  const add = (text: EditionText): void => {
    const earlier = seen.get(text.id);
    if (earlier !== undefined) {
      messages.push(
        diagnostic(
          'error',
          'duplicate-text-id',
          `two texts would have the id “${text.id}” (and the page ${text.id}.html): ${earlier} and ${text.shown}; expected one id per text`,
          { file: text.shown },
          { hint: 'give one of them its own id in edition.json (`{ "tei": …, "id": … }`), or rename a file' },
        ),
      );
      return;
    }
    seen.set(text.id, text.shown);
    texts.push(text);
  };
  for (const entry of entries) {
    const { files, messages: found } = await filesOf(entry, shown);
    messages.push(...found);
    for (const file of files) {
      let xml: string;
      try {
        xml = new TextDecoder('utf-8', { fatal: true }).decode(await readInputFile(file.path));
      } catch (error) {
        const why = error instanceof TypeError ? 'bytes that are not UTF-8' : error instanceof Error ? error.message : String(error);
        messages.push(
          diagnostic(
            'error',
            'tei-source-unreadable',
            `found ${why}; expected a TEI file in UTF-8`,
            { file: shown(file.path) },
            { fatal: true },
          ),
        );
        continue;
      }
      const malformed = checkWellFormed([xml.replace(/^\uFEFF/u, '')]);
      if (malformed !== undefined) {
        messages.push(
          diagnostic(
            'error',
            'not-well-formed',
            `not well-formed XML: ${malformed.message}; expected a TEI document`,
            { file: shown(file.path), line: malformed.line, column: malformed.column },
            { fatal: true },
          ),
        );
        continue;
      }
      const corpus = /<(?:[\w.-]+:)?teiCorpus[\s>/]/u.test(xml.slice(0, 65536))
        ? await corpusTexts(xml, pathToFileURL(file.path).href).catch(() => undefined)
        : undefined;
      if (corpus === undefined) {
        const id = files.length === 1 && entry.id !== undefined ? entry.id : textIdOf(file.rel);
        add({ id, xml, path: file.path, shown: shown(file.path), origin: 'tei', ...schemaOf(entry) });
        continue;
      }
      corpusHeader ??= corpus.header;
      const stem = textIdOf(file.rel);
      for (const text of corpus.texts)
        add({
          id: textIdOf(`${stem}-${text.key}`),
          xml: text.xml,
          path: file.path,
          shown: shown(file.path),
          origin: 'tei',
          ...schemaOf(entry),
        });
    }
  }
  return { texts, messages, ...(corpusHeader === undefined ? {} : { corpusHeader }) };
}

/** What a text takes from its entry in the config: its schema, a title and an author over its header's. */
function schemaOf(entry: TeiSourceEntry): { schema?: string; title?: string; author?: string } {
  return {
    ...(entry.schema === undefined ? {} : { schema: entry.schema }),
    ...(entry.title === undefined ? {} : { title: entry.title }),
    ...(entry.author === undefined ? {} : { author: entry.author }),
  };
}

/** The folder a TEI source entry reads from (for the output check): the folder itself, a glob's base, a file's folder. */
export function teiSourceFolder(path: string): string {
  if (isGlob(path)) return globBase(path);
  return path.toLowerCase().endsWith('.xml') ? dirname(path) : path;
}
