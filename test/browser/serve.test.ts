/**
 * `tei-edition serve` as an editor uses it: the real command in its own process on a copy of
 * the sample edition, a page open in chromium, files edited on disk. The page reloads with a
 * change (saved by rename, as editors do); an invalid edit shows the overlay with
 * file:line:col, the fix clears it; only 127.0.0.1 is bound; `..` is refused; Ctrl-C during a
 * build exits 0 with no staging folder left. No timing is asserted: events are awaited with
 * generous timeouts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, skipWithoutChromium } from '../support/browser.js';
import { cliEntry } from '../support/paths.js';
import { sampleEditionCopy } from '../support/run-cli.js';

const skip = skipWithoutChromium();
const LETTER = '1917-10-01-lenine-lettre-au-comite-central';
const WAIT_MS = 180_000;

interface Served {
  readonly child: ChildProcess;
  readonly dir: string;
  readonly port: number;
  readonly url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout has a line matching `pattern` after the first `from` characters. */
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  readonly exited: Promise<number | null>;
}

/** `tei-edition serve` in `dir`, once it says where it serves. */
async function startServe(dir: string): Promise<Served> {
  const child = spawn(process.execPath, [cliEntry, 'serve'], {
    cwd: dir,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(out.slice(from))) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`serve did not print ${pattern} within ${WAIT_MS / 1000} s; stdout:\n${out}\nstderr:\n${err}`));
      }, WAIT_MS);
      listeners.add(check);
      check();
    });
  await waitFor(/serving http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)/u);
  const match = /serving (http:\/\/127\.0\.0\.1:(\d+)\/)/u.exec(out);
  if (!match) throw new Error('no address');
  return { child, dir, port: Number(match[2]), url: match[1] as string, stdout: () => out, stderr: () => err, waitFor, exited };
}

/** A raw GET/HEAD with the path sent as written (no URL normalisation of `..`). */
function rawRequest(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let served: Served | undefined;
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  served = await startServe(sampleEditionCopy());
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (served && served.child.exitCode === null) {
    served.child.kill('SIGKILL');
    await served.exited;
  }
});

function current(): Served {
  if (!served) throw new Error('serve did not start');
  return served;
}

test("serve binds 127.0.0.1 only (the listening socket's address), on the free port it printed", { skip }, async () => {
  const { port, child } = current();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    // local_address is ADDR:PORT in hex; state 0A is LISTEN.
    const listening = readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/u))
      .filter((f) => f[1] !== undefined && parseInt(f[1].split(':')[1] ?? '', 16) === port && f[3] === '0A');
    for (const fields of listening)
      assert.equal(fields[1]?.split(':')[0], '0100007F', `${table}: the socket on port ${port} listens on 127.0.0.1 only`);
    if (table === '/proc/net/tcp') assert.equal(listening.length, 1, `one IPv4 socket listens on port ${port} (pid ${child.pid})`);
  }
  const other = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && !i.internal && i.family === 'IPv4');
  if (other) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: other.address, port }, () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    assert.ok(refused, `port ${port} on ${other.address} is not served`);
  }
});

