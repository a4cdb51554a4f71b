/**
 * The files of the built site as `serve` answers them: a request path mapped to a file inside the
 * html folder (never outside it: `..`, encoded or not, is refused), its content type, and the
 * live-reload script added to HTML responses (in the response only, never in the file on disk).
 * The html folder is looked up on every request: `build` swaps a new one in whole, and an open
 * handle would keep serving the old one.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep, isAbsolute } from 'node:path';

/** What a request path names in the site: a file below the root, or why it is refused. */
export type SitePath =
  | { readonly kind: 'file'; readonly relative: string; readonly directory: boolean }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * `/a/b.html?x` → `a/b.html`; `/` and `/a/` → their `index.html`. Checked segment by segment on
 * the path as sent (before any normalisation a URL parser would do): a `..` or `.` segment, a
 * slash or backslash or NUL encoded inside a segment, and hidden files (`.name`) are refused.
 */
export function sitePath(requestTarget: string): SitePath {
  const path = requestTarget.split(/[?#]/u, 1)[0] ?? '';
  if (!path.startsWith('/')) return { kind: 'refused', status: 400, reason: 'the request path does not start with /' };
  const segments: string[] = [];
  for (const raw of path.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'the request path is not valid percent-encoding' };
    }
    if (segment === '..' || segment === '.' || /[/\\\0]/u.test(segment))
      return { kind: 'refused', status: 403, reason: 'the request path leaves the site' };
    if (segment.startsWith('.')) return { kind: 'refused', status: 404, reason: 'hidden files are not served' };
    if (segment !== '') segments.push(segment);
  }
  const directory = path.endsWith('/');
  return { kind: 'file', relative: segments.join('/'), directory };
}

const TEXT = '; charset=utf-8';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': `text/html${TEXT}`,
  '.htm': `text/html${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.xml': `application/xml${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.typ': `text/plain${TEXT}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtml(file: string): boolean {
  return /\.html?$/iu.test(file);
}

/** The page with `snippet` before its last `</body>` (or at its end): the bytes on disk are not touched. */
export function withSnippet(html: string, snippet: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}${snippet}` : `${html.slice(0, at)}${snippet}${html.slice(at)}`;
}

export type SiteFile =
  | { readonly kind: 'file'; readonly path: string; readonly bytes: Buffer }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'missing' };

/**
 * Reads what `relative` names below `root`: a file, a folder's `index.html` (a folder asked for
 * without its final slash is redirected, so that the page's relative links work), or nothing.
 * A symbolic link that leads out of the site is not followed.
 */
export async function readSiteFile(root: string, target: Extract<SitePath, { kind: 'file' }>, requestPath: string): Promise<SiteFile> {
  let path = join(root, ...target.relative.split('/'));
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return { kind: 'missing' };
  if (info.isDirectory()) {
    if (!target.directory && target.relative !== '') return { kind: 'redirect', location: `${requestPath.split(/[?#]/u, 1)[0] ?? ''}/` };
    path = join(path, 'index.html');
  }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    const inside = relative(realRoot, realFile);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return { kind: 'missing' };
    return { kind: 'file', path, bytes: await readFile(realFile) };
  } catch {
    return { kind: 'missing' };
  }
}
