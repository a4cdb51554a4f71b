/**
 * Live reload over Server-Sent Events (`/__tei-edition/events`): after a good build every open
 * page gets `reload`; after a failed one, `error` with the messages, which the page shows in an
 * overlay. A page says which build it was served from (`?build=N`): one that connects after a
 * newer good build (it missed the `reload`) is told to reload at once, and one that connects
 * while the last build failed gets its errors at once.
 */
import type { ServerResponse } from 'node:http';

export const SERVE_PREFIX = '/__tei-edition/';
export const EVENTS_PATH = `${SERVE_PREFIX}events`;
export const CLIENT_PATH = `${SERVE_PREFIX}client.js`;
export const PDF_PATH = `${SERVE_PREFIX}pdf`;

/** Where the builds stand, as pages need it. */
export type BuildState =
  | { readonly kind: 'building-first' }
  | { readonly kind: 'ok'; readonly generation: number }
  | { readonly kind: 'failed'; readonly generation: number; readonly errors: readonly string[] };

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private current: BuildState = { kind: 'building-first' };

  get state(): BuildState {
    return this.current;
  }

  /** The number of pages listening. */
  get listeners(): number {
    return this.clients.size;
  }

  /** The script tag added to each HTML page served. */
  snippet(): string {
    const generation = this.current.kind === 'building-first' ? 0 : this.current.generation;
    return `<script src="${CLIENT_PATH}" data-build="${generation}" defer="defer"></script>`;
  }

  /** A page connects; `since` is the build its HTML came from. */
  connect(response: ServerResponse, since: number): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write('retry: 1000\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
    const state = this.current;
    if (state.kind === 'failed') send(response, 'error', JSON.stringify({ errors: state.errors }));
    else if (state.kind === 'ok' && state.generation > since) send(response, 'reload', String(state.generation));
  }

  /** A build ended: pages reload, or show its errors. */
  built(result: { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] }): void {
    const generation = (this.current.kind === 'building-first' ? 0 : this.current.generation) + (result.ok ? 1 : 0);
    this.current = result.ok ? { kind: 'ok', generation } : { kind: 'failed', generation, errors: result.errors };
    const [event, data] = result.ok ? ['reload', String(generation)] : ['error', JSON.stringify({ errors: result.errors })];
    for (const client of this.clients) send(client, event, data);
  }

  /** Ends every connection (the server is stopping). */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function send(response: ServerResponse, event: string, data: string): void {
  response.write(
    `event: ${event}\n${data
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n')}\n\n`,
  );
}

/**
 * The page side: listens for events, reloads, or shows the errors in a fixed panel
 * (role="alert", in a shadow root so that the edition's CSS does not restyle it), dismissed by
 * its button or Escape. Plain ES2017, no dependencies.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var since = script && script.dataset ? script.dataset.build || '0' : '0';
  var source = new EventSource('${EVENTS_PATH}?build=' + encodeURIComponent(since));
  var host = null;
  function dismiss() {
    if (host && host.parentNode) host.parentNode.removeChild(host);
    host = null;
  }
  function show(errors) {
    dismiss();
    host = document.createElement('div');
    host.id = 'tei-edition-overlay';
    host.setAttribute('role', 'alert');
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var style = document.createElement('style');
    style.textContent = ':host, .panel { all: initial; } .panel { position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647; max-height: 60vh; overflow: auto; box-sizing: border-box; padding: 12px 16px; background: #fff5f5; color: #1b1b1b; border-top: 4px solid #b3261e; box-shadow: 0 -2px 12px rgba(0,0,0,.25); font: 15px/1.5 system-ui, sans-serif; }'
      + ' .head { display: flex; gap: 12px; align-items: baseline; justify-content: space-between; }'
      + ' h2 { margin: 0 0 8px; font: 700 16px/1.4 system-ui, sans-serif; color: #8c1d18; }'
      + ' pre { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.45 ui-monospace, monospace; color: #1b1b1b; }'
      + ' p { margin: 4px 0 0; font: 14px/1.5 system-ui, sans-serif; color: #333; }'
      + ' button { font: 14px system-ui, sans-serif; padding: 4px 10px; border: 1px solid #555; border-radius: 4px; background: #fff; color: #1b1b1b; cursor: pointer; }';
    var panel = document.createElement('section');
    panel.className = 'panel';
    var head = document.createElement('div');
    head.className = 'head';
    var title = document.createElement('h2');
    title.textContent = 'tei-edition: the build failed (' + errors.length + ' error' + (errors.length === 1 ? '' : 's') + '); this page is the last good build';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', dismiss);
    head.appendChild(title);
    head.appendChild(close);
    panel.appendChild(head);
    errors.forEach(function (text) {
      var pre = document.createElement('pre');
      pre.textContent = text;
      panel.appendChild(pre);
    });
    var help = document.createElement('p');
    help.textContent = 'Fix the file and save it: the page reloads when the build succeeds. Escape hides this panel.';
    panel.appendChild(help);
    root.appendChild(style);
    root.appendChild(panel);
    document.documentElement.appendChild(host);
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && host) dismiss();
  });
  source.addEventListener('reload', function () {
    source.close();
    location.reload();
  });
  source.addEventListener('error', function (event) {
    // A named "error" event carries the build's messages; a bare one is the connection (EventSource reconnects).
    if (!event.data) return;
    try {
      show(JSON.parse(event.data).errors || []);
    } catch (e) {
      show([String(event.data)]);
    }
  });
})();
`;