test('the site is served with content types; HTML gets the reload script (not the file on disk); `..` is refused', { skip }, async () => {
  const { port, dir } = current();
  const index = await rawRequest(port, '/');
  assert.equal(index.status, 200);
  assert.equal(index.type, 'text/html; charset=utf-8');
  assert.match(index.body, /<script src="\/__tei-edition\/client\.js" data-build="\d+" defer="defer"><\/script><\/body>/u);
  assert.doesNotMatch(
    readFileSync(join(dir, 'output', 'html', 'index.html'), 'utf8'),
    /__tei-edition/u,
    'the file on disk is as build wrote it',
  );
  assert.equal((await rawRequest(port, '/assets/edition.css')).type, 'text/css; charset=utf-8');
  const head = await rawRequest(port, `/${LETTER}.html`, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  for (const path of ['/../edition.json', '/%2e%2e/edition.json', '/assets/..%2f..%2fedition.json', '/assets/%2e%2e/%2e%2e/edition.json']) {
    const refused = await rawRequest(port, path);
    assert.equal(refused.status, 403, `${path} is refused`);
    assert.doesNotMatch(refused.body, /"sources"/u);
  }
  assert.equal((await rawRequest(port, '/', 'POST')).status, 405);
  assert.equal((await rawRequest(port, '/no-such-page.html')).status, 404);
});

test('an edit saved by rename rebuilds, and the open page reloads with it', { skip }, async () => {
  const { dir, url, stdout, waitFor } = current();
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage();
  await page.goto(`${url}${LETTER}.html`);
  assert.doesNotMatch(await page.locator('main').innerText(), /\[revu en direct\]/u);
  const raw = join(dir, 'tei', 'raw', `${LETTER}.txt`);
  const text = readFileSync(raw, 'utf8');
  assert.match(text, /Chers camarades,/u);
  const from = stdout().length;
  // As editors save: a new file, renamed over the old one.
  const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
  writeFileSync(`${raw}.swp-new`, text.replace('Chers camarades,', 'Chers camarades [revu en direct],'));
  renameSync(`${raw}.swp-new`, raw);
  await reloaded;
  assert.match(await page.locator('main').innerText(), /\[revu en direct\]/u);
  await waitFor(/rebuilt in [\d.]+ s/u, from);
  assert.match(stdout().slice(from), /changed: tei\/raw\/1917-10-01-lenine-lettre-au-comite-central\.txt: rebuilding/u);
  await page.close();
});

test('an invalid edit shows the overlay with file:line:col (and the terminal says it); the fix clears it', { skip }, async () => {
  const { dir, url, stdout, stderr, waitFor } = current();
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage();
  await page.goto(`${url}${LETTER}.html`);
  const tei = join(dir, 'tei', `${LETTER}.xml`);
  const good = readFileSync(tei, 'utf8');
  const from = stdout().length;
  writeFileSync(tei, good.replace('</body>', '</bodyx>'));
  const overlay = page.locator('#tei-edition-overlay[role="alert"]');
  const line = new RegExp(`^tei/${LETTER}\\.xml:\\d+:\\d+ {2}error {2}not well-formed XML: unexpected end tag </bodyx>`, 'u');
  await overlay.locator('pre').first().waitFor({ timeout: WAIT_MS });
  assert.match(await overlay.locator('pre').first().innerText(), line);
  await waitFor(/the build failed/u, from);
  assert.match(stderr(), new RegExp(line.source.slice(1), 'mu'), 'the terminal prints the same message');
  assert.match(await page.locator('main').innerText(), /\[revu en direct\]/u, 'the page is still the last good build');

  // A page opened while the build is failing shows the errors at once; its button dismisses them.
  const second = await browser.newPage();
  await second.goto(`${url}index.html`);
  await second.locator('#tei-edition-overlay pre').first().waitFor({ timeout: WAIT_MS });
  await second.locator('#tei-edition-overlay button').click();
  assert.equal(await second.locator('#tei-edition-overlay').count(), 0);

  const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
  writeFileSync(tei, good);
  await reloaded;
  assert.match(await page.locator('main').innerText(), /\[revu en direct\]/u);
  assert.equal(await page.locator('#tei-edition-overlay').count(), 0, 'the good build cleared the overlay');
  await page.close();
  await second.close();
});

test('Ctrl-C during a build: exits 0, the output is whole, no staging folder is left, no stack trace', { skip }, async () => {
  const { child, dir, stdout, stderr, waitFor, exited } = current();
  const raw = join(dir, 'tei', 'raw', `${LETTER}.txt`);
  const from = stdout().length;
  writeFileSync(raw, readFileSync(raw, 'utf8').replace('[revu en direct]', '[revu deux fois]'));
  await waitFor(/rebuilding/u, from);
  child.kill('SIGINT');
  assert.equal(await exited, 0, stderr());
  const output = join(dir, 'output');
  // (The build cache, .tei-edition-cache, stays: docs/cache.md.)
  assert.deepEqual(
    readdirSync(output).filter((name) => name.startsWith('.') && name !== '.tei-edition-cache'),
    [],
    'no staging or old folder',
  );
  assert.ok(existsSync(join(output, 'html', `${LETTER}.html`)));
  assert.doesNotMatch(stderr(), /^\s+at /mu);
});
