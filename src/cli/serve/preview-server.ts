/**
 * The HTTP side of `serve`: on 127.0.0.1 only, GET and HEAD only. The site's files from the
 * current html folder (the live-reload script added to HTML responses), the events stream, the
 * page script, and the PDF on demand. Requests whose Host is not a loopback name are refused, so
 * that a web page elsewhere cannot read the edition through DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, PDF_PATH, SERVE_PREFIX, type LiveReload } from './live-reload.js';
import { contentType, isHtml, readSiteFile, sitePath, withSnippet } from './site-files.js';

export const LOOPBACK = '127.0.0.1';

export interface PreviewSite {
  /** The html folder of the output (read per request). */
  readonly htmlDir: string;
  readonly live: LiveReload;
  /** Makes the print edition now; the PDF's bytes, or the errors that stopped it. */
  readonly pdf: () => Promise<{ readonly bytes: Buffer; readonly name: string } | { readonly errors: readonly string[] }>;
}

export interface PreviewServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(site: PreviewSite, port: number): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    handle(site, request, response).catch(() => {
      if (!response.headersSent) plain(response, 500, 'the file could not be read');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    url: `http://${LOOPBACK}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        site.live.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const LOOPBACK_HOSTS = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/iu;

async function handle(site: PreviewSite, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return plain(response, 405, 'only GET and HEAD are served');
  }
  if (!LOOPBACK_HOSTS.test(request.headers.host ?? '')) return plain(response, 403, 'this preview answers requests for 127.0.0.1 only');
  const target = request.url ?? '/';
  const path = target.split(/[?#]/u, 1)[0] ?? '';
  if (path.startsWith(SERVE_PREFIX)) return serveOwn(site, request, response, path, target);
  const named = sitePath(target);
  if (named.kind === 'refused') return plain(response, named.status, named.reason);
  const found = await readSiteFile(site.htmlDir, named, target);
  if (found.kind === 'redirect') {
    response.writeHead(301, { Location: found.location, 'Cache-Control': 'no-store' });
    return void response.end();
  }
  if (found.kind === 'missing') return notFound(site, request, response);
  const body = isHtml(found.path) ? Buffer.from(withSnippet(found.bytes.toString('utf8'), site.live.snippet()), 'utf8') : found.bytes;
  send(request, response, 200, contentType(found.path), body);
}

async function serveOwn(
  site: PreviewSite,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  target: string,
): Promise<void> {
  if (path === EVENTS_PATH) {
    const since = Number(new URLSearchParams(target.split('?')[1] ?? '').get('build') ?? '0');
    return site.live.connect(response, Number.isFinite(since) ? since : 0);
  }
  if (path === CLIENT_PATH) return send(request, response, 200, 'text/javascript; charset=utf-8', Buffer.from(CLIENT_SCRIPT, 'utf8'));
  if (path === PDF_PATH) {
    const made = await site.pdf();
    if ('bytes' in made) {
      response.setHeader('Content-Disposition', `inline; filename="${made.name.replace(/[^\w.-]/gu, '_')}"`);
      return send(request, response, 200, 'application/pdf', made.bytes);
    }
    return send(
      request,
      response,
      500,
      'text/html; charset=utf-8',
      Buffer.from(page('The print edition was not made', made.errors, site), 'utf8'),
    );
  }
  return plain(response, 404, 'not found');
}

/** A missing page, with the live-reload script: it shows the errors of a failed first build, and reloads once a build makes the page. */
function notFound(site: PreviewSite, request: IncomingMessage, response: ServerResponse): void {
  const state = site.live.state;
  const why = state.kind === 'building-first' ? 'The first build is still running.' : 'No such file in the site.';
  send(request, response, 404, 'text/html; charset=utf-8', Buffer.from(page(why, [], site), 'utf8'));
}

function page(title: string, lines: readonly string[], site: PreviewSite): string {
  const escape = (text: string): string => text.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${lines.map((l) => `<pre>${escape(l)}</pre>`).join('')}${site.live.snippet()}</body></html>\n`;
}

function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function plain(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}
