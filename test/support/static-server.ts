/**
 * A static web server on 127.0.0.1 for a built site, as any static host would serve it (the
 * browser tests and the search bench start one and stop it): files only, a content type by
 * extension, gzip when the browser accepts it (as static hosts do), 404 for anything else.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  /** Bytes sent (bodies, as sent: compressed or not), since the start or the last reset. */
  sent(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  let bytes = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        let body = await readFile(file);
        const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
        if (
          options.gzip !== false &&
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
          /^(text|application\/(json|xml))/.test(headers['content-type'] ?? '')
        ) {
          body = gzipSync(body);
          headers['content-encoding'] = 'gzip';
        }
        bytes += body.length;
        res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent: () => bytes,
    reset: () => {
      bytes = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
