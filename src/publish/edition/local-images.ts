/**
 * The local images a TEI document refers to, for the editions to carry a copy: graphic/@url
 * (figures, and the facsimile's surfaces) and pb/@facs (page images) that are relative or
 * absolute paths, not web or data addresses, and name a file that exists. Each is given its
 * place in the output, `images/<text id>/<path relative to the TEI file>`: the caller copies
 * `from` to `to` under the site (and next to edition.typ for the book), and passes the
 * stylesheets the parameter `local-images`, a map from `ref` (the address as the TEI writes it)
 * to `to` (localImagesParam). Pure apart from asking whether a file exists (injectable).
 */
import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NamespaceParser } from '../../lib/xml/namespace-parser.js';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export interface LocalImage {
  /** The address as the TEI writes it (@url or @facs, white space trimmed): the stylesheets' key. */
  readonly ref: string;
  /** Absolute path of the image file. */
  readonly from: string;
  /** Site-relative path of its copy: images/<text id>/… */
  readonly to: string;
}

/** Whether a path is an existing file (the default test; tests pass their own). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The addresses of graphic/@url and pb/@facs in a TEI document, in document order (each once). */
export function imageAddresses(xml: string): string[] {
  const parser = new NamespaceParser();
  const found = new Set<string>();
  parser.on('opentag', (tag) => {
    if (tag.uri !== TEI_NS) return;
    const name = tag.local === 'graphic' ? 'url' : tag.local === 'pb' ? 'facs' : undefined;
    if (name === undefined) return;
    const attribute = Object.values(tag.attributes).find((a) => a.uri === '' && a.local === name);
    const value = attribute?.value.trim();
    // @facs may hold several pointers; the page image is the first.
    const first = value === undefined ? undefined : name === 'facs' ? value.split(/\s+/u)[0] : value;
    if (first !== undefined && first !== '') found.add(first);
  });
  try {
    parser.write(xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/u, '')).close();
  } catch {
    // A document that is not well-formed is reported by the validator; its images are those read so far.
  }
  return [...found];
}

/** The local file an address names, relative to the TEI file, or undefined (web, data, fragment, other schemes). */
export function localPath(ref: string, teiPath: string): string | undefined {
  if (ref.startsWith('#') || (/^[A-Za-z][A-Za-z0-9+.-]*:/u.test(ref) && !/^[A-Za-z]:[\\/]/u.test(ref))) return undefined;
  try {
    const url = new URL(ref.replace(/\\/gu, '/'), pathToFileURL(teiPath));
    url.hash = '';
    url.search = '';
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}

/** The site path of a copy: images/<text id>/<path from the TEI file's folder>, each part made safe for a URL. */
export function sitePath(from: string, teiPath: string): string {
  const textId = basename(teiPath).replace(/\.xml$/iu, '');
  const rel = relative(dirname(teiPath), from);
  const parts = (isAbsolute(rel) ? rel.replace(/^[A-Za-z]:/u, '') : rel).split(sep).filter((p) => p !== '' && p !== '.');
  return ['images', textId, ...parts.map((p) => (p === '..' ? '_up' : p))].map(safePart).join('/');
}

function safePart(part: string): string {
  const safe = part.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return safe === '' || /^\.+$/u.test(safe) ? '_' : safe;
}

/** What may be copied into a site: image files only, so that a TEI file cannot publish another kind of file of this machine by naming it. */
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|svg|avif|tiff?)$/iu;

/** The local images of a TEI document that exist, each with its copy's site path. */
export function localImages(xml: string, teiPath: string, exists: (path: string) => boolean = isFile): LocalImage[] {
  const images: LocalImage[] = [];
  for (const ref of imageAddresses(xml)) {
    const from = localPath(ref, teiPath);
    if (from !== undefined && IMAGE_FILE.test(from) && exists(from)) images.push({ ref, from, to: sitePath(from, teiPath) });
  }
  return images;
}

/** The stylesheets' parameter `local-images`: address as written → site path. */
export function localImagesParam(images: readonly LocalImage[]): Record<string, string> {
  return Object.fromEntries(images.map((i) => [i.ref, i.to]));
}
